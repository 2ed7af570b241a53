/** The machine's states as the walker and the reports read them. */
import type { AnyMachineSnapshot } from 'xstate';
import type { NodeType } from '../flow/types.js';

export { DISCONNECTED, HUNG_UP } from '../flow/ends.js';

/** What each state's `meta` carries: the node it stands for and where the file writes it. */
export interface StateMeta {
  readonly nodeId: string;
  readonly type: NodeType | 'disconnected' | 'abandoned';
  readonly prompt?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The node id a snapshot of a call stands at (or one of the two end states above). */
export function nodeIdOf(snapshot: { readonly value: unknown }): string {
  return String(snapshot.value);
}

/** The meta of the state a snapshot of a call stands in. */
export function stateMetaOf(snapshot: AnyMachineSnapshot): StateMeta | undefined {
  return Object.values(snapshot.getMeta())[0] as StateMeta | undefined;
}
