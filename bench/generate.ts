/**
 * Large generated flows for benchmarks and scale tests: a tree of menus (breadth first, `fanout`
 * options each) behind two conditions, with a person on 0 at every menu and leaves that end.
 */
import { stringify } from 'yaml';

export function generatedFlowYaml(menus: number, fanout = 4): string {
  const nodes: Record<string, unknown> = {
    hours: { type: 'branch', condition: 'hours', cases: { open: 'region', closed: 'closed' } },
    region: { type: 'branch', condition: 'region', cases: { north: 'm0', south: 'm0' } },
    closed: { type: 'hangup', prompt: 'We are closed.' },
    agent: { type: 'agent', queue: 'general', wait: '2m' },
    done: { type: 'hangup', prompt: 'Thank you, goodbye.', outcome: 'resolved' },
  };
  for (let i = 0; i < menus; i++) {
    const options: unknown[] = [];
    for (let k = 1; k <= fanout; k++) {
      const child = i * fanout + k;
      options.push({ key: k, to: child < menus ? `m${child}` : 'done' });
    }
    options.push({ key: 0, to: 'agent' });
    nodes[`m${i}`] = {
      type: 'menu',
      prompt: `Menu ${i}. Press 1 to ${fanout} for the next menus, or 0 for a person.`,
      options,
      noMatch: { then: 'agent' },
      noInput: { then: 'agent' },
    };
  }
  return stringify({
    id: `generated-${menus}`,
    start: 'hours',
    settings: { tries: 3 },
    conditions: { hours: ['open', 'closed'], region: ['north', 'south'] },
    limits: { maxDepth: 20, maxOptions: fanout + 1 },
    rules: { 'unannounced-key': 'off', 'human-unavailable': 'off', 'unresolved-hangup': 'off' },
    nodes,
  });
}
