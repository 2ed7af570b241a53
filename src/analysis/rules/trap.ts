import { describeConditions } from '../../flow/conditions.js';
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
    const into: number[][] = live.points.map(() => []);
    live.out.forEach((moves, from) => {
      for (const move of moves) into[move.to]?.push(from);
    });
    // Report where callers fall in: a state trapped for some values, entered from the start or
    // from a state that can still end with those values.
    for (let state = 0; state < live.points.length; state++) {
      if (traps.escapes[state]) continue;
      const point = live.points[state] as (typeof live.points)[number];
      if (point.vertex === graph.disconnected) continue;
      for (const values of traps.trappedWhen(state)) {
        const entered =
          state === 0 ||
          (into[state] ?? []).some((from) => traps.escapes[from] || traps.canEnd(from, values));
        if (!entered) continue;
        const all = { ...point.values, ...values };
        const when =
          conditional && Object.keys(all).length > 0 ? ` (when ${describeConditions(all)})` : '';
        for (const vertex of heardFrom(facts, state, values)) {
          const id = graph.ids[vertex] as string;
          if (reported.has(id)) continue;
          reported.add(id);
          findings.push({
            node: id,
            messageId: 'trapped',
            message: `Callers who get here${when} can never reach a human, a transfer or a hang-up: whatever they press, they go round in circles until they give up or are disconnected.`,
          });
        }
        break;
      }
    }
    return findings.sort(
      (a, b) => (graph.index.get(a.node) as number) - (graph.index.get(b.node) as number),
    );
  },
};

/** A caller hears nothing at branch nodes: the trapped nodes they are led on to from a state. */
function heardFrom(
  facts: Parameters<Rule['check']>[1]['facts'],
  from: number,
  values: Readonly<Record<string, string>>,
): number[] {
  const { graph, live } = facts;
  const traps = trapsOf(facts);
  const heard = new Set<number>();
  const passed = new Set<number>();
  const stack = [from];
  while (stack.length > 0) {
    const state = stack.pop() as number;
    if (passed.has(state)) continue;
    passed.add(state);
    const vertex = live.points[state]?.vertex as number;
    if (graph.nodes[vertex]?.type !== 'branch') {
      heard.add(vertex);
      continue;
    }
    for (const move of live.out[state] ?? []) {
      const given = move.fixes && values[move.fixes.condition];
      if (given !== undefined && move.fixes && !move.fixes.values.includes(given)) continue;
      if (!traps.escapes[move.to] && traps.trappedWhen(move.to).length > 0) stack.push(move.to);
    }
  }
  return [...heard];
}
export default rule;
