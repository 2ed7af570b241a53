/** Small questions about where a call goes, shared by several rules. */
import type { Flow, FlowNode, Handler, ListeningNode, MenuNode } from '../flow/types.js';
import type { FlowFacts } from './facts.js';
import { oncePer } from './once.js';

/**
 * The nodes a call arrives at from `id` without the caller doing anything: `id` itself and
 * whatever say and branch nodes (every case) lead on to.
 */
export function arrivesAt(flow: Flow, id: string): FlowNode[] {
  // Most moves go straight to a menu or an end: no search, on flows of 100,000 options.
  const first = flow.nodes.get(id);
  if (first && first.type !== 'say' && first.type !== 'branch') return [first];
  const seen = new Set<string>();
  const found: FlowNode[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    const node = flow.nodes.get(current);
    if (!node) continue;
    if (node.type === 'say') stack.push(node.next);
    else if (node.type === 'branch')
      stack.push(...Object.values(node.cases), ...(node.default ? [node.default] : []));
    else found.push(node);
  }
  return found;
}

/** Whether going to `id` puts the caller straight through to a person. */
export function leadsStraightToHuman(flow: Flow, id: string | undefined): boolean {
  return id !== undefined && arrivesAt(flow, id).some((node) => node.type === 'agent');
}

export function menus(flow: Flow): MenuNode[] {
  return [...flow.nodes.values()].filter((node): node is MenuNode => node.type === 'menu');
}

export { describeInputs } from '../flow/words.js';

export function seconds(value: number): string {
  return `${Math.round(value * 10) / 10} s`;
}

export interface ReachableHandler {
  readonly node: ListeningNode;
  readonly kind: 'noMatch' | 'noInput';
  readonly handler: Handler;
}

/** Each noMatch and noInput handler of every menu and input a call can reach (found once). */
export const reachableHandlers: (facts: FlowFacts) => readonly ReachableHandler[] =
  oncePer(findReachableHandlers);

function findReachableHandlers(facts: FlowFacts): ReachableHandler[] {
  return [...facts.graph.flow.nodes.values()].flatMap((node) =>
    (node.type === 'menu' || node.type === 'input') &&
    facts.reachable[facts.graph.index.get(node.id) as number]
      ? (['noMatch', 'noInput'] as const).map((kind) => ({ node, kind, handler: node[kind] }))
      : [],
  );
}
