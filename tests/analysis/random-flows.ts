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

/**
 * Random valid flows with up to 8 conditions of 2 or 3 values, read by many branches (the same
 * condition often more than once on a way), some values falling to a default.
 */
export const randomConditionalFlowYaml = fc
  .record({
    size: fc.integer({ min: 3, max: 12 }),
    conditions: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(fc.nat(1000), { minLength: 160, maxLength: 160 }),
  })
  .map(({ size, conditions, seed }) => {
    let cursor = 0;
    const next = (n: number) => (seed[cursor++ % seed.length] as number) % n;
    const ids = Array.from({ length: size }, (_, i) => `n${i}`);
    const forward = (i: number) => (i + 1 < size ? ids[i + 1 + next(size - i - 1)] : undefined);
    const anywhere = () => ids[next(size)] as string;
    const declared = Object.fromEntries(
      Array.from({ length: conditions }, (_, c) => [
        `c${c}`,
        next(3) === 0 ? ['a', 'b', 'c'] : ['a', 'b'],
      ]),
    );
    const nodes: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      const ahead = forward(i);
      const pick = next(10);
      if (ahead !== undefined && pick < 4) {
        const condition = `c${next(conditions)}`;
        const values = declared[condition] as string[];
        const cases: Record<string, string> = {};
        for (const value of values) if (next(4) !== 0) cases[value] = forward(i) as string;
        // The validator asks every value to have a way: a case, or the default.
        const covered = Object.keys(cases).length === values.length;
        nodes[id] = {
          type: 'branch',
          condition,
          cases,
          ...(!covered || next(2) === 0 ? { default: forward(i) } : {}),
        };
      } else if (pick < 7) {
        const count = 1 + next(3);
        nodes[id] = {
          type: 'menu',
          prompt: `Menu ${id}`,
          options: Array.from({ length: count }, (_, k) => ({ key: k + 1, to: anywhere() })),
          ...(next(3) === 0 ? { noMatch: { tries: 1 + next(2), then: anywhere() } } : {}),
          ...(next(3) === 0 ? { noInput: { tries: 2 } } : {}),
        };
      } else if (pick < 8 && ahead !== undefined) {
        nodes[id] = {
          type: 'input',
          prompt: `Input ${id}`,
          collect: `v${next(2)}`,
          digits: 2,
          next: anywhere(),
        };
      } else {
        nodes[id] = [
          { type: 'agent', queue: 'q' },
          { type: 'hangup', outcome: 'unresolved' },
          { type: 'transfer', to: 'partner' },
          { type: 'hangup' },
        ][next(4)];
      }
    });
    return stringify({ id: 'random', start: 'n0', conditions: declared, nodes });
  });
