/** Names for what an import makes: node ids, condition names and values, as the flow format takes them. */
import { idWords } from '../flow/ids.js';
import type { Flow } from '../flow/types.js';

/** `MovingHome` as a caller says it: `moving home`. */
export function words(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

export function lastPart(text: string): string {
  return text.split(/[/:]/).filter(Boolean).at(-1) ?? text;
}

/** A condition name or value from an export's words; `v-` before one that starts with a digit. */
export function slug(text: string): string {
  const made = idWords(text);
  return /^\p{L}/u.test(made) ? made : made ? `v-${made}` : '';
}

/**
 * A flow's id from what names it (the export's own name, else its file's): flows checked
 * together need ids of their own, and an id starts with a letter.
 */
export function flowIdOf(name: string, format: string): string {
  return flowIdOfWords(name.replace(/^.*\//, '').replace(/\.[^.]*$/, ''), format);
}

function flowIdOfWords(words: string, format: string): string {
  const id = slug(words);
  return id.startsWith('v-') ? `${format}-${id.slice(2)}` : id || `${format}-flow`;
}

/**
 * Exports named alike (`pbx1/extensions.conf`, `pbx2/extensions.conf`) would make flows of one
 * id, which flows checked together may not share. An imported flow's id is phonemaze's own
 * making, so each of those takes as much of its path as tells it apart (`pbx1-extensions`); a
 * flow file's own id is the designer's and stays.
 */
export function importIdsApart<Read extends { readonly file: string; readonly flow: Flow }>(
  flows: readonly Read[],
): Read[] {
  const taken = new Map<string, number>();
  for (const { flow } of flows) taken.set(flow.id, (taken.get(flow.id) ?? 0) + 1);
  return flows.map((read) => {
    const { file, flow } = read;
    if (!flow.imported || (taken.get(flow.id) ?? 0) < 2) return read;
    const parts = file
      .replace(/\.[^./\\]*$/, '')
      .split(/[/\\]/)
      .filter((part) => part && part !== '.' && part !== '..');
    for (let depth = 2; depth <= parts.length; depth++) {
      const id = flowIdOfWords(parts.slice(-depth).join(' '), flow.imported.format);
      if (taken.has(id)) continue;
      taken.set(id, 1);
      return { ...read, flow: { ...flow, id } };
    }
    return read;
  });
}

/** Case names made unique in order: `gold`, `gold-2`. */
export function uniqueNames(cases: [string, string | undefined][]): [string, string | undefined][] {
  const seen = new Map<string, number>();
  return cases.map(([name, to]) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return [count === 1 ? name : `${name}-${count}`, to];
  });
}
