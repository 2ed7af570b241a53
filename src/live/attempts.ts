/**
 * What a `<Gather>` did with each input, sorted as a flow says it: options, and the failed
 * attempts (`noMatch`, `noInput`) with how many the app allows and where it goes after them.
 */
import type { Arrival, Choice, CrawledMenu, Retry } from './crawl.js';
import { isNonsense } from './inputs.js';
import type { LiveInput, Where } from './live-call.js';

type Listening = Extract<Where, { kind: 'listening' }>;
type Tried = { readonly input: LiveInput; readonly arrival: Arrival };
type Observe = (path: readonly LiveInput[]) => Promise<Arrival[]>;

export async function sortAttempts(
  where: Listening,
  path: readonly LiveInput[],
  tried: readonly Tried[],
  observe: Observe,
  mostTries: number,
): Promise<CrawledMenu> {
  const asksAgain = (arrival: Arrival | undefined) =>
    arrival?.where.kind === 'listening' && lookOf(arrival.where) === lookOf(where);
  const apologyOf = (arrival: Arrival) => beforePrompt(arrival.heard, where.prompt);
  /** Repeats a failed attempt in one call until the app does something else. */
  const retry = async ({ input, arrival }: Tried): Promise<Retry> => {
    if (!asksAgain(arrival)) return { tries: 1, apology: [], then: arrival, by: input };
    const apology = apologyOf(arrival);
    const seen = (await observe([...path, ...Array(mostTries).fill(input)])).slice(path.length + 1);
    const leaves = seen.findIndex((one) => !asksAgain(one));
    return leaves < 0
      ? { tries: Number.POSITIVE_INFINITY, apology, by: input }
      : { tries: leaves + 1, apology, then: seen[leaves] as Arrival, by: input };
  };

  const silence = tried.find((one) => one.input.kind === 'silence');
  const spoken = tried.filter((one) => one.input.kind !== 'silence');
  const failing = askingAgain(spoken, asksAgain, apologyOf) ?? theAppsElse(spoken);
  const choices: Choice[] = spoken
    .filter((one) => !failing.includes(one) && !isNonsense(one.input))
    .map((one) => ({
      ...one,
      // Asked again without a word, unlike the failed attempts: "press star to hear this again".
      repeats: asksAgain(one.arrival) && apologyOf(one.arrival).length === 0,
    }));
  const noMatchBy = failing.find((one) => !isNonsense(one.input)) ?? failing[0];
  const [noMatch, noInput] = await Promise.all([
    noMatchBy ? retry(noMatchBy) : undefined,
    silence ? retry(silence) : undefined,
  ]);
  return {
    where,
    path,
    choices,
    ...(noMatch ? { noMatch } : {}),
    ...(noInput ? { noInput } : {}),
  };
}

/** The inputs after which the app asks again, grouped by what it says first: the biggest group. */
function askingAgain(
  spoken: readonly Tried[],
  asksAgain: (arrival: Arrival) => boolean,
  apologyOf: (arrival: Arrival) => string[],
): Tried[] | undefined {
  const groups = new Map<string, Tried[]>();
  for (const one of spoken) {
    if (!asksAgain(one.arrival)) continue;
    const apology = apologyOf(one.arrival).join(' ');
    groups.set(apology, [...(groups.get(apology) ?? []), one]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length)[0];
}

/** When nothing asks again: three inputs or more that go to one place, else wherever nonsense went. */
function theAppsElse(spoken: readonly Tried[]): Tried[] {
  const alike = new Map<string, Tried[]>();
  for (const one of spoken) {
    const key = arrivalKey(one.arrival);
    alike.set(key, [...(alike.get(key) ?? []), one]);
  }
  const most = [...alike.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (most.length >= 3) return most;
  const nonsense = spoken.find((one) => isNonsense(one.input));
  return nonsense ? (alike.get(arrivalKey(nonsense.arrival)) ?? []) : [];
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
  const heard = arrival.heard.join(' ');
  switch (where.kind) {
    case 'listening':
      return `listening ${where.key} ${beforePrompt(arrival.heard, where.prompt).join(' ')}`;
    case 'person':
      return `person ${where.verb} ${where.noun} ${where.target} ${heard}`;
    case 'ended':
      return `ended ${where.by} ${heard}`;
    case 'error':
      return `error ${where.request.method} ${where.request.url} ${where.status ?? ''} ${where.reason} ${heard}`;
    case 'elsewhere':
      return `elsewhere ${where.request.url}`;
  }
}
