/**
 * A running TwiML app driven as `phonemaze/testing` drives an IVR: the flow's caller events sent
 * as the provider sends them, what came back kept as a transcript. `test --against` runs paths
 * on it; a walk against the app follows the walker's inputs with it.
 */
import { Call } from '../call/call.js';
import type { CallerEvent } from '../call/events.js';
import type { Flow } from '../flow/types.js';
import type { IvrAdapter, Standing } from '../testing/model.js';
import { describeLiveInput, describeWhere, liveInputFor, standingAt } from './events.js';
import { LiveCall, type LiveInput, type Observation } from './live-call.js';
import type { LiveApp } from './provider.js';

/** The flow's caller events as requests to the app, and what came back. */
export class LiveAdapter implements IvrAdapter {
  readonly transcript: string[] = [];
  private call?: LiveCall;
  private mirror?: Call;
  private lastSeen?: Observation;

  constructor(
    private readonly app: LiveApp,
    private readonly flow: Flow,
    private readonly transfers: readonly string[],
  ) {}

  async start(conditions: Readonly<Record<string, string>>): Promise<void> {
    this.call = new LiveCall(this.app);
    this.mirror = new Call(this.flow, conditions);
    this.record('call starts', await this.call.start());
  }

  async send(event: CallerEvent): Promise<void> {
    const call = this.call as LiveCall;
    const input = this.inputFor(event);
    this.mirror?.send(event);
    if (!call.waiting) {
      this.transcript.push(`> ${describeLiveInput(input)}: the call had already ended`);
      return;
    }
    this.record(`> ${describeLiveInput(input)}`, await call.send(input));
  }

  /** What the app answered the last input with, once it has answered. */
  get seen(): Observation | undefined {
    return this.lastSeen;
  }

  prompt(): string {
    return (this.seen?.heard ?? []).join(' ');
  }

  standing(): Standing {
    return standingAt(this.seen?.where, this.transfers);
  }

  private record(what: string, seen: Observation): void {
    this.lastSeen = seen;
    const request = seen.requests
      .map((one) => `${one.method} ${new URL(one.url).pathname}`)
      .join(' → ');
    this.transcript.push(
      `${what} (${request}) → ${describeWhere(seen.where)}`,
      ...seen.heard.map((words) => `  “${words}”`),
    );
  }

  private inputFor(event: CallerEvent): LiveInput {
    const gather = this.seen?.where.kind === 'listening' ? this.seen.where.gather : undefined;
    return liveInputFor(
      event,
      gather,
      this.mirror ? this.flow.nodes.get(this.mirror.node) : undefined,
    );
  }
}
