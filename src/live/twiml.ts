/**
 * TwiML, the XML a voice webhook answers with, read as the telephony provider reads it: the
 * verbs of `<Response>` in document order, with the attributes and nouns a crawl acts on.
 * https://www.twilio.com/docs/voice/twiml
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseXmlInOrder } from '../flow/xml.js';

/** Something the caller hears: a `<Say>` text, a `<Play>` of a recording, a `<Pause>`. */
export type Spoken =
  | { readonly kind: 'say'; readonly text: string }
  | { readonly kind: 'play'; readonly url: string }
  | { readonly kind: 'pause'; readonly seconds: number };

export interface Gather {
  readonly verb: 'Gather';
  /** As written; resolved against the document's URL when requested (default: that URL). */
  readonly action?: string;
  readonly method: string;
  readonly input: { readonly dtmf: boolean; readonly speech: boolean };
  readonly timeoutSeconds: number;
  readonly numDigits?: number;
  readonly finishOnKey: string;
  readonly hints: readonly string[];
  readonly actionOnEmptyResult: boolean;
  /** `<Say>`, `<Play>` and `<Pause>` nested in the Gather: its prompt. */
  readonly prompts: readonly Spoken[];
}

export type Verb =
  | { readonly verb: 'Speak'; readonly spoken: Spoken }
  | Gather
  | { readonly verb: 'Redirect'; readonly url: string; readonly method: string }
  | {
      readonly verb: 'Dial';
      /** What is dialled: a number, a client, a SIP address, a queue or a conference. */
      readonly noun: 'Number' | 'Client' | 'Sip' | 'Queue' | 'Conference' | 'Application';
      readonly target: string;
    }
  | { readonly verb: 'Enqueue'; readonly queue: string }
  | { readonly verb: 'Hangup' | 'Reject' }
  | { readonly verb: 'Record' }
  /** A verb a crawl does not act on (`<Sms>`, `<Pay>`, ...): stepped over, as noted. */
  | { readonly verb: 'Other'; readonly name: string };

export type TwimlResult =
  | { readonly ok: true; readonly verbs: readonly Verb[]; readonly skipped: readonly string[] }
  | { readonly ok: false; readonly reason: string };

type Element = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Reads a webhook's answer; anything that is not a TwiML `<Response>` is a reason, in words. */
export function readTwiml(text: string): TwimlResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, reason: `the answer is not XML (line ${line}, column ${col}: ${msg})` };
  }
  const top = (parseXmlInOrder(text) as Element[]).filter((element) => nameOf(element) !== '?xml');
  const response = top.find((element) => nameOf(element) === 'Response');
  if (!response) {
    const found = top[0] ? `<${nameOf(top[0])}>` : 'no element';
    return { ok: false, reason: `the answer is not TwiML: ${found} where <Response> was expected` };
  }
  const skipped: string[] = [];
  const verbs = childrenOf(response).map((element) => verbOf(element, skipped));
  return { ok: true, verbs, skipped };
}

function nameOf(element: Element): string {
  return Object.keys(element).find((key) => key !== ':@') ?? '';
}

function childrenOf(element: Element): Element[] {
  const children = element[nameOf(element)];
  return Array.isArray(children) ? (children as Element[]) : [];
}

function textOf(element: Element): string {
  return childrenOf(element)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : textOf(child)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function attribute(element: Element, name: string): string | undefined {
  return element[':@']?.[name];
}

function spokenOf(element: Element): Spoken | undefined {
  switch (nameOf(element)) {
    case 'Say':
      return { kind: 'say', text: textOf(element) };
    case 'Play':
      return { kind: 'play', url: textOf(element) };
    case 'Pause':
      return { kind: 'pause', seconds: Number(attribute(element, 'length') ?? 1) || 1 };
    default:
      return undefined;
  }
}

const DIAL_NOUNS = ['Number', 'Client', 'Sip', 'Queue', 'Conference', 'Application'] as const;

function verbOf(element: Element, skipped: string[]): Verb {
  const name = nameOf(element);
  const spoken = spokenOf(element);
  if (spoken) return { verb: 'Speak', spoken };
  switch (name) {
    case 'Gather':
      return gatherOf(element);
    case 'Redirect':
      return {
        verb: 'Redirect',
        url: textOf(element),
        method: (attribute(element, 'method') ?? 'POST').toUpperCase(),
      };
    case 'Dial': {
      const noun = childrenOf(element).find((child) =>
        (DIAL_NOUNS as readonly string[]).includes(nameOf(child)),
      );
      // `<Dial>+15551234567</Dial>` dials a number written as the verb's own text.
      return noun
        ? {
            verb: 'Dial',
            noun: nameOf(noun) as (typeof DIAL_NOUNS)[number],
            target: textOf(noun),
          }
        : { verb: 'Dial', noun: 'Number', target: textOf(element) };
    }
    case 'Enqueue':
      return { verb: 'Enqueue', queue: textOf(element) };
    case 'Hangup':
    case 'Reject':
      return { verb: name };
    case 'Record':
      return { verb: 'Record' };
    default:
      skipped.push(name);
      return { verb: 'Other', name };
  }
}

function gatherOf(element: Element): Gather {
  const input = (attribute(element, 'input') ?? 'dtmf').toLowerCase();
  const numDigits = Number(attribute(element, 'numDigits'));
  const action = attribute(element, 'action');
  const hints = attribute(element, 'hints');
  return {
    verb: 'Gather',
    ...(action ? { action } : {}),
    method: (attribute(element, 'method') ?? 'POST').toUpperCase(),
    input: { dtmf: input.includes('dtmf'), speech: input.includes('speech') },
    timeoutSeconds: Number(attribute(element, 'timeout') ?? 5) || 5,
    ...(Number.isInteger(numDigits) && numDigits > 0 ? { numDigits } : {}),
    finishOnKey: attribute(element, 'finishOnKey') ?? '#',
    hints: (hints ?? '')
      .split(',')
      .map((hint) => hint.trim())
      .filter((hint) => hint !== '' && !hint.startsWith('$')),
    actionOnEmptyResult: attribute(element, 'actionOnEmptyResult') === 'true',
    prompts: childrenOf(element).flatMap((child) => spokenOf(child) ?? []),
  };
}

/** The words a caller hears for one spoken thing. */
export function wordsOf(spoken: Spoken): string {
  switch (spoken.kind) {
    case 'say':
      return spoken.text;
    case 'play':
      // `<Play digits="ww1234">` sends tones and plays no recording.
      return spoken.url ? `(plays ${spoken.url.split('/').at(-1) || spoken.url})` : '';
    case 'pause':
      return '';
  }
}
