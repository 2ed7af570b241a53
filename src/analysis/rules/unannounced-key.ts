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

/** The words for a key in the flow's language, or in any language when it names none known. */
function wordsFor(key: string, language: string | undefined): readonly string[] {
  const known = language ? KEY_WORDS[language.slice(0, 2).toLowerCase()]?.[key] : undefined;
  if (known && known.length > 0) return known;
  return Object.values(KEY_WORDS).flatMap((table) => table[key] ?? []);
}

/** A key as a prompt writes it: a digit not inside a longer number, or `*` or `#` anywhere. */
function writtenPattern(key: string): RegExp {
  return /^\d+$/.test(key) ? new RegExp(`(^|\\D)${key}(\\D|$)`) : new RegExp(`\\${key}`);
}

/**
 * Whether a menu's prompt announces a key. The patterns and words of each key are made once per
 * flow, and each prompt is lowered and split once: a flow of 20,000 menus has 100,000 options.
 */
function announcer(language: string | undefined) {
  const patterns = new Map<string, RegExp>();
  const words = new Map<string, readonly string[]>();
  return (prompt: string) => {
    const text = prompt.toLowerCase();
    let tokens: Set<string> | undefined;
    return (key: string): boolean => {
      if (!patterns.has(key)) patterns.set(key, writtenPattern(key));
      if (patterns.get(key)?.test(text)) return true;
      if (key.length > 1) return EXTENSION_WORDS.some((word) => text.includes(word));
      if (!words.has(key)) words.set(key, wordsFor(key, language));
      tokens ??= new Set(text.split(/[^\p{L}\p{N}]+/u));
      const heard = tokens;
      return (words.get(key) ?? []).some((word) => heard.has(word));
    };
  };
}

const rule: Rule = {
  id: 'unannounced-key',
  meta: {
    description:
      'A menu option whose key the prompt never mentions, as a digit or as its word in the flow language.',
    severity: 'warning',
    messages: {
      keyNotMentioned: "The prompt never mentions an option's key.",
    },
  },
  check(flow) {
    const findings: RuleFinding[] = [];
    const promptOf = announcer(flow.language);
    for (const menu of menus(flow)) {
      const announces = promptOf(menu.prompt ?? '');
      for (const option of menu.options as MenuOption[]) {
        if (option.key === undefined || announces(option.key)) continue;
        findings.push({
          node: menu.id,
          at: option.at,
          messageId: 'keyNotMentioned',
          message: `The prompt never mentions key ${option.key}, so callers cannot know it${option.to ? ` leads to ${option.to}` : ' repeats the menu'}.`,
        });
      }
    }
    return findings;
  },
};
export default rule;
