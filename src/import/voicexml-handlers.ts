import type { SourcePosition } from '../flow/types.js';
import type { Building } from './voicexml-parts.js';
import { type Element, spokenText } from './voicexml-read.js';

type Node = Record<string, unknown>;

/** What the handlers need of the import that makes them. */
export interface HandlerBuilding {
  readonly root: Element;
  readonly appRoot: Element | undefined;
  readonly platform: 'w3c' | 'openvxi';
  readonly out: Building;
  target(element: Element, next: string | undefined, from: Element): string;
  /** Where an element of `holder` goes: the application root's are read in the root document. */
  targetFrom(holder: Element, element: Element, next: string | undefined, from: Element): string;
  /** Where an element of `holder` stands in this file: the application root's, at `application=`. */
  placeOf(holder: Element, element: Element): SourcePosition;
  handlerTransfer(transfer: Element): string;
  end(element: Element, why: string, approximated?: boolean): string;
}

type Event = 'noinput' | 'nomatch';

/**
 * The platform's own handlers, where the document has none. The spec reprompts for ever; the
 * OpenVXI reference interpreter exits after 5 silences and 4 misunderstandings.
 */
const PLATFORM_EXITS: Readonly<
  Record<'w3c' | 'openvxi', Readonly<Record<Event, number | undefined>>>
> = {
  w3c: { noinput: undefined, nomatch: undefined },
  openvxi: { noinput: 5, nomatch: 4 },
};

/**
 * The handlers of an event in scope (the item, its dialog, the document), by count: those that
 * reprompt are failed attempts; the first that leaves is `then`, at its count.
 */
export function handlersOf(
  b: HandlerBuilding,
  item: Element,
  scope: readonly Element[],
  id: string,
): Node {
  const result: Node = {};
  for (const [event, kind] of [
    ['nomatch', 'noMatch'],
    ['noinput', 'noInput'],
  ] as const) {
    const holderOf = new Map<Element, Element>();
    const found = [...scope, b.root, ...(b.appRoot ? [b.appRoot] : [])].flatMap((holder) =>
      holder.children.filter((child) => {
        const handles =
          child.name === event ||
          (child.name === 'catch' && (child.attributes.event ?? '').split(/\s+/).includes(event));
        if (handles) holderOf.set(child, holder);
        return handles;
      }),
    );
    // The nearest scope's handler of a count wins over the document's.
    const byCount = new Map<number, Element>();
    for (const handler of found) {
      const count = Number(handler.attributes.count ?? 1) || 1;
      if (!byCount.has(count)) byCount.set(count, handler);
    }
    const counts = [...byCount.keys()].sort((a, b) => a - b);
    const leaving = counts.find((count) =>
      (byCount.get(count) as Element).children.some((child) =>
        ['goto', 'disconnect', 'exit', 'transfer', 'submit'].includes(child.name),
      ),
    );
    const first = byCount.get(counts[0] ?? 1);
    const prompt = first ? spokenText(first) : '';
    const platformExit = PLATFORM_EXITS[b.platform][event];
    if (leaving !== undefined) {
      const handler = byCount.get(leaving) as Element;
      const go = handler.children.find((child) =>
        ['goto', 'disconnect', 'exit', 'transfer', 'submit'].includes(child.name),
      ) as Element;
      const then =
        go.name === 'transfer'
          ? b.handlerTransfer(go)
          : b.targetFrom(holderOf.get(handler) as Element, go, go.attributes.next, item);
      result[kind] = { ...(prompt ? { prompt } : {}), tries: leaving, then };
      b.out.at.set(`handler ${id} ${kind}`, b.placeOf(holderOf.get(handler) as Element, handler));
    } else if (platformExit !== undefined) {
      result[kind] = {
        ...(prompt ? { prompt } : {}),
        tries: platformExit,
        then: b.end(item, `the ${b.platform} platform exits after ${platformExit} ${event} events`),
      };
    } else {
      // The spec: with only the default handler, the item is visited again, for ever.
      result[kind] = { ...(prompt ? { prompt } : {}), tries: 'unlimited' };
      if (first)
        b.out.at.set(`handler ${id} ${kind}`, b.placeOf(holderOf.get(first) as Element, first));
    }
  }
  return result;
}
