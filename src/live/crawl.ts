/**
 * Crawling a TwiML app: every `<Gather>` the app can bring a call to, what each key, phrase and
 * silence does there, and how many failed attempts the app allows. Each try is a call of its own,
 * replayed from the start, since an app may keep the call's state on its side.
 */

import pLimit from 'p-limit';
import { LiveAppError } from './app.js';
import { sortAttempts } from './attempts.js';
import { inputsAt, type ValueToEnter } from './inputs.js';
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
  readonly values?: readonly ValueToEnter[];
  /** Requests in flight at once. */
  readonly parallel?: number;
  /** Failed attempts repeated before a retry counts as unlimited. */
  readonly mostTries?: number;
  readonly onMenu?: (menu: CrawledMenu, crawled: { menus: number; requests: number }) => void;
}

/** Failed attempts repeated before a retry counts as unlimited. */
const DEFAULT_MOST_TRIES = 10;

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
  values: readonly ValueToEnter[],
  mostTries: number,
): Promise<CrawledMenu> {
  const inputs = inputsAt(where, values);
  const arrivals = await Promise.all(
    inputs.map(async (input) => (await observe([...path, input])).at(-1) as Arrival),
  );
  const tried = inputs.map((input, i) => ({ input, arrival: arrivals[i] as Arrival }));
  return sortAttempts(where, path, tried, observe, mostTries);
}
