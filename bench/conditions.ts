/**
 * Flows of N two-valued conditions, as imported platform flows bring them: one decision after
 * another on the way in (hours, holiday, language, VIP...), each with its own message, then a
 * menu. Every fifth condition is read a second time two decisions later, so its value is carried
 * across the decision between, as a VIP flag checked again after the language is.
 */
import { stringify } from 'yaml';

export function conditionsFlowYaml(count: number): string {
  const nodes: Record<string, unknown> = {};
  const conditions: Record<string, string[]> = {};
  const at = (i: number) => (i < count ? `check${i}` : 'menu');
  for (let i = 0; i < count; i++) {
    conditions[`c${i}`] = ['yes', 'no'];
    nodes[`check${i}`] = {
      type: 'branch',
      condition: `c${i}`,
      cases: { yes: `yes${i}`, no: `no${i}` },
    };
    // Condition i - 1 is read again here, when it was one of every fifth.
    const next = (i - 1) % 5 === 0 && i >= 1 ? `again${i - 1}` : at(i + 1);
    nodes[`yes${i}`] = { type: 'say', prompt: `Condition ${i} holds.`, next };
    nodes[`no${i}`] = { type: 'say', prompt: `Condition ${i} does not hold.`, next };
    if (i % 5 === 0) {
      nodes[`again${i}`] = {
        type: 'branch',
        condition: `c${i}`,
        cases: { yes: `priority${i}`, no: at(i + 2) },
      };
      nodes[`priority${i}`] = { type: 'say', prompt: 'You have priority.', next: at(i + 2) };
    }
  }
  nodes.menu = {
    type: 'menu',
    prompt: 'For billing press 1. For a fault press 2. For a person press 0.',
    options: [
      { key: 1, to: 'billing' },
      { key: 2, to: 'fault' },
      { key: 0, to: 'agent' },
    ],
  };
  nodes.billing = { type: 'say', prompt: 'Your bill is on its way.', next: 'menu' };
  nodes.fault = { type: 'say', prompt: 'Please restart your router.', next: 'menu' };
  nodes.agent = { type: 'agent', queue: 'support' };
  return stringify({ id: `conditions-${count}`, start: at(0), conditions, nodes });
}
