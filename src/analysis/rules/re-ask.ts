import type { InputNode } from '../../flow/types.js';
import type { Rule, RuleFinding } from '../rule.js';

const rule: Rule = {
  id: 're-ask',
  meta: {
    description: 'Some call is asked for the same collect value twice.',
    severity: 'warning',
    messages: {
      askedAgain: 'The same value is asked for again.',
    },
  },
  check(flow, { facts }) {
    const { graph } = facts;
    const askers = new Map<string, InputNode[]>();
    for (const node of flow.nodes.values()) {
      if (node.type === 'input' && node.collect)
        askers.set(node.collect, [...(askers.get(node.collect) ?? []), node]);
    }
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    // One search per value over the call's states, from every state that collected it:
    // O(values × states), not O(nodes²).
    const { live } = facts;
    for (const [value, nodes] of askers) {
      const firstAsker = new Int32Array(live.points.length).fill(-1);
      const stack: number[] = [];
      for (const node of nodes) {
        const vertex = graph.index.get(node.id) as number;
        for (const state of live.statesAt[vertex] ?? []) {
          for (const move of live.out[state] ?? []) {
            if (move.edge.kind !== 'value' || firstAsker[move.to] !== -1) continue;
            firstAsker[move.to] = vertex;
            stack.push(move.to);
          }
        }
      }
      while (stack.length > 0) {
        const from = stack.pop() as number;
        for (const move of live.out[from] ?? []) {
          if (firstAsker[move.to] !== -1) continue;
          firstAsker[move.to] = firstAsker[from] as number;
          stack.push(move.to);
        }
      }
      for (const node of nodes) {
        const vertex = graph.index.get(node.id) as number;
        const state = (live.statesAt[vertex] ?? []).find((each) => firstAsker[each] !== -1);
        if (state === undefined || reported.has(node.id)) continue;
        const earlier = firstAsker[state] as number;
        reported.add(node.id);
        const first = graph.ids[earlier];
        findings.push({
          node: node.id,
          messageId: 'askedAgain',
          message:
            first === node.id
              ? `Callers can come back here and be asked for ${value} again, though they gave it already.`
              : `Callers are asked for ${value} again here, though they gave it at ${first}.`,
        });
      }
    }
    return findings;
  },
};
export default rule;
