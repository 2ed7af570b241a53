import { closest, distance } from 'fastest-levenshtein';

/** The known name closest to a misspelt one, if it is close enough to be a likely typo. */
export function closestName(wrong: string, known: Iterable<string>): string | undefined {
  const names = [...known];
  if (names.length === 0) return undefined;
  const lower = wrong.toLowerCase();
  const sameButCase = names.find((name) => name.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  // A name cut short ("no-zero" for "no-zero-out") is further off by letters than by intent.
  const completed =
    lower.length >= 4 ? names.filter((name) => name.toLowerCase().startsWith(lower)) : [];
  if (completed.length === 1) return completed[0];
  const best = closest(wrong, names);
  const allowed = Math.max(2, Math.floor(wrong.length / 3));
  return distance(wrong, best) <= allowed ? best : undefined;
}

/** ` Did you mean \`billing\`?` or an empty string. */
export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
  const name = closestName(wrong, known);
  return name === undefined ? undefined : `Did you mean \`${name}\`?`;
}

/** The hint for a name that names no node: the nodes there are, or that there are none. */
export function nodesInWords(nodeIds: readonly string[]): string {
  if (nodeIds.length === 0) return 'The flow has no nodes yet; add them under `nodes`.';
  return `The nodes are: ${nodeIds.slice(0, 12).join(', ')}${nodeIds.length > 12 ? ', ...' : ''}.`;
}
