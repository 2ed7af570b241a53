import { describeConditions } from '../../flow/conditions.js';
import type { ConditionFacts } from '../facts.js';
import type { Rule } from '../rule.js';

/**
 * The shortest descriptions of the condition values with no human: a condition is left out
 * when no human is reachable whatever its value (so "hours=closed", not every region with it).
 */
export function valuesWithoutHuman(all: readonly ConditionFacts[]): Record<string, string>[] {
  const failing = all.filter((facts) => !facts.human).map((facts) => facts.conditions);
  const fails = (partial: Record<string, string>) =>
    all.filter((facts) => matches(facts.conditions, partial)).every((facts) => !facts.human);
  const found = new Map<string, Record<string, string>>();
  for (const combination of failing) {
    let partial = { ...combination };
    for (const name of Object.keys(combination)) {
      const { [name]: _, ...without } = partial;
      if (fails(without)) partial = without;
    }
    found.set(describeConditions(partial), partial);
  }
  return [...found.values()];
}

function matches(
  conditions: Readonly<Record<string, string>>,
  partial: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(partial).every(([name, value]) => conditions[name] === value);
}

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
    return valuesWithoutHuman(facts.byConditions).map((partial) => {
      // Blame the first branch the call meets that decides on one of these conditions.
      const example = facts.byConditions.find((f) => !f.human && matches(f.conditions, partial));
      const branch = [...flow.nodes.values()].find(
        (node) =>
          node.type === 'branch' &&
          node.condition in partial &&
          example?.reachable[facts.graph.index.get(node.id) as number],
      );
      return {
        node: branch?.id ?? flow.start,
        messageId: 'noHumanWhen',
        message: `When ${describeConditions(partial)}, no human can be reached.`,
      };
    });
  },
};
export default rule;
