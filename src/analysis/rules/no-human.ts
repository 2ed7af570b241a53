import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'no-human',
  meta: {
    description: 'No agent node can be reached from the start, whatever the conditions.',
    severity: 'error',
    messages: {
      noHuman: 'No agent can be reached.',
    },
  },
  check(flow, { facts }) {
    if (facts.human) return [];
    const hasAgent = [...flow.nodes.values()].some((node) => node.type === 'agent');
    return [
      {
        node: flow.start,
        messageId: 'noHuman',
        message: hasAgent
          ? 'No caller can reach a human from here, whatever they press or say.'
          : 'This flow has no agent node: no caller can ever reach a human.',
      },
    ];
  },
};
export default rule;
