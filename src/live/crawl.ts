/**
 * Crawling a TwiML app: every `<Gather>` the app can bring a call to, what each key, phrase and
 * silence does there, and how many failed attempts the app allows. Each try is a call of its own,
 * replayed from the start, since an app may keep the call's state on its side.
 */

import pLimit from 'p-limit';
import { LiveAppError } from './app.js';
import { LiveCall, type LiveInput, type Observation, type Where } from './live-call.js';
import type { LiveApp } from './provider.js';

type Listening = Extract<Where, { kind: 'listening' }>;

/** Where an input took the call: what was heard on the way, and where it stands. */
export type Arrival = Observation;

export interface Retry {
  /** Failed attempts until the app does something else (`Infinity`: it never did within the bound). */
  readonly tries: number;
  /** What the app says before asking again. */
  readonly apology: readonly string[];
  /** Where the call goes once the tries run out. */
  readonly then?: Arrival;
  /** The input repeated to find the tries. */
  readonly by: LiveInput;
}

export interface Choice {
  readonly input: LiveInput;
  readonly arrival: Arrival;
  /** The input asks again without a word of apology, unlike the failed attempts: "press star to repeat". */
  readonly repeats: boolean;
}

export interface CrawledMenu {
  readonly where: Listening;
  /** The inputs of the first call that came here. */
  readonly path: readonly LiveInput[];
  readonly choices: readonly Choice[];
  readonly noMatch?: Retry;
  readonly noInput?: Retry;
}

export interface Crawl {
  readonly start: Arrival;
  /** By `Where.key`, in the order they were found. */
  readonly menus: ReadonlyMap<string, CrawledMenu>;
  readonly requests: number;
  /** Verbs the app answered with that a crawl steps over, by name. */
  readonly skipped: readonly string[];
}

export interface CrawlOptions {
  /** Values to enter where a prompt or the `<Gather>`'s action names the word (`--value account=12345678`). */
  readonly values?: readonly { readonly word: string; readonly digits: string }[];
  /** Requests in flight at once. */
  readonly parallel?: number;
  /** Failed attempts repeated before a retry counts as unlimited. */
  readonly mostTries?: number;
  readonly onMenu?: (menu: CrawledMenu, crawled: { menus: number; requests: number }) => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];
/** Said to a speech `<Gather>` to see what it does with words it does not expect. */
export const NONSENSE = 'purple elephant';
const DEFAULT_MOST_TRIES = 10;
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

export async function crawl(app: LiveApp, options: CrawlOptions = {}): Promise<Crawl> {
  const mostTries = options.mostTries ?? DEFAULT_MOST_TRIES;
  // One limit for every call of the crawl: menus are explored side by side, their calls queued here.
  const limit = pLimit(options.parallel ?? 4);
  const skipped = new Set<string>();
  const observe = (path: readonly LiveInput[]): Promise<Arrival[]> =>
    limit(async () => {
      const call = new LiveCall(app);
      const seen = [await call.start()];
      for (const input of path) {
        if (!call.waiting) break;
        seen.push(await call.send(input));
      }
      for (const one of seen) for (const verb of one.skipped) skipped.add(verb);
      return seen;
    });
  const start = (await observe([]))[0] as Arrival;
  // Nothing to crawl when the voice URL itself fails: a wrong URL, an app not running, a bad token.
  if (start.where.kind === 'error' && start.requests.length === 1)
    throw new LiveAppError(
      start.where.status === undefined
        ? `${app.url.href} gave ${start.where.reason}: is the app running there?`
        : `${app.url.href} answered ${start.where.reason}${start.where.status === 401 || start.where.status === 403 ? ': does the app check X-Twilio-Signature? Give its --auth-token' : ''}.`,
    );
  // Each menu is explored as soon as it is found; results are taken in the order the menus were
  // found, so the crawl is the same however the app's answers interleave.
  const found = new Map<string, Promise<CrawledMenu>>();
  const order: string[] = [];
  const find = (arrival: Arrival | undefined, path: readonly LiveInput[]) => {
    if (arrival?.where.kind !== 'listening' || found.has(arrival.where.key)) return;
    const where = arrival.where;
    const exploring = exploreMenu(where, path, observe, options.values ?? [], mostTries);
    // Awaited in turn below; until then a failure must not count as unhandled.
    exploring.catch(() => undefined);
    found.set(where.key, exploring);
    order.push(where.key);
  };
  find(start, []);
  const menus = new Map<string, CrawledMenu>();
  for (let index = 0; index < order.length; index++) {
    const menu = await (found.get(order[index] as string) as Promise<CrawledMenu>);
    menus.set(menu.where.key, menu);
    for (const choice of menu.choices) find(choice.arrival, [...menu.path, choice.input]);
    for (const retry of [menu.noMatch, menu.noInput]) {
      if (retry && Number.isFinite(retry.tries))
        find(retry.then, [...menu.path, ...Array(retry.tries).fill(retry.by)]);
    }
    options.onMenu?.(menu, { menus: menus.size, requests: app.budget.used });
  }
  return { start, menus, requests: app.budget.used, skipped: [...skipped].sort() };
}

