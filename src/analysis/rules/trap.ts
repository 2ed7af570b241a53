import { describeConditions } from '../../flow/conditions.js';
import { edgeOpen, type FlowGraph } from '../graph.js';
import type { Rule, RuleFinding } from '../rule.js';
import { deadEnds } from './dead-end.js';

/** Vertices from which an agent, a transfer or a hang-up can be reached with these conditions. */
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

const rule: Rule = {
  id: 'trap',
  meta: {
    description:
      'Nodes the caller can reach but never leave towards an end (agent, transfer or hang-up).',
    severity: 'error',
    messages: {
      trapped: 'Callers can never leave towards an end.',
    },
  },
  check(_flow, { facts }) {
    const { graph } = facts;
    const reported = new Set<string>(deadEnds(facts).map((finding) => finding.node));
    const findings: RuleFinding[] = [];
    // Combinations routed alike trap callers at the same nodes: one search each routing.
    for (const combination of facts.byRouting) {
      const ends = canEnd(graph, combination.conditions);
      const trapped = (vertex: number) =>
        combination.reachable[vertex] === 1 && !ends[vertex] && vertex !== graph.disconnected;
      // Report where callers fall in: a trapped node entered from outside the trap, or the start.
      const entries = new Set<number>(trapped(graph.start) ? [graph.start] : []);
      for (const edges of graph.out) {
        for (const edge of edges) {
          if (
            trapped(edge.to) &&
            combination.reachable[edge.from] &&
            !trapped(edge.from) &&
            edgeOpen(edge, combination.conditions)
          ) {
            entries.add(edge.to);
          }
        }
      }
      const when =
        facts.byConditions.length > 1
          ? ` (when ${describeConditions(combination.conditions)})`
          : '';
      // A caller hears nothing at say-less branch nodes; report the nodes they are led on to.
      const heard = new Set<number>();
      const stack = [...entries];
      const passed = new Set<number>();
      while (stack.length > 0) {
        const vertex = stack.pop() as number;
        if (passed.has(vertex)) continue;
        passed.add(vertex);
        if (graph.nodes[vertex]?.type !== 'branch') heard.add(vertex);
        else
          for (const edge of graph.out[vertex] ?? [])
            if (edgeOpen(edge, combination.conditions) && trapped(edge.to)) stack.push(edge.to);
      }
      for (const vertex of [...heard].sort((a, b) => a - b)) {
        const id = graph.ids[vertex] as string;
        if (reported.has(id)) continue;
        reported.add(id);
        findings.push({
          node: id,
          messageId: 'trapped',
          message: `Callers who get here${when} can never reach a human, a transfer or a hang-up: whatever they press, they go round in circles until they give up or are disconnected.`,
        });
      }
    }
    return findings;
  },
};
export default rule;
