/** The caller's events as `xstate/graph` asks for them, state by state of the compiled machine. */
import { callerEventsAt } from '../call/events.js';
import type { Flow } from '../flow/types.js';

export {
  acceptsValue,
  type CallerEvent,
  type CallerEventType,
  callerEventsAt,
  eventForInput,
  inputForEvent,
  isCompleteCallerEvent,
  optionChosen,
  sampleValue,
  saysPhrase,
  valueGiven,
} from '../call/events.js';

/** `callerEventsAt` for a state of the compiled machine, as `xstate/graph` wants it. */
export function callerEvents(flow: Flow, options: { hangUp?: boolean } = {}) {
  return (snapshot: { value: unknown }) =>
    callerEventsAt(flow.nodes.get(String(snapshot.value)), options);
}
