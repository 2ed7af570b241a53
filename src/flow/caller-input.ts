/**
 * A caller's input as flow files and scripted walks write it: `1`, `1234`, `say: billing`,
 * `silence`, `invalid`, `value: 12345678`.
 */
export type CallerInput =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'say'; readonly phrase: string }
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'silence' }
  | { readonly kind: 'invalid' };

const KEYS = /^(?:[0-9*#]|[0-9]{2,})$/;

/** Reads one written input, or undefined when it is none of the forms above. */
export function parseCallerInput(written: string | number): CallerInput | undefined {
  const text = String(written).trim();
  if (KEYS.test(text)) return { kind: 'key', key: text };
  if (text === 'silence') return { kind: 'silence' };
  if (text === 'invalid') return { kind: 'invalid' };
  const said = /^say:\s*(.+)$/i.exec(text);
  if (said?.[1]) return { kind: 'say', phrase: said[1].trim() };
  const value = /^value:\s*(.+)$/i.exec(text);
  if (value?.[1]) return { kind: 'value', value: value[1].trim() };
  return undefined;
}

/** The input as a report writes it: `"0"`, `"say: agent"`, `"silence"`, `"value: 123"`. */
export function formatCallerInput(input: CallerInput): string {
  switch (input.kind) {
    case 'key':
      return input.key;
    case 'say':
      return `say: ${input.phrase}`;
    case 'value':
      return `value: ${input.value}`;
    default:
      return input.kind;
  }
}

/** A phrase as speech matching compares it: lower case, no punctuation, single spaces. */
export function normalisePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
