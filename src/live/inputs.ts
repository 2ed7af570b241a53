/** What a crawl tries at a `<Gather>`: each key, the values and phrases it asks for, nonsense and silence. */
import type { LiveInput, Where } from './live-call.js';

type Listening = Extract<Where, { kind: 'listening' }>;

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];
/** Said to a speech `<Gather>` to see what it does with words it does not expect. */
export const NONSENSE = 'purple elephant';
// "your ten-digit number": the lengths a prompt may spell out.
const NUMBER_WORDS = 'zero one two three four five six seven eight nine ten eleven twelve'.split(
  ' ',
);
const DIGITS = '1234567890'.repeat(3);

/** A value to enter: digits where a prompt or a URL names the word (`--value account=12345678`). */
export interface ValueToEnter {
  readonly word: string;
  readonly digits: string;
}

export function isNonsense(input: LiveInput): boolean {
  return input.kind === 'speech' && input.text === NONSENSE;
}

/** The inputs to try at a `<Gather>`, in a fixed order: the crawl is the same each time. */
export function inputsAt(where: Listening, values: readonly ValueToEnter[]): LiveInput[] {
  const { gather } = where;
  const inputs: LiveInput[] = [];
  const text = where.prompt.join(' ');
  if (gather.input.dtmf) {
    // The finishing key alone ends the entry with no digits, as the provider sends it.
    for (const key of KEYS)
      inputs.push({ kind: 'digits', digits: key === gather.finishOnKey ? '' : key });
    const wanted = new Set<string>();
    const asked = text.toLowerCase().match(/\b(\d+|[a-z]+)[ -]digits?\b/);
    const length = asked ? Number(asked[1]) || NUMBER_WORDS.indexOf(asked[1] as string) : -1;
    if (length > 1) wanted.add(DIGITS.slice(0, length));
    if (gather.numDigits && gather.numDigits > 1) wanted.add(DIGITS.slice(0, gather.numDigits));
    const named = `${text} ${gather.action ?? ''} ${where.request.url}`.toLowerCase();
    for (const value of values)
      if (named.includes(value.word.toLowerCase())) wanted.add(value.digits);
    for (const digits of wanted) inputs.push({ kind: 'digits', digits });
  }
  if (gather.input.speech) {
    const phrases = new Set(
      [...gather.hints, ...phrasesIn(text)].map((phrase) => phrase.toLowerCase()),
    );
    for (const phrase of phrases) inputs.push({ kind: 'speech', text: phrase });
    inputs.push({ kind: 'speech', text: NONSENSE });
  }
  inputs.push({ kind: 'silence' });
  return inputs;
}

/** Phrases a prompt tells the caller to say: `say billing`, `say "sales" or press 1`. */
export function phrasesIn(prompt: string): string[] {
  const phrases: string[] = [];
  for (const match of prompt.matchAll(
    /\bsay[,:]?\s+["“'‘]?([^"”’.,;:!?]+?)["”'’]?(?=\s+(?:or|to|for|if)\b|[.,;:!?]|$)/gi,
  )) {
    const phrase = (match[1] ?? '').trim();
    if (phrase && phrase.split(/\s+/).length <= 4) phrases.push(phrase);
  }
  return phrases;
}
