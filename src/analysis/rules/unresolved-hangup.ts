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
    const { live } = facts;
    const seenState = new Uint8Array(live.points.length);
    const seen = new Uint8Array(graph.ids.length);
    const stack = [0];
    seenState[0] = 1;
    seen[graph.start] = 1;
    while (stack.length > 0) {
      for (const move of live.out[stack.pop() as number] ?? []) {
        const { kind } = move.edge;
        if (kind === 'noMatch' || kind === 'noInput' || seenState[move.to]) continue;
        seenState[move.to] = 1;
        seen[move.edge.to] = 1;
        stack.push(move.to);
      }
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
