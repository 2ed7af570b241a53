import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'unreachable',
  meta: {
    description: 'A node no call can reach.',
    severity: 'warning',
    messages: {
      unreachable: 'No call can reach the node.',
    },
  },
  check(flow, { facts }) {
    return [...flow.nodes.keys()]
      .filter((id) => !facts.reachable[facts.graph.index.get(id) as number])
      .map((id) => ({
        node: id,
        messageId: 'unreachable',
        message: 'No call can reach this node, whatever the caller does or the conditions are.',
      }));
  },
};
export default rule;
