/** Caller profiles checked against the flow they are for. */
import type { PathSegment } from './positions.js';
import { didYouMean, nodesInWords } from './suggest.js';

/**
 * Caller profiles, in a flow's `callers` or a `--profiles` file: names are unique, and a goal is
 * `human` or a node of the flow.
 */
export function callerProfileProblems(
  profiles: readonly { readonly name: string; readonly goal: string }[],
  nodeIds: readonly string[],
  report: (path: readonly PathSegment[], message: string, hint?: string) => void,
  prefix: readonly PathSegment[] = [],
): void {
  const known = new Set(nodeIds);
  const named = new Map<string, number>();
  profiles.forEach((profile, index) => {
    const earlier = named.get(profile.name);
    if (earlier !== undefined) {
      report(
        [...prefix, index, 'name'],
        `Profiles ${earlier + 1} and ${index + 1} are both named \`${profile.name}\`.`,
        'Give each profile its own name; results are reported by name.',
      );
    } else named.set(profile.name, index);
    if (profile.goal !== 'human' && !known.has(profile.goal)) {
      report(
        [...prefix, index, 'goal'],
        `\`goal: ${profile.goal}\` names no node.`,
        didYouMean(profile.goal, [...nodeIds, 'human']) ??
          `A goal is \`human\` (any agent) or a node id. ${nodesInWords(nodeIds)}`,
      );
    }
  });
}
