/**
 * A walk through a flow as the walker keeps it: the call, the inputs so far (so a step can be
 * undone by replaying the rest), the way to a human from where the caller stands, and what the
 * check says about the node the caller is at.
 */
import { checkFlow, type Finding } from '../analysis/check.js';
import { factsOf, inputsOf } from '../analysis/facts.js';
import { pathTo, STEP_COSTS, shortestPaths } from '../analysis/paths.js';
import { Call } from '../call/call.js';
import { type CallerEvent, inputForEvent } from '../call/events.js';
import type { Flow } from '../flow/types.js';

/** The rules whose findings warn a caller who stands at their node. */
const WARN_AT = new Set([
  'error-hangup',
  'trap',
  'endless-reprompt',
  'dead-end',
  'unresolved-hangup',
]);

export class WalkSession {
  readonly flow: Flow;
  readonly conditions: Readonly<Record<string, string>>;
  private readonly findings: readonly Finding[];
  private given: CallerEvent[] = [];
  private current: Call;

  constructor(flow: Flow, conditions: Readonly<Record<string, string>> = {}) {
    this.flow = flow;
    this.current = new Call(flow, conditions);
    this.conditions = this.current.conditions;
    const checked = checkFlow(flow);
    this.findings = checked.ok ? checked.report.findings : [];
  }

  get call(): Call {
    return this.current;
  }

  /** The caller's events so far, in order. */
  get events(): readonly CallerEvent[] {
    return this.given;
  }

  /** The caller's inputs so far, as recordings and `expect` entries write them. */
  get inputs(): readonly string[] {
    return this.given.map(inputForEvent);
  }

  /** The caller does something. */
  send(event: CallerEvent): void {
    if (this.current.ended) return;
    this.current.send(event);
    this.given.push(event);
  }

  /**
   * The caller does what a written input says (`1`, `say: …`, `silence`, `value: …`, or a bare
   * `value` for any the node takes): for scripted walks, where people write the inputs.
   */
  sendWritten(written: string): void {
    if (this.current.ended) return;
    this.send(this.current.eventFor(written));
  }

  undo(): void {
    this.replay(this.given.slice(0, -1));
  }

  restart(): void {
    this.replay([]);
  }

  private replay(events: readonly CallerEvent[]): void {
    this.current = new Call(this.flow, this.conditions);
    this.given = [];
    for (const event of events) this.send(event);
  }

  /** The fewest inputs from where the caller stands to a person, or undefined if none is left. */
  wayToHuman(): readonly string[] | undefined {
    const facts = factsOf(this.flow);
    const from = facts.graph.index.get(this.current.node);
    if (from === undefined) return undefined;
    const tree = shortestPaths(facts.graph, this.conditions, STEP_COSTS, from);
    let best: number | undefined;
    facts.graph.nodes.forEach((node, vertex) => {
      const steps = tree.distance[vertex] as number;
      if (
        node?.type === 'agent' &&
        Number.isFinite(steps) &&
        (best === undefined || steps < (tree.distance[best] as number))
      )
        best = vertex;
    });
    return best === undefined ? undefined : inputsOf(pathTo(tree, best));
  }

  /** What the check found at the node the caller stands at, worth a warning on screen. */
  warningsHere(): readonly Finding[] {
    return this.findings.filter(
      (finding) =>
        finding.node === this.current.node &&
        (WARN_AT.has(finding.rule) || finding.severity === 'error'),
    );
  }
}
