/**
 * The rules that read condition values, as they were written over every combination
 * (`enumeration.ts`): the oracle the live-states search is held to. Each gives the nodes it
 * reports.
 */
import { edgeOpen, type FlowGraph } from '../../src/analysis/graph.js';
import type { EnumeratedFacts } from './enumeration.js';

function canEnd(graph: FlowGraph, conditions: Readonly<Record<string, string>>): Uint8Array {
  const into: number[][] = graph.ids.map(() => []);
  for (const edges of graph.out)
    for (const edge of edges) if (edgeOpen(edge, conditions)) into[edge.to]?.push(edge.from);
  const ends = new Uint8Array(graph.ids.length);
  const stack: number[] = [];
  graph.nodes.forEach((node, vertex) => {
    if (node && (node.type === 'agent' || node.type === 'transfer' || node.type === 'hangup')) {
      ends[vertex] = 1;
      stack.push(vertex);
    }
  });
  while (stack.length > 0) {
    for (const from of into[stack.pop() as number] ?? []) {
      if (!ends[from]) {
        ends[from] = 1;
        stack.push(from);
      }
    }
  }
  return ends;
}

/** Where callers fall into a trap under some combination (dead ends left to their own rule). */
export function trapNodes(facts: EnumeratedFacts, deadEnds: ReadonlySet<string>): Set<string> {
  const { graph } = facts;
  const reported = new Set<string>();
  for (const combination of facts.byRouting) {
    const ends = canEnd(graph, combination.conditions);
    const trapped = (vertex: number) =>
      combination.reachable[vertex] === 1 && !ends[vertex] && vertex !== graph.disconnected;
    const entries = new Set<number>(trapped(graph.start) ? [graph.start] : []);
    for (const edges of graph.out)
      for (const edge of edges)
        if (
          trapped(edge.to) &&
          combination.reachable[edge.from] &&
          !trapped(edge.from) &&
          edgeOpen(edge, combination.conditions)
        )
          entries.add(edge.to);
    const stack = [...entries];
    const passed = new Set<number>();
    while (stack.length > 0) {
      const vertex = stack.pop() as number;
      if (passed.has(vertex)) continue;
      passed.add(vertex);
      if (graph.nodes[vertex]?.type !== 'branch') {
        const id = graph.ids[vertex] as string;
        if (!deadEnds.has(id)) reported.add(id);
      } else
        for (const edge of graph.out[vertex] ?? [])
          if (edgeOpen(edge, combination.conditions) && trapped(edge.to)) stack.push(edge.to);
    }
  }
  return reported;
}

/** Input nodes some call reaches again after giving their value. */
export function reAskNodes(facts: EnumeratedFacts): Set<string> {
  const { graph } = facts;
  const found = new Set<string>();
  const askers = new Map<string, number[]>();
  graph.nodes.forEach((node, vertex) => {
    if (node?.type === 'input' && node.collect)
      askers.set(node.collect, [...(askers.get(node.collect) ?? []), vertex]);
  });
  for (const vertices of askers.values()) {
    for (const { conditions, reachable } of facts.byConditions) {
      const asked = new Uint8Array(graph.ids.length);
      const stack: number[] = [];
      for (const vertex of vertices) {
        const node = graph.nodes[vertex];
        if (!reachable[vertex] || node?.type !== 'input') continue;
        const after = graph.index.get(node.next) as number;
        if (!asked[after]) {
          asked[after] = 1;
          stack.push(after);
        }
      }
      while (stack.length > 0)
        for (const edge of graph.out[stack.pop() as number] ?? [])
          if (!asked[edge.to] && edgeOpen(edge, conditions)) {
            asked[edge.to] = 1;
            stack.push(edge.to);
          }
      for (const vertex of vertices) if (asked[vertex]) found.add(graph.ids[vertex] as string);
    }
  }
  return found;
}

/** Unresolved hang-ups a caller who makes no mistake can reach under some combination. */
export function unresolvedHangupNodes(facts: EnumeratedFacts): Set<string> {
  const { graph } = facts;
  const found = new Set<string>();
  for (const { conditions } of facts.byRouting) {
    const seen = new Uint8Array(graph.ids.length);
    const stack = [graph.start];
    seen[graph.start] = 1;
    while (stack.length > 0)
      for (const edge of graph.out[stack.pop() as number] ?? []) {
        if (edge.kind === 'noMatch' || edge.kind === 'noInput' || seen[edge.to]) continue;
        if (!edgeOpen(edge, conditions)) continue;
        seen[edge.to] = 1;
        stack.push(edge.to);
      }
    graph.nodes.forEach((node, vertex) => {
      if (node?.type === 'hangup' && node.outcome === 'unresolved' && seen[vertex])
        found.add(node.id);
    });
  }
  return found;
}

/** Each `condition=value` under which no combination reaches a human. */
export function valuesWithoutHuman(facts: EnumeratedFacts): Set<string> {
  const found = new Set<string>();
  for (const [condition, values] of Object.entries(facts.graph.flow.conditions))
    for (const value of values)
      if (
        facts.byConditions
          .filter((each) => each.conditions[condition] === value)
          .every((each) => !each.human)
      )
        found.add(`${condition}=${value}`);
  return found;
}
