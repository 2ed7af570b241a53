import type { Rule } from '../rule.js';

/** Blocks of an imported file whose type phonemaze does not know: followed, and said. */
const rule: Rule = {
  id: 'unknown-block',
  meta: {
    description:
      'An imported file has a block of a type phonemaze does not know: the call is followed through its transitions, each one taken as possible.',
    severity: 'warning',
    messages: {
      unknownType: 'A block of a type phonemaze does not know.',
    },
  },
  check(flow) {
    return (flow.imported?.unknown ?? []).map((note) => ({
      node: note.node,
      at: note.at,
      messageId: 'unknownType',
      message: `${note.block} is of a type phonemaze does not know: ${note.what}. Check what it does, and file an issue if phonemaze should know it.`,
    }));
  },
};
export default rule;
