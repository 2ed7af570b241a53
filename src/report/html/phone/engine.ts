/**
 * What the report page's phone runs: the project's own `Call` (one `step` function for the
 * page, the walker and the simulator) and the walker's words, bundled for the browser at build
 * time (scripts/bundle-phone.js). The flow travels in the page as data.
 */
import { Call } from '../../../call/call.js';
import { ENTRY_PAUSE_MS, entryComplete } from '../../../call/entry.js';
import type { CallerEvent } from '../../../call/events.js';
import type { Flow, FlowNode } from '../../../flow/types.js';
import { describeInput } from '../../../flow/words.js';
import { describeOutcome } from '../../../walk/words.js';

/** A flow as JSON can carry it: its nodes as entries, unlimited tries as -1. */
export interface FlowData {
  readonly flow: Omit<Flow, 'nodes'>;
  readonly nodes: readonly (readonly [string, FlowNode])[];
}

const UNLIMITED = -1;

/** The flow as the JSON text of its FlowData, written once. */
export function flowJson(flow: Flow): string {
  const { nodes, ...rest } = flow;
  return JSON.stringify({ flow: rest, nodes: [...nodes.entries()] }, (_, value) =>
    value === Number.POSITIVE_INFINITY ? UNLIMITED : value,
  );
}

export function flowData(flow: Flow): FlowData {
  return JSON.parse(flowJson(flow)) as FlowData;
}

export function flowFromData(data: FlowData): Flow {
  const unlimited = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(unlimited);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === 'tries' && inner === UNLIMITED ? Number.POSITIVE_INFINITY : unlimited(inner),
        ]),
      );
    }
    return value;
  };
  return {
    ...(unlimited(data.flow) as Flow),
    nodes: new Map(unlimited(data.nodes) as [string, FlowNode][]),
  };
}

/** One call in the page: what the phone shows after each thing the caller does. */
export interface PhoneCall {
  readonly call: Call;
  send(event: CallerEvent): void;
  /** The walker's words for how the call ended, or undefined while it goes on. */
  outcome(): string | undefined;
}

export function startPhoneCall(
  data: FlowData,
  conditions: Readonly<Record<string, string>>,
): PhoneCall {
  const call = new Call(flowFromData(data), conditions);
  return {
    call,
    send: (event) => {
      call.send(event);
    },
    outcome: () => {
      const ended = call.outcome();
      return ended ? describeOutcome(ended, call) : undefined;
    },
  };
}

export { describeInput, ENTRY_PAUSE_MS, entryComplete };
