/**
 * The analyzer's own graph of a flow: one vertex per node (plus one for "disconnected"), one edge
 * per way a call moves on, weighted by the caller steps and the seconds it takes. It is much
 * smaller than the machine's state space (retry counts are folded into the edge weights), and
 * the agreement tests hold its figures to `xstate/graph` on the compiled machine.
 *
 * Why the folding is exact: every entry into a listening node starts its counts at zero, so
 * leaving by a handler's `then` always takes exactly `tries` failed attempts of that kind, and
 * an option or a value always takes one step.
 */

import { type CallerEvent, sampleValue } from '../call/events.js';
import { attemptSeconds, enterSeconds as secondsEntering } from '../call/step.js';
import { DISCONNECTED } from '../flow/ends.js';
import type { Flow, FlowNode, Handler, ListeningNode } from '../flow/types.js';
import { oncePer } from './once.js';

export type EdgeKind = 'next' | 'option' | 'value' | 'case' | 'default' | 'noMatch' | 'noInput';

export interface Edge {
  readonly from: number;
  readonly to: number;
  readonly kind: EdgeKind;
  /** Caller steps the move takes. */
  readonly steps: number;
  /** Seconds the move adds after the prompt of `from` has played (timeouts, reprompts). */
  readonly seconds: number;
  /** What the caller does to take the move: data, put in words only when printed. */
  readonly event?: CallerEvent;
  /** Index of the option in its menu, for option edges. */
  readonly option?: number;
  /** For `case` edges: taken when the condition has this value. */
  readonly when?: { readonly condition: string; readonly value: string };
  /** For `default` edges: taken when the condition has a value with no case. */
  readonly otherwise?: { readonly condition: string; readonly covered: ReadonlySet<string> };
}

export interface FlowGraph {
  readonly flow: Flow;
  /** Vertex index → node id; the last vertex is DISCONNECTED. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Vertex index → its node (undefined for DISCONNECTED). */
  readonly nodes: readonly (FlowNode | undefined)[];
  readonly out: readonly (readonly Edge[])[];
  readonly start: number;
  readonly disconnected: number;
  /** Seconds the node's own prompt plays when the call enters it (0 for agents: queue time is apart). */
  readonly enterSeconds: Float64Array;
}

/** The graph of a flow, built once per flow. */
export const graphOf: (flow: Flow) => FlowGraph = oncePer(buildGraph);

function buildGraph(flow: Flow): FlowGraph {
  const nodes = [...flow.nodes.values()];
  const ids = [...nodes.map((node) => node.id), DISCONNECTED];
  const index = new Map(ids.map((id, i) => [id, i]));
  const disconnected = ids.length - 1;
  const at = (id: string): number => index.get(id) as number;
  const out: Edge[][] = ids.map(() => []);
  const enterSeconds = new Float64Array(ids.length);

  nodes.forEach((node, from) => {
    const edges = out[from] as Edge[];
    enterSeconds[from] = secondsEntering(node);
    switch (node.type) {
      case 'say':
        edges.push({ from, to: at(node.next), kind: 'next', steps: 0, seconds: 0 });
        break;
      case 'branch': {
        const covered = new Set(Object.keys(node.cases));
        for (const [value, target] of Object.entries(node.cases)) {
          edges.push({
            from,
            to: at(target),
            kind: 'case',
            steps: 0,
            seconds: 0,
            when: { condition: node.condition, value },
          });
        }
        if (node.default !== undefined) {
          edges.push({
            from,
            to: at(node.default),
            kind: 'default',
            steps: 0,
            seconds: 0,
            otherwise: { condition: node.condition, covered },
          });
        }
        break;
      }
      case 'menu':
        node.options.forEach((option, i) => {
          if (option.to === undefined) return;
          const event: CallerEvent =
            option.key !== undefined
              ? { type: 'press', key: option.key }
              : { type: 'say', phrase: option.say[0] ?? '' };
          edges.push({
            from,
            to: at(option.to),
            kind: 'option',
            steps: 1,
            seconds: 0,
            event,
            option: i,
          });
        });
        handlerEdges(node, from, edges, at, disconnected);
        break;
      case 'input':
        edges.push({
          from,
          to: at(node.next),
          kind: 'value',
          steps: 1,
          seconds: 0,
          event: { type: 'enter', value: sampleValue(node) },
        });
        handlerEdges(node, from, edges, at, disconnected);
        break;
      default:
        break;
    }
  });
  return {
    flow,
    ids,
    index,
    nodes: [...nodes, undefined],
    out,
    start: at(flow.start),
    disconnected,
    enterSeconds,
  };
}

/**
 * Seconds a handler's failed attempts take before the call moves on: each plays the handler's
 * prompt and (but the last) the node's prompt again; each silence first waits the timeout.
 */
export function handlerSeconds(
  node: ListeningNode,
  handler: Handler,
  kind: 'noMatch' | 'noInput',
): number {
  return handler.tries * attemptSeconds(node, kind) + (handler.tries - 1) * secondsEntering(node);
}

function handlerEdges(
  node: ListeningNode,
  from: number,
  edges: Edge[],
  at: (id: string) => number,
  disconnected: number,
): void {
  for (const kind of ['noMatch', 'noInput'] as const) {
    const handler = node[kind];
    if (!Number.isFinite(handler.tries)) continue;
    const to = handler.then !== undefined ? at(handler.then) : disconnected;
    edges.push({
      from,
      to,
      kind,
      steps: handler.tries,
      seconds: handlerSeconds(node, handler, kind),
      event: kind === 'noMatch' ? { type: 'invalid' } : { type: 'silence' },
    });
  }
}

/** Whether an edge can be taken when the conditions have these values. */
export function edgeOpen(edge: Edge, conditions: Readonly<Record<string, string>>): boolean {
  if (edge.when) return conditions[edge.when.condition] === edge.when.value;
  if (edge.otherwise)
    return !edge.otherwise.covered.has(conditions[edge.otherwise.condition] ?? '');
  return true;
}
