/** Random valid flows for property tests: menus, inputs, says, branches and ends, wired at random. */
import fc from 'fast-check';
import { stringify } from 'yaml';

const TYPES = [
  'menu',
  'menu',
  'menu',
  'input',
  'say',
  'branch',
  'agent',
  'hangup',
  'transfer',
] as const;

export const randomFlowYaml = fc
  .record({
    size: fc.integer({ min: 2, max: 9 }),
    seed: fc.array(fc.nat(1000), { minLength: 120, maxLength: 120 }),
  })
  .map(({ size, seed }) => {
    let cursor = 0;
    const next = (n: number) => (seed[cursor++ % seed.length] as number) % n;
    const ids = Array.from({ length: size }, (_, i) => `n${i}`);
    // Say and branch nodes only lead forward, so no loop is made of them alone.
    const forward = (i: number) => (i + 1 < size ? ids[i + 1 + next(size - i - 1)] : undefined);
    const anywhere = () => ids[next(size)] as string;
    const handler = () => {
      const pick = next(5);
      if (pick === 0) return undefined;
      const tries = [1, 2, 3, 'unlimited'][next(4)];
      return pick === 1 ? { tries } : { tries, then: anywhere() };
    };
    const nodes: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      let type: (typeof TYPES)[number] = TYPES[next(TYPES.length)] as (typeof TYPES)[number];
      const ahead = forward(i);
      if ((type === 'say' || type === 'branch') && ahead === undefined) type = 'hangup';
      switch (type) {
        case 'menu': {
          const count = 1 + next(4);
          const options = Array.from({ length: count }, (_, k) =>
            next(6) === 0
              ? { key: k + 1, repeat: true }
              : next(5) === 0
                ? { say: [`word${k}`], to: anywhere() }
                : { key: k + 1, to: anywhere() },
          );
          nodes[id] = {
            type,
            prompt: `Menu ${id}`,
            options,
            noMatch: handler(),
            noInput: handler(),
            tries: 1 + next(3),
          };
          break;
        }
        case 'input':
          nodes[id] = {
            type,
            prompt: `Input ${id}`,
            collect: `v${next(3)}`,
            digits: 1 + next(4),
            next: anywhere(),
            noMatch: handler(),
            noInput: handler(),
          };
          break;
        case 'say':
          nodes[id] = { type, prompt: `Say ${id}`, next: ahead };
          break;
        case 'branch':
          nodes[id] = { type, condition: 'hours', cases: { open: ahead, closed: forward(i) } };
          break;
        case 'agent':
          nodes[id] = { type, queue: 'q' };
          break;
        case 'transfer':
          nodes[id] = { type, to: 'partner' };
          break;
        default:
          nodes[id] = { type: 'hangup' };
      }
      const node = nodes[id] as Record<string, unknown>;
      for (const key of ['noMatch', 'noInput']) if (node[key] === undefined) delete node[key];
    });
    return stringify({
      id: 'random',
      start: 'n0',
      conditions: { hours: ['open', 'closed'] },
      nodes,
    });
  });
