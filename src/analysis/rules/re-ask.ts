import type { InputNode } from '../../flow/types.js';
import { edgeOpen } from '../graph.js';
import type { Rule, RuleFinding } from '../rule.js';

const rule: Rule = {
  id: 're-ask',
  meta: {
    description: 'Some call is asked for the same collect value twice.',
    severity: 'warning',
    messages: {
      askedAgain: 'The same value is asked for again.',
    },
  },
  check(flow, { facts }) {
    const { graph } = facts;
    const askers = new Map<string, InputNode[]>();
    for (const node of flow.nodes.values()) {
      if (node.type === 'input' && node.collect)
        askers.set(node.collect, [...(askers.get(node.collect) ?? []), node]);
    }
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    // One search per value, from every node that collected it: O(values × graph), not O(nodes²).
    for (const [value, nodes] of askers) {
      for (const { conditions, reachable } of facts.byConditions) {
        const firstAsker = new Int32Array(graph.ids.length).fill(-1);
        const stack: number[] = [];
        for (const node of nodes) {
          const vertex = graph.index.get(node.id) as number;
          if (!reachable[vertex]) continue;
          const after = graph.index.get(node.next) as number;
          if (firstAsker[after] === -1) {
            firstAsker[after] = vertex;
            stack.push(after);
          }
        }
        while (stack.length > 0) {
          const from = stack.pop() as number;
          for (const edge of graph.out[from] ?? []) {
            if (firstAsker[edge.to] !== -1 || !edgeOpen(edge, conditions)) continue;
            firstAsker[edge.to] = firstAsker[from] as number;
            stack.push(edge.to);
          }
        }
        for (const node of nodes) {
          const vertex = graph.index.get(node.id) as number;
          const earlier = firstAsker[vertex] as number;
          if (earlier === -1 || reported.has(node.id)) continue;
          reported.add(node.id);
          const first = graph.ids[earlier];
          findings.push({
            node: node.id,
            messageId: 'askedAgain',
            message:
              first === node.id
                ? `Callers can come back here and be asked for ${value} again, though they gave it already.`
                : `Callers are asked for ${value} again here, though they gave it at ${first}.`,
          });
        }
      }
    }
    return findings;
  },
};
export default rule;
