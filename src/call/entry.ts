import type { FlowNode } from '../flow/types.js';

/**
 * Whether the keys typed so far make a whole entry: at a menu, a key that no longer extension
 * key starts with; at an input node, never (Enter or a pause ends it).
 */
export function entryComplete(node: FlowNode | undefined, typed: string): boolean {
  if (node?.type !== 'menu') return false;
  const keys = node.options.flatMap((option) => (option.key === undefined ? [] : [option.key]));
  return !keys.some((key) => key.length > typed.length && key.startsWith(typed));
}

/** A caller who stops typing this long has finished their entry, as IVR platforms assume. */
export const ENTRY_PAUSE_MS = 1500;
