import type { Rule, RuleFinding } from '../rule.js';
import { arrivesAt } from '../ways.js';

const rule: Rule = {
  id: 'endless-reprompt',
  meta: {
    description:
      'A handler that reprompts for ever: tries: unlimited, or a then that leads straight back.',
    severity: 'error',
  },
  check(flow, { facts }) {
    const findings: RuleFinding[] = [];
    for (const node of flow.nodes.values()) {
      if (node.type !== 'menu' && node.type !== 'input') continue;
      if (!facts.reachable[facts.graph.index.get(node.id) as number]) continue;
      for (const kind of ['noMatch', 'noInput'] as const) {
        const handler = node[kind];
        if (!Number.isFinite(handler.tries)) {
          findings.push({
            node: node.id,
            at: handler.at,
            message: `${kind} reprompts for ever (tries: unlimited): a caller who cannot answer is never helped.`,
          });
        } else if (
          handler.then !== undefined &&
          arrivesAt(flow, handler.then).some((next) => next.id === node.id)
        ) {
          findings.push({
            node: node.id,
            at: handler.at,
            message: `${kind}'s \`then: ${handler.then}\` leads straight back here and starts the tries again, so the caller is reprompted for ever.`,
          });
        }
      }
    }
    return findings;
  },
};
export default rule;
