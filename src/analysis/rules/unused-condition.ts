import type { Rule } from '../rule.js';

/**
 * A condition declared under `conditions` that no branch reads: its values change nothing, yet
 * `walk` asks for it and every figure is worked out for each of them. Usually a branch was
 * removed, or reads a condition of another name.
 */
const rule: Rule = {
  id: 'unused-condition',
  meta: {
    description: 'A declared condition that no branch reads.',
    severity: 'warning',
    messages: {
      unused: 'No branch reads the condition.',
    },
  },
  check(flow) {
    const read = new Set<string>();
    for (const node of flow.nodes.values()) if (node.type === 'branch') read.add(node.condition);
    return Object.keys(flow.conditions)
      .filter((name) => !read.has(name))
      .map((name) => ({
        // A condition belongs to the whole flow: the finding names the start, and stands where the condition is declared.
        node: flow.start,
        at: flow.conditionsAt?.[name] ?? flow.at,
        messageId: 'unused',
        message: `The condition \`${name}\` is declared, but no branch reads it: its values change nothing. Remove it, or branch on it.`,
      }));
  },
};
export default rule;
