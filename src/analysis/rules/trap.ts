import { describeConditions } from '../../flow/conditions.js';
import type { FlowFacts } from '../facts.js';
import type { Rule, RuleFinding } from '../rule.js';
import { trapsOf } from '../traps.js';
import { deadEnds } from './dead-end.js';

const rule: Rule = {
  id: 'trap',
  meta: {
    description:
      'Nodes the caller can reach but never leave towards an end (agent, transfer or hang-up).',
    severity: 'error',
    messages: {
      trapped: 'Callers can never leave towards an end.',
    },
  },
  check(flow, { facts }) {
    const { graph, live } = facts;
    const traps = trapsOf(facts);
    const reported = new Set<string>(deadEnds(facts).map((finding) => finding.node));
    const conditional = Object.keys(flow.conditions).length > 0;
    const findings: RuleFinding[] = [];
    // Report where callers fall in: a state trapped for some values, entered from the start or
    // from a state that can still end with those values (and the one the move reads).
    const enteredWith = (state: number, values: Readonly<Record<string, string>>): boolean => {
      if (state === 0) return true;
      // The values the state carries hold too: a move into it may have fixed one.
      const all = { ...live.points[state]?.values, ...values };
      return (traps.movesInto[state] ?? []).some((move) => {
        if (traps.escapes[move.from]) return true;
        const fixes = move.fixes;
        return fixes
          ? fixes.values.some((value) =>
              traps.canEnd(move.from, { ...all, [fixes.condition]: value }),
            )
          : traps.canEnd(move.from, all);
      });
    };
    for (let state = 0; state < live.points.length; state++) {
      if (traps.escapes[state]) continue;
      const point = live.points[state] as (typeof live.points)[number];
      if (point.vertex === graph.disconnected) continue;
      const trapping = (given: Readonly<Record<string, string>>) =>
        traps.trappedWhen(state, given).find((values) => enteredWith(state, values));
      const values = trapping({});
      if (!values) continue;
      const all = { ...point.values, ...values };
      const when =
        conditional && Object.keys(all).length > 0 ? ` (when ${describeConditions(all)})` : '';
      for (const vertex of heardFrom(facts, state, trapping)) {
        const id = graph.ids[vertex] as string;
        if (reported.has(id)) continue;
        reported.add(id);
        findings.push({
          node: id,
          messageId: 'trapped',
          message: `Callers who get here${when} can never reach a human, a transfer or a hang-up: whatever they press, they go round in circles until they give up or are disconnected.`,
        });
      }
    }
    return findings.sort(
      (a, b) => (graph.index.get(a.node) as number) - (graph.index.get(b.node) as number),
    );
  },
};

/**
 * A caller hears nothing at branch nodes: the nodes they are led on to from a trapped state,
 * through branches, under values that still trap it.
 */
function heardFrom(
  facts: FlowFacts,
  from: number,
  trapping: (given: Readonly<Record<string, string>>) => unknown,
): number[] {
  const { graph, live } = facts;
  const traps = trapsOf(facts);
  const heard = new Set<number>();
  const passed = new Set<string>();
  const stack: [number, Readonly<Record<string, string>>][] = [[from, {}]];
  while (stack.length > 0) {
    const [state, given] = stack.pop() as [number, Readonly<Record<string, string>>];
    const key = `${state} ${JSON.stringify(given)}`;
    if (passed.has(key)) continue;
    passed.add(key);
    const vertex = live.points[state]?.vertex as number;
    if (graph.nodes[vertex]?.type !== 'branch') {
      heard.add(vertex);
      continue;
    }
    for (const move of live.out[state] ?? []) {
      if (traps.escapes[move.to]) continue;
      const fixes = move.fixes;
      const readings = fixes
        ? fixes.values
            .filter((value) => (given[fixes.condition] ?? value) === value)
            .map((value) => ({ ...given, [fixes.condition]: value }))
        : [given];
      for (const reading of readings) if (trapping(reading)) stack.push([move.to, reading]);
    }
  }
  return [...heard];
}
export default rule;
