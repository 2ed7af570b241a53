import type { Flow, FlowNode } from '../../flow/types.js';
import type { Rule, RuleFinding } from '../rule.js';
import { arrivesAt, leadsStraightToHuman, menus } from '../ways.js';

/** Whether an option's target is help: a person, or a node named or speaking as help. */
function leadsToHelp(flow: Flow, to: string | undefined): boolean {
  if (to === undefined) return false;
  if (leadsStraightToHuman(flow, to)) return true;
  const isHelp = (node: FlowNode | undefined) =>
    node !== undefined &&
    (/help|hilfe/i.test(node.id) ||
      ('prompt' in node && /\b(help|hilfe)\b/i.test(node.prompt ?? '')));
  return isHelp(flow.nodes.get(to)) || arrivesAt(flow, to).some(isHelp);
}

/** For each menu, the menus with an option that leads into it (through say and branch nodes). */
function parentMenus(flow: Flow): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  for (const menu of menus(flow)) {
    for (const option of menu.options) {
      if (option.to === undefined) continue;
      for (const node of arrivesAt(flow, option.to)) {
        if (node.type !== 'menu') continue;
        const set = parents.get(node.id) ?? new Set<string>();
        set.add(menu.id);
        parents.set(node.id, set);
      }
    }
  }
  return parents;
}

const rule: Rule = {
  id: 'reserved-key',
  meta: {
    description:
      'Keys against ISO/IEC 13714: 0 not for a person or help, * not back or repeat, # as a choice, choices not numbered 1, 2, 3...',
    severity: 'warning',
    messages: {
      zeroNotHelp: 'Key 0 does not lead to a person or help.',
      starNotBack: 'Key * does not go back or repeat.',
      hashAsChoice: 'Key # is a menu choice.',
      gapInChoices: 'Choices are not numbered 1, 2, 3...',
    },
  },
  check(flow) {
    const findings: RuleFinding[] = [];
    let parents: Map<string, Set<string>> | undefined;
    for (const menu of menus(flow)) {
      for (const option of menu.options) {
        const at = option.at;
        if (option.key === '0' && !leadsToHelp(flow, option.to)) {
          findings.push({
            node: menu.id,
            at,
            messageId: 'zeroNotHelp',
            message: `Key 0 leads to ${option.to ?? 'a repeat'}; callers expect 0 to reach a person or help (ISO/IEC 13714).`,
          });
        }
        if (option.key === '*' && !option.repeat) {
          parents ??= parentMenus(flow);
          const target = option.to === undefined ? undefined : arrivesAt(flow, option.to)[0]?.id;
          if (target === undefined || !parents.get(menu.id)?.has(target)) {
            findings.push({
              node: menu.id,
              at,
              messageId: 'starNotBack',
              message: `Key * leads to ${option.to}; callers expect * to go back to the previous menu or repeat this one (ISO/IEC 13714).`,
            });
          }
        }
        if (option.key === '#' && !option.repeat) {
          findings.push({
            node: menu.id,
            at,
            messageId: 'hashAsChoice',
            message:
              'Key # is used as a menu choice; callers use # to end an entry (ISO/IEC 13714).',
          });
        }
      }
      const choices = menu.options
        .filter((option) => option.key !== undefined && /^[1-9]$/.test(option.key))
        .map((option) => Number(option.key));
      const numbered = [...new Set(choices)].sort((a, b) => a - b);
      if (numbered.some((key, i) => key !== i + 1)) {
        findings.push({
          node: menu.id,
          messageId: 'gapInChoices',
          message: `The choices are numbered ${numbered.join(', ')}; number them 1, 2, 3... without gaps (ISO/IEC 13714).`,
        });
      }
    }
    return findings;
  },
};
export default rule;
