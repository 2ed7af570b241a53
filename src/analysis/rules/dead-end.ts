import type { FlowFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';

/** Reachable menus and inputs from which nothing leads to any other node, not even a disconnect. */
export function deadEnds(facts: FlowFacts): RuleFinding[] {
  const { graph } = facts;
  return graph.ids.flatMap((id, vertex) => {
    const node = graph.nodes[vertex];
    if (!node || !facts.reachable[vertex] || (node.type !== 'menu' && node.type !== 'input'))
      return [];
    if (graph.out[vertex]?.some((edge) => edge.to !== vertex)) return [];
    return [
      {
        node: id,
        messageId: 'nowhereToGo',
        message:
          'Nothing here leads anywhere else: every option repeats this node and no handler ever moves on, so the caller can only hang up.',
      },
    ];
  });
}

const rule: Rule = {
  id: 'dead-end',
  meta: {
    description: 'A reachable node with nowhere to go that is not an end.',
    severity: 'error',
    messages: {
      nowhereToGo: 'A reachable node leads nowhere and is no end.',
    },
  },
  check: (_flow, { facts }) => deadEnds(facts),
};
export default rule;