/** Tries every input at one `<Gather>`, then sorts what they did. */
async function exploreMenu(
  where: Listening,
  path: readonly LiveInput[],
  observe: (path: readonly LiveInput[]) => Promise<Arrival[]>,
  values: readonly { word: string; digits: string }[],
  mostTries: number,
): Promise<CrawledMenu> {
  const inputs = inputsAt(where, values);
  const arrivals = await Promise.all(
    inputs.map(async (input) => (await observe([...path, input])).at(-1) as Arrival),
  );
  const tried = inputs.map((input, i) => ({ input, arrival: arrivals[i] as Arrival }));
  return explore(where, path, tried, observe, mostTries);
}

/** Every input worth trying at a `<Gather>`: each key, values it asks for, phrases it suggests, nonsense and silence. */
export function inputsAt(
  where: Listening,
  values: readonly { word: string; digits: string }[],
): LiveInput[] {
  const { gather } = where;
  const inputs: LiveInput[] = [];
  const text = where.prompt.join(' ');
  if (gather.input.dtmf) {
    for (const key of KEYS)
      inputs.push({ kind: 'digits', digits: key === gather.finishOnKey ? '' : key });
    const wanted = new Set<string>();
    const asked = text.toLowerCase().match(/\b(\d+|[a-z]+)[ -]digits?\b/);
    const length = asked ? Number(asked[1]) || NUMBER_WORDS.indexOf(asked[1] as string) : -1;
    if (length > 1) wanted.add('1234567890'.repeat(3).slice(0, length));
    if (gather.numDigits && gather.numDigits > 1)
      wanted.add('1234567890'.repeat(3).slice(0, gather.numDigits));
    const where_ = `${text} ${gather.action ?? ''} ${where.request.url}`.toLowerCase();
    for (const value of values)
      if (where_.includes(value.word.toLowerCase())) wanted.add(value.digits);
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

/** What a `<Gather>` does with each input: its options, and the failed attempts it allows. */
async function explore(
  where: Listening,
  path: readonly LiveInput[],
  tried: readonly { input: LiveInput; arrival: Arrival }[],
  observe: (path: readonly LiveInput[]) => Promise<Arrival[]>,
  mostTries: number,
): Promise<CrawledMenu> {
  const asksAgain = (arrival: Arrival | undefined) =>
    arrival?.where.kind === 'listening' && lookOf(arrival.where) === lookOf(where);
  const apologyOf = (arrival: Arrival) => beforePrompt(arrival.heard, where.prompt);
  const retry = async (by: LiveInput, first: Arrival): Promise<Retry> => {
    const apology = apologyOf(first);
    if (!asksAgain(first)) return { tries: 1, apology: [], then: first, by };
    const seen = (await observe([...path, ...Array(mostTries).fill(by)])).slice(path.length + 1);
    const leaves = seen.findIndex((arrival) => !asksAgain(arrival));
    return leaves < 0
      ? { tries: Number.POSITIVE_INFINITY, apology, by }
      : { tries: leaves + 1, apology, then: seen[leaves] as Arrival, by };
  };

  const silence = tried.find((one) => one.input.kind === 'silence');
  const spoken = tried.filter((one) => one.input.kind !== 'silence');
  // Inputs that ask again, by what the app says first: the biggest group is the failed attempt.
  const groups = new Map<string, { input: LiveInput; arrival: Arrival }[]>();
  for (const one of spoken) {
    if (!asksAgain(one.arrival)) continue;
    const apology = apologyOf(one.arrival).join(' ');
    groups.set(apology, [...(groups.get(apology) ?? []), one]);
  }
  const failed = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  let noMatchBy = failed?.[1][0];
  const failing = new Set(failed?.[1].map((one) => one.input) ?? []);
  if (!noMatchBy) {
    // Nothing asks again: inputs the app treats alike, three keys or more or the nonsense, are its "else".
    const alike = new Map<string, { input: LiveInput; arrival: Arrival }[]>();
    for (const one of spoken) {
      const key = arrivalKey(one.arrival);
      alike.set(key, [...(alike.get(key) ?? []), one]);
    }
    const nonsense = spoken.find(
      (one) => one.input.kind === 'speech' && one.input.text === NONSENSE,
    );
    const most = [...alike.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const group =
      most.length >= 3 ? most : nonsense ? (alike.get(arrivalKey(nonsense.arrival)) ?? []) : [];
    for (const one of group) failing.add(one.input);
    noMatchBy = group[0];
  }
  if (!noMatchBy) {
    const nonsense = spoken.find(
      (one) => one.input.kind === 'speech' && one.input.text === NONSENSE,
    );
    if (nonsense) failing.add(nonsense.input);
  }
  const choices: Choice[] = spoken
    .filter(
      (one) =>
        !failing.has(one.input) && !(one.input.kind === 'speech' && one.input.text === NONSENSE),
    )
    .map((one) => ({
      ...one,
      repeats: asksAgain(one.arrival) && apologyOf(one.arrival).length === 0,
    }));
  const [noMatch, noInput] = await Promise.all([
    noMatchBy ? retry(noMatchBy.input, noMatchBy.arrival) : undefined,
    silence ? retry(silence.input, silence.arrival) : undefined,
  ]);
  return {
    where,
    path,
    choices,
    ...(noMatch ? { noMatch } : {}),
    ...(noInput ? { noInput } : {}),
  };
}

/** What a caller is asked at a `<Gather>`, whatever counter the app keeps in its URLs. */
function lookOf(where: Listening): string {
  const { action: _action, ...gather } = where.gather;
  return JSON.stringify([gather, where.prompt]);
}

/** What was heard before the prompt the caller is asked again: the app's apology. */
export function beforePrompt(heard: readonly string[], prompt: readonly string[]): string[] {
  const ends =
    prompt.length > 0 &&
    prompt.every((words, i) => heard[heard.length - prompt.length + i] === words);
  return ends ? heard.slice(0, heard.length - prompt.length) : [...heard];
}

/** The same for two arrivals that are one node of the flow. */
export function arrivalKey(arrival: Arrival): string {
  const { where } = arrival;
  switch (where.kind) {
    case 'listening':
      return `listening ${where.key} ${beforePrompt(arrival.heard, where.prompt).join(' ')}`;
    case 'person':
      return `person ${where.verb} ${where.noun} ${where.target} ${arrival.heard.join(' ')}`;
    case 'ended':
      return `ended ${where.by} ${arrival.heard.join(' ')}`;
    case 'error':
      return `error ${where.request.method} ${where.request.url} ${where.status ?? ''} ${where.reason} ${arrival.heard.join(' ')}`;
    case 'elsewhere':
      return `elsewhere ${where.request.url}`;
  }
}
