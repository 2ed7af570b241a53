/**
 * The project config's `humans` patterns applied to an imported flow: a queue or a block that is
 * a transfer to another line after all, a transfer that reaches people after all.
 */
import { type HumanPatterns, matchesPattern } from '../flow/humans.js';
import type { ImportedFlow } from './document.js';

export function withHumans(imported: ImportedFlow, humans: HumanPatterns): ImportedFlow {
  if (humans.transfers.length === 0 && humans.people.length === 0) return imported;
  const nodes = Object.fromEntries(
    Object.entries(imported.document.nodes).map(([id, node]) => {
      // The block's type is the first word of how the import named it: `TransferContactToQueue x`.
      const blockType = imported.blocks.get(id)?.split(' ')[0];
      const prompt = typeof node.prompt === 'string' ? { prompt: node.prompt } : {};
      if (node.type === 'agent') {
        const queue = typeof node.queue === 'string' ? node.queue : undefined;
        if (matchesPattern(humans.transfers, queue, blockType))
          return [id, { type: 'transfer', ...prompt, to: queue ?? blockType ?? 'another line' }];
      }
      if (node.type === 'transfer' && matchesPattern(humans.people, String(node.to), blockType))
        return [id, { type: 'agent', ...prompt }];
      return [id, node];
    }),
  );
  return { ...imported, document: { ...imported.document, nodes } };
}
