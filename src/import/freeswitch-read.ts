/**
 * FreeSWITCH `ivr_menus` XML read closely: its menus and entries in document order, each with
 * the place of its tag, and the patterns of `digits` as keys a caller can press.
 */
import { XMLParser } from 'fast-xml-parser';
import { positionAt, withoutComments } from '../flow/source.js';
import type { SourcePosition } from '../flow/types.js';
import { lastPart } from './names.js';

type Attributes = Readonly<Record<string, string>>;

export interface Entry {
  readonly action: string;
  readonly digits: string;
  readonly param: string;
  readonly at: SourcePosition;
}

export interface Menu {
  readonly name: string;
  readonly attributes: Attributes;
  readonly entries: readonly Entry[];
  readonly at: SourcePosition;
}

/** `switch_ivr_menu.c`: max-failures and max-timeouts of 0 or less are 3; a timeout of 0, 10 s. */
export const DEFAULT_TRIES = 3;
export const DEFAULT_TIMEOUT_MS = 10_000;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'menu' || name === 'entry',
});

/** The menus in document order, each with the places of its start tag and of its entries' tags. */
export function menusOf(text: string): Menu[] {
  const parsed = parser.parse(text) as Record<string, unknown>;
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'menu') found.push(...(child as Record<string, unknown>[]));
      else if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(parsed);
  // fast-xml-parser keeps no places: the tags are found again in the text, in the same order.
  const plain = withoutComments(text);
  const menuTags = [...plain.matchAll(/<menu\b/g)].map((match) => match.index);
  const entryTags = [...plain.matchAll(/<entry\b/g)].map((match) => match.index);
  let entryIndex = 0;
  return found.map((menu, i) => {
    const entries = ((menu.entry ?? []) as Attributes[]).map((entry) => ({
      action: entry.action ?? '',
      digits: entry.digits ?? '',
      param: entry.param ?? '',
      at: positionAt(text, entryTags[entryIndex++] ?? 0),
    }));
    const attributes = Object.fromEntries(
      Object.entries(menu).filter(([, value]) => typeof value === 'string'),
    ) as Attributes;
    return {
      name: attributes.name ?? `menu-${i + 1}`,
      attributes,
      entries,
      at: positionAt(text, menuTags[i] ?? 0),
    };
  });
}

/** A sound as words: `say:Press 1` is its text, `phrase:x` a phrase macro, a file its name. */
export function soundOf(sound: string | undefined): string | undefined {
  if (!sound?.trim()) return undefined;
  if (sound.startsWith('say:')) return sound.slice(4).trim();
  if (sound.startsWith('phrase:')) return `(phrase ${sound.slice(7).trim()})`;
  return `(plays ${lastPart(sound.trim())})`;
}

/** A key a caller can press that a `digits` pattern takes: `/^(10[01][0-9])$/` gives `1000`. */
export function sampleOf(digits: string): string | undefined {
  if (!digits.startsWith('/')) return /^[0-9*#]+$/.test(digits) ? digits : undefined;
  const pattern = digits
    .replace(/^\/|\/$/g, '')
    .replace(/^\^|\$$/g, '')
    .replace(/[()]/g, '');
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    let piece: string;
    if (c === '[') {
      const end = pattern.indexOf(']', i);
      piece = pattern[i + 1] ?? '';
      i = end;
    } else if (c === '\\' && pattern[i + 1] === 'd') {
      piece = '0';
      i++;
    } else if (/[0-9*#]/.test(c)) piece = c;
    else return undefined;
    const repeat = /^\{(\d+)(?:,\d*)?\}/.exec(pattern.slice(i + 1));
    if (repeat) {
      piece = piece.repeat(Number(repeat[1]));
      i += repeat[0].length;
    }
    out += piece;
  }
  return /^[0-9*#]+$/.test(out) ? out : undefined;
}

/** An entry's `param` with `$1`... filled from its pattern's groups, as mod_ivr fills them. */
export function withCaptures(param: string, digits: string): string {
  if (!digits.startsWith('/')) return param;
  const sample = sampleOf(digits);
  const groups =
    sample === undefined ? null : new RegExp(digits.replace(/^\/|\/$/g, '')).exec(sample);
  return groups ? param.replace(/\$(\d)/g, (whole, n) => groups[Number(n)] ?? whole) : param;
}
