import type { Rule, RuleFinding } from '../rule.js';
import { arrivesAt, reachableHandlers } from '../ways.js';

const rule: Rule = {
  id: 'endless-reprompt',
  meta: {
    description:
      'A handler that reprompts for ever: tries: unlimited, or a then that leads straight back.',
    severity: 'error',
    messages: {
      unlimitedTries: 'A handler with unlimited tries.',
      thenLeadsBack: "A handler's then leads straight back to its node.",
    },
  },
  check(flow, { facts }) {
    return reachableHandlers(facts).flatMap(({ node, kind, handler }): RuleFinding[] => {
      if (!Number.isFinite(handler.tries)) {
        return [
          {
            node: node.id,
            at: handler.at,
            messageId: 'unlimitedTries',
            message: `${kind} reprompts for ever (tries: unlimited): a caller who cannot answer is never helped.`,
          },
        ];
      }
      if (
        handler.then !== undefined &&
        arrivesAt(flow, handler.then).some((next) => next.id === node.id)
      ) {
        return [
          {
            node: node.id,
            at: handler.at,
            messageId: 'thenLeadsBack',
            message: `${kind}'s \`then: ${handler.then}\` leads straight back here and starts the tries again, so the caller is reprompted for ever.`,
          },
        ];
      }
      return [];
    });
  },
};
export default rule;
