/** What the compiled machine says of a flow, by `xstate/graph`: the figures the analysis is held to. */
import { getShortestPaths } from 'xstate/graph';
import type { Flow } from '../../src/flow/types.js';
import { compile } from '../../src/machine/compile.js';
import { callerEvents, isCompleteCallerEvent } from '../../src/machine/events.js';

/** Fewest events to an agent state, and the states reached at all, with these condition values. */
export function machineFigures(flow: Flow, conditions: Record<string, string>) {
  const paths = getShortestPaths(compile(flow), {
    input: { conditions },
    events: callerEvents(flow),
    filterEvents: (_, event) => isCompleteCallerEvent(event),
    limit: 200_000,
  });
  let fewest = Number.POSITIVE_INFINITY;
  const reached = new Set<string>();
  for (const path of paths) {
    const node = String(path.state.value);
    reached.add(node);
    // The first step of every path is the machine's own start, not a caller's input.
    if (flow.nodes.get(node)?.type === 'agent') fewest = Math.min(fewest, path.steps.length - 1);
  }
  return { fewest, reached };
}
