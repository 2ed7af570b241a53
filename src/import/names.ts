/** Names for what an import makes: node ids, condition names and values, as the flow format takes them. */
import { idWords } from '../flow/ids.js';

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
  const id = slug(name.replace(/^.*\//, '').replace(/\.[^.]*$/, ''));
  return id.startsWith('v-') ? `${format}-${id.slice(2)}` : id || `${format}-flow`;
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
