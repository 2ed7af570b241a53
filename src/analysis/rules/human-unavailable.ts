import { reaches, valueFactsOf } from '../facts.js';
import type { Rule } from '../rule.js';

const rule: Rule = {
  id: 'human-unavailable',
  meta: {
    description: 'For some values of the conditions no agent node can be reached.',
    severity: 'warning',
    messages: {
      noHumanWhen: 'No human for some condition values.',
    },
  },
  check(flow, { facts }) {
    if (!facts.human) return [];
    // One search per condition value, the others free: no human whatever they are.
    return valueFactsOf(facts)
      .filter(({ search }) => !search.human)
      .map(({ condition, value, search }) => {
        // Blame the first branch a call with this value meets that reads the condition.
        const branch = [...flow.nodes.values()].find(
          (node) =>
            node.type === 'branch' &&
            node.condition === condition &&
            reaches(search, facts.graph.index.get(node.id) as number),
        );
        return {
          node: branch?.id ?? flow.start,
          messageId: 'noHumanWhen',
          message: `When ${condition}=${value}, no human can be reached.`,
        };
      });
  },
};
export default rule;
