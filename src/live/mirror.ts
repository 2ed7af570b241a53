/**
 * A running app followed alongside a walk of its flow: each input the walker sends the flow is
 * sent to the app too, and what the app said and where its call went is held to the flow's.
 */
import type { Call } from '../call/call.js';
import type { CallerEvent } from '../call/events.js';
import type { Flow } from '../flow/types.js';
import {
  deviationOf,
  normalise,
  STANDING_WORDS,
  type Standing,
  standingOf,
} from '../testing/model.js';
import { LiveAdapter } from './adapter.js';
import { describeWhere } from './events.js';
import type { Observation } from './live-call.js';
import type { LiveApp } from './provider.js';

/** What the flow's call says and where it stands after the same inputs. */
export interface Expected {
  readonly prompt?: string;
  readonly standing: Standing;
}

export interface MirrorNote {
  readonly agrees: boolean;
  /** What the app said after the last input. */
  readonly said: readonly string[];
  /** Where the app's call went, in words. */
  readonly where: string;
  /** How the app differs from the flow, when it does. */
  readonly difference?: string;
}

export function expectedOf(call: Call): Expected {
  const prompt = call.transcript.at(-1)?.heard.at(-1)?.prompt;
  return { standing: standingOf(call), ...(prompt ? { prompt } : {}) };
}

export class LiveMirror {
  private chain: Promise<unknown> = Promise.resolve();
  private adapter?: LiveAdapter;
  private sent: CallerEvent[] = [];

  constructor(
    private readonly app: LiveApp,
    private readonly flow: Flow,
    private readonly conditions: Readonly<Record<string, string>>,
    private readonly transfers: readonly string[] = [],
  ) {}

  /**
   * Brings the app's call to these inputs (sending the new ones, or calling again after an
   * undo), then compares it with the flow. Calls are taken one at a time, in order.
   */
  follow(events: readonly CallerEvent[], expected: Expected): Promise<MirrorNote> {
    const run = this.chain.then(() => this.catchUp(events, expected));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async catchUp(events: readonly CallerEvent[], expected: Expected): Promise<MirrorNote> {
    const same = (a: CallerEvent | undefined, b: CallerEvent | undefined) =>
      JSON.stringify(a) === JSON.stringify(b);
    const goesOn =
      this.adapter !== undefined &&
      this.sent.length <= events.length &&
      this.sent.every((event, i) => same(event, events[i]));
    if (!goesOn) {
      this.adapter = new LiveAdapter(this.app, this.flow, this.transfers);
      this.sent = [];
      await this.adapter.start(this.conditions);
    }
    const adapter = this.adapter as LiveAdapter;
    for (const event of events.slice(this.sent.length)) {
      await adapter.send(event);
      this.sent.push(event);
    }
    const seen = adapter.seen as Observation;
    const said = adapter.prompt();
    const stands = adapter.standing();
    const differs = deviationOf(expected, said, stands);
    const difference =
      differs === 'prompt'
        ? `the flow says “${expected.prompt}”, the app said “${normalise(said)}”`
        : differs === 'standing'
          ? `the flow ${STANDING_WORDS[expected.standing]}, the app ${STANDING_WORDS[stands]}`
          : undefined;
    return {
      agrees: difference === undefined,
      said: seen.heard,
      where: describeWhere(seen.where),
      ...(difference ? { difference } : {}),
    };
  }
}
