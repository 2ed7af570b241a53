import type { ListeningNode } from '../../flow/types.js';
import { plural } from '../../flow/words.js';
import type { Rule, RuleFinding } from '../rule.js';
import { arrivesAt, reachableHandlers } from '../ways.js';

const WHAT = {
  noMatch: ['input that was not understood', 'inputs that were not understood'],
  noInput: ['silence', 'silences'],
} as const;

const rule: Rule = {
  id: 'error-hangup',
  meta: {
    description:
      'A caller is disconnected for input errors: a noMatch or noInput that runs out into a hang-up, or has no then.',
    severity: 'error',
    messages: {
      disconnects: 'Input errors run out into a disconnect.',
      thenHangsUp: 'Input errors run out into a hang-up through then.',
    },
  },
  check(flow, { facts }) {
    const hangupAfter = (id: string) =>
      arrivesAt(flow, id).find((end) => end.type === 'hangup')?.id;
    return reachableHandlers(facts).flatMap(
      ({ node, kind }) => check(node, kind, hangupAfter) ?? [],
    );
  },
};

function check(
  node: ListeningNode,
  kind: 'noMatch' | 'noInput',
  hangupAfter: (id: string) => string | undefined,
): RuleFinding | undefined {
  const handler = node[kind];
  if (!Number.isFinite(handler.tries)) return undefined;
  const after = `After ${plural(handler.tries, WHAT[kind][0], WHAT[kind][1])} (${kind})`;
  if (handler.then === undefined) {
    return {
      node: node.id,
      at: handler.at,
      messageId: 'disconnects',
      message: handler.written
        ? `${after} the caller is disconnected: the handler has no \`then\`.`
        : `${after} the caller is disconnected: the node has no ${kind} handler. Add one with \`then\` leading to a person.`,
    };
  }
  const hangup = hangupAfter(handler.then);
  return hangup === undefined
    ? undefined
    : {
        node: node.id,
        at: handler.at,
        messageId: 'thenHangsUp',
        message: `${after} the call runs out into the hang-up \`${hangup}\`.`,
      };
}
export default rule;
