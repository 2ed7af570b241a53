import type { MenuOption } from '../../flow/types.js';
import type { Rule, RuleFinding } from '../rule.js';
import { menus } from '../ways.js';

/** How prompts name each key, by language; keys are also recognised as written (1, *, #). */
const KEY_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    '0': ['zero', 'oh'],
    '1': ['one'],
    '2': ['two'],
    '3': ['three'],
    '4': ['four'],
    '5': ['five'],
    '6': ['six'],
    '7': ['seven'],
    '8': ['eight'],
    '9': ['nine'],
    '*': ['star', 'asterisk'],
    '#': ['hash', 'pound', 'square'],
  },
  de: {
    '0': ['null'],
    '1': ['eins'],
    '2': ['zwei'],
    '3': ['drei'],
    '4': ['vier'],
    '5': ['fünf'],
    '6': ['sechs'],
    '7': ['sieben'],
    '8': ['acht'],
    '9': ['neun'],
    '*': ['stern', 'sternchen', 'sterntaste'],
    '#': ['raute', 'rautetaste'],
  },
};
/** Words that announce dial-by-extension entries. */
const EXTENSION_WORDS = ['extension', 'durchwahl', 'nebenstelle'];

function announces(prompt: string, key: string, language: string | undefined): boolean {
  const text = prompt.toLowerCase();
  const asWritten = /^\d+$/.test(key) ? new RegExp(`(^|\\D)${key}(\\D|$)`) : new RegExp(`\\${key}`);
  if (asWritten.test(text)) return true;
  if (key.length > 1) return EXTENSION_WORDS.some((word) => text.includes(word));
  const words = new Set(
    language ? (KEY_WORDS[language.slice(0, 2).toLowerCase()]?.[key] ?? []) : [],
  );
  // Without a known language, any language's words for the key count.
  if (words.size === 0)
    for (const table of Object.values(KEY_WORDS))
      for (const word of table[key] ?? []) words.add(word);
  const tokens = new Set(text.split(/[^\p{L}\p{N}]+/u));
  return [...words].some((word) => tokens.has(word));
}

const rule: Rule = {
  id: 'unannounced-key',
  meta: {
    description:
      'A menu option whose key the prompt never mentions, as a digit or as its word in the flow language.',
    severity: 'warning',
  },
  check(flow) {
    const findings: RuleFinding[] = [];
    for (const menu of menus(flow)) {
      for (const option of menu.options as MenuOption[]) {
        if (option.key === undefined || announces(menu.prompt ?? '', option.key, flow.language))
          continue;
        findings.push({
          node: menu.id,
          at: option.at,
          message: `The prompt never mentions key ${option.key}, so callers cannot know it${option.to ? ` leads to ${option.to}` : ' repeats the menu'}.`,
        });
      }
    }
    return findings;
  },
};
export default rule;
