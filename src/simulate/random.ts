/** Random numbers for simulated callers: a seed's independent streams. */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A generator for a seed and a stream. The seed is mixed (splitmix32) into the generator's whole
 * state: seeding xoroshiro128plus with a small number directly makes its first draws near 1.0,
 * so every run's first caller took the last profile. Streams are the generator jumped ahead 2^64
 * draws per stream, so they never overlap.
 */
export function randomStream(seed: number, stream: number): JumpableRandomGenerator {
  let mixed = seed | 0;
  const next = () => {
    mixed = (mixed + 0x9e3779b9) | 0;
    let t = mixed ^ (mixed >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return t ^ (t >>> 15);
  };
  const state = [next(), next(), next(), next()];
  if (!state.some((word) => word !== 0)) state[0] = 1;
  const generator = xoroshiro128plusFromState(state);
  for (let jumped = 0; jumped < stream; jumped++) generator.jump();
  return generator;
}
