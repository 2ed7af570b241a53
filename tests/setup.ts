/**
 * Property tests draw from a fixed seed, so a run in CI is the same every time and a failure
 * can be replayed; PHONEMAZE_SEED=random draws a new one (printed by fast-check on failure),
 * PHONEMAZE_SEED=N replays one.
 */
import fc from 'fast-check';

const asked = process.env.PHONEMAZE_SEED;
if (asked !== 'random')
  fc.configureGlobal({ seed: asked === undefined ? 20_261_201 : Number(asked) });
