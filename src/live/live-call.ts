/**
 * One call to a TwiML app, moved as the provider moves it: verbs in document order, `<Redirect>`
 * followed, a `<Gather>` waiting for the caller, whose input (or silence) is the next request.
 * What the caller heard and where the call stands after each input is an `Observation`.
 */
import { type Answer, type LiveApp, ProviderCall, type Request } from './provider.js';
import { type Gather, type Verb, wordsOf } from './twiml.js';

/** What the caller does at a `<Gather>`. */
export type LiveInput =
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'speech'; readonly text: string }
  | { readonly kind: 'silence' };

export type Where =
  /** At a `<Gather>`, waiting for the caller. */
  | {
      readonly kind: 'listening';
      readonly gather: Gather;
      /** The same for every call that stands at this `<Gather>` with the same rest of the document. */
      readonly key: string;
      /** What the caller hears as this `<Gather>`'s own prompt: its nested verbs, else the ones just before it. */
      readonly prompt: readonly string[];
      /** The request that answered with the document holding the `<Gather>`. */
      readonly request: Request;
    }
  /** At a person: a `<Dial>` or an `<Enqueue>`. */
  | {
      readonly kind: 'person';
      readonly verb: 'Dial' | 'Enqueue';
      readonly noun: string;
      readonly target: string;
      readonly request: Request;
    }
  /** Ended by the app: `<Hangup>`, `<Reject>`, a `<Record>` (voicemail), or nothing left to do. */
  | {
      readonly kind: 'ended';
      readonly by: 'Hangup' | 'Reject' | 'Record' | 'end';
      readonly request: Request;
    }
  /** The app failed: the provider says "an application error has occurred" and hangs up. */
  | {
      readonly kind: 'error';
      readonly request: Request;
      readonly status?: number;
      readonly reason: string;
    }
  /** The app sent the call to another host, not followed. */
  | { readonly kind: 'elsewhere'; readonly request: Request };

export interface Observation {
  /** Everything the caller heard since the input, in order. */
  readonly heard: readonly string[];
  readonly where: Where;
  /** The requests the input led to, in order: its own, then each `<Redirect>`'s. */
  readonly requests: readonly Request[];
  /** Verbs stepped over because a crawl does not act on them. */
  readonly skipped: readonly string[];
}

type Step = Omit<Observation, 'requests'>;

/** What the provider says when an app fails, before it hangs up: Twilio's words. */
export const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';

/** A document the app answered with, and the request it answered. */
interface Document {
  readonly request: Request;
  readonly verbs: readonly Verb[];
}

/** `<Redirect>`s in a row, with nothing asked of the caller, that make the app's answer a loop. */
const MOST_REDIRECTS = 20;

export class LiveCall {
  private readonly provider: ProviderCall;
  private listening?: { document: Document; index: number; gather: Gather };
  private started = false;

  constructor(app: LiveApp) {
    this.provider = new ProviderCall(app);
  }

  get sid(): string {
    return this.provider.sid;
  }

  /** Whether the call waits for the caller at a `<Gather>`. */
  get waiting(): boolean {
    return this.listening !== undefined;
  }

  /** Rings the app: the first request, to its voice URL. */
  async start(): Promise<Observation> {
    if (this.started) throw new Error('the call has already started');
    this.started = true;
    return this.observed(async () =>
      this.follow(
        await this.provider.request(this.provider.app.url, this.provider.app.method, {}),
        [],
      ),
    );
  }

  /** The caller presses keys, speaks or stays silent at the `<Gather>` the call waits at. */
  async send(input: LiveInput): Promise<Observation> {
    return this.observed(() => this.answer(input));
  }

  private async observed(run: () => Promise<Step> | Step): Promise<Observation> {
    const from = this.provider.sent.length;
    const seen = await run();
    return { ...seen, requests: this.provider.sent.slice(from) };
  }

  private async answer(input: LiveInput): Promise<Step> {
    const at = this.listening;
    if (!at) throw new Error('the call is not waiting for the caller');
    this.listening = undefined;
    const { gather, document } = at;
    const action = this.provider.resolve(
      gather.action ?? document.request.url,
      document.request.url,
    );
    if (input.kind === 'silence') {
      if (gather.actionOnEmptyResult)
        return this.follow(await this.provider.request(action, gather.method, {}), []);
      return this.run(document, at.index + 1, []);
    }
    const params: Record<string, string> =
      input.kind === 'digits'
        ? { Digits: input.digits }
        : { SpeechResult: input.text, Confidence: '0.92' };
    return this.follow(await this.provider.request(action, gather.method, params), []);
  }

