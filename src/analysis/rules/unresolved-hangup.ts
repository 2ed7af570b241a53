import { edgeOpen } from '../graph.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'unresolved-hangup',
  meta: {
    description: 'The call can end unresolved without the caller having done anything wrong.',
    severity: 'warning',
    messages: {
      unresolvedEnd: 'A hang-up leaves a caller who did nothing wrong unresolved.',
    },
  },
  check(_flow, { facts }) {
    const { graph } = facts;
    // Follow only the moves of a caller who does everything right: no noMatch, no noInput.
    const seen = new Uint8Array(graph.ids.length);
    // Combinations routed alike follow the same moves.
    for (const { conditions } of facts.byRouting) {
      const seenNow = new Uint8Array(graph.ids.length);
      const stack = [graph.start];
      seenNow[graph.start] = 1;
      while (stack.length > 0) {
        for (const edge of graph.out[stack.pop() as number] ?? []) {
          if (
            edge.kind === 'noMatch' ||
            edge.kind === 'noInput' ||
            seenNow[edge.to] ||
            !edgeOpen(edge, conditions)
          )
            continue;
          seenNow[edge.to] = 1;
          stack.push(edge.to);
        }
      }
      seenNow.forEach((was, vertex) => {
        if (was) seen[vertex] = 1;
      });
    }
    return graph.nodes.flatMap((node, vertex) =>
      node?.type === 'hangup' && node.outcome === 'unresolved' && seen[vertex]
        ? [
            {
              node: node.id,
              messageId: 'unresolvedEnd',
              message: `A caller who did nothing wrong can end here, hung up with their matter unresolved${node.prompt ? ` ("${node.prompt}")` : ''}.`,
            },
          ]
        : [],
    );
  },
};
export default rule;
