import type { Rule, RuleFinding } from '../rule.js';
import { menus } from '../ways.js';

/**
 * A key that starts a longer key of the same menu (1 and 12, 12 and 123): after it the line cannot
 * tell whether the caller has finished, so it waits out the entry pause on every press of the
 * short key, and a caller who dials the long one slowly is taken to the short one.
 */
const rule: Rule = {
  id: 'ambiguous-key',
  meta: {
    description:
      'A menu key that is the start of a longer key in the same menu (1 and 12): the line must wait after it to see whether more digits follow.',
    severity: 'warning',
    messages: {
      startsLongerKey: 'A key starts a longer key of the same menu.',
    },
  },
  check(flow) {
    const findings: RuleFinding[] = [];
    for (const menu of menus(flow)) {
      const keys = menu.options.flatMap((option) => (option.key === undefined ? [] : [option.key]));
      for (const option of menu.options) {
        const key = option.key;
        if (key === undefined) continue;
        const longer = keys.filter((other) => other.length > key.length && other.startsWith(key));
        if (longer.length === 0) continue;
        findings.push({
          node: menu.id,
          at: option.at,
          messageId: 'startsLongerKey',
          message: `Key ${key} is the start of ${longer.length === 1 ? 'the key' : 'the keys'} ${longer.join(', ')}: after ${key} the line must wait to see whether more digits follow, so every caller pressing ${key} waits, and one dialling ${longer[0]} slowly gets ${key}. Give extensions a prefix no single choice uses (say 9 then the extension), or end them with #.`,
        });
      }
    }
    return findings;
  },
};
export default rule;