  private follow(answer: Answer, heard: string[], skipped: string[] = []): Step | Promise<Step> {
    if (answer.ok === 'elsewhere')
      return { heard, skipped, where: { kind: 'elsewhere', request: answer.request } };
    if (!answer.ok)
      return {
        heard: [...heard, APPLICATION_ERROR],
        skipped,
        where: {
          kind: 'error',
          request: answer.request,
          reason: answer.reason,
          ...(answer.status !== undefined ? { status: answer.status } : {}),
        },
      };
    skipped.push(...answer.skipped);
    return this.run({ request: answer.request, verbs: answer.verbs }, 0, heard, skipped);
  }

  private async run(
    start: Document,
    from: number,
    heard: string[],
    skipped: string[] = [],
    redirects = 0,
  ): Promise<Step> {
    const document = start;
    for (let index = from; index < document.verbs.length; index++) {
      const verb = document.verbs[index] as Verb;
      const request = document.request;
      switch (verb.verb) {
        case 'Speak': {
          const words = wordsOf(verb.spoken);
          if (words) heard.push(words);
          break;
        }
        case 'Gather': {
          this.listening = { document, index, gather: verb };
          const own = verb.prompts.map(wordsOf).filter(Boolean);
          for (const prompt of own) heard.push(prompt);
          return {
            heard,
            skipped,
            where: {
              kind: 'listening',
              gather: verb,
              key: this.keyOf(document, index),
              prompt: own.length > 0 ? own : leadingWords(document.verbs, index),
              request,
            },
          };
        }
        case 'Redirect': {
          if (redirects >= MOST_REDIRECTS)
            return {
              heard: [...heard, APPLICATION_ERROR],
              skipped,
              where: {
                kind: 'error',
                request,
                reason: `${MOST_REDIRECTS} <Redirect>s in a row without asking the caller anything`,
              },
            };
          const url = this.provider.resolve(verb.url, request.url);
          const answer = await this.provider.request(url, verb.method, {});
          if (answer.ok !== true) return this.follow(answer, heard, skipped);
          skipped.push(...answer.skipped);
          return this.run(
            { request: answer.request, verbs: answer.verbs },
            0,
            heard,
            skipped,
            redirects + 1,
          );
        }
        case 'Dial':
          return {
            heard,
            skipped,
            where: { kind: 'person', verb: 'Dial', noun: verb.noun, target: verb.target, request },
          };
        case 'Enqueue':
          return {
            heard,
            skipped,
            where: { kind: 'person', verb: 'Enqueue', noun: 'Queue', target: verb.queue, request },
          };
        case 'Hangup':
        case 'Reject':
        case 'Record':
          return { heard, skipped, where: { kind: 'ended', by: verb.verb, request } };
        case 'Other':
          break;
      }
    }
    return { heard, skipped, where: { kind: 'ended', by: 'end', request: document.request } };
  }

  /** The `<Gather>` and the rest of its document, URLs made whole: equal keys, equal behaviour. */
  private keyOf(document: Document, index: number): string {
    const base = document.request.url;
    const whole = (verb: Verb): Verb => {
      if (verb.verb === 'Gather')
        return { ...verb, action: this.absolute(verb.action ?? base, base) };
      if (verb.verb === 'Redirect') return { ...verb, url: this.absolute(verb.url, base) };
      return verb;
    };
    return JSON.stringify(document.verbs.slice(index).map(whole));
  }

  private absolute(written: string, base: string): string {
    return new URL(written, base).href;
  }
}

/** The words of the `<Say>`s and `<Play>`s just before a verb, when a `<Gather>` has none of its own. */
function leadingWords(verbs: readonly Verb[], index: number): string[] {
  const words: string[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const verb = verbs[i] as Verb;
    if (verb.verb !== 'Speak') break;
    const said = wordsOf(verb.spoken);
    if (said) words.unshift(said);
  }
  return words;
}
