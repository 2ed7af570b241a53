import type { Rule, RuleFinding } from '../rule.js';
import { seconds } from '../ways.js';

const rule: Rule = {
  id: 'long-prompt',
  meta: {
    description: 'A prompt plays longer than maxPromptSeconds.',
    severity: 'warning',
    messages: {
      longPrompt: "A node's prompt plays too long.",
      longHandlerPrompt: "A handler's prompt plays too long.",
    },
  },
  check(flow, { limits }) {
    const findings: RuleFinding[] = [];
    for (const node of flow.nodes.values()) {
      if (node.type === 'branch') continue;
      if (node.promptSeconds > limits.maxPromptSeconds) {
        findings.push({
          node: node.id,
          messageId: 'longPrompt',
          message: `This prompt plays for about ${seconds(node.promptSeconds)}; the limit is ${seconds(limits.maxPromptSeconds)}.`,
        });
      }
      if (node.type !== 'menu' && node.type !== 'input') continue;
      for (const kind of ['noMatch', 'noInput'] as const) {
        const handler = node[kind];
        if (handler.promptSeconds > limits.maxPromptSeconds) {
          findings.push({
            node: node.id,
            at: handler.at,
            messageId: 'longHandlerPrompt',
            message: `The ${kind} prompt plays for about ${seconds(handler.promptSeconds)}; the limit is ${seconds(limits.maxPromptSeconds)}.`,
          });
        }
      }
    }
    return findings;
  },
};
export default rule;
