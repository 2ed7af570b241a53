/**
 * Simulations across cores: each worker thread simulates its share of the callers with its own
 * stream of the run's seed (the generator jumped ahead by its index, so streams never overlap and a
 * run is repeatable for the same seed and number of workers) and hands back compact columns, which merge exactly.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Flow } from '../flow/types.js';
import type { ReadMenuOptions } from '../import/read.js';
import { type ProfileResult, profilesFor, type SimulateOptions } from './simulate.js';
import { type CallerColumns, summarise } from './summary.js';

/**
 * Below this many callers, worker threads cost more than they save. Measured by `npm run bench`
 * ("Simulation on worker threads"): on the project's 2-core machines two workers were slower
 * than one thread at 200,000, 1,000,000 and 3,000,000 callers (each thread starts, reads the
 * flow, and the two share the cores' memory bandwidth), so the line sits above that range.
 */
export const WORKERS_PAY_FROM = 10_000_000;

/** The worker threads worth starting for a run: none below the line, never more than cores. */
export function workersThatPay(callers: number, asked: number): number {
  if (asked <= 1 || callers < WORKERS_PAY_FROM) return 1;
  return Math.max(1, Math.min(asked, availableParallelism()));
}

export async function simulateInWorkers(
  file: string,
  flow: Flow,
  options: SimulateOptions,
  workers: number,
  /** How the file is read: `--from` and `--entry`. */
  reading: ReadMenuOptions = {},
): Promise<ProfileResult[]> {
  const seed = options.seed ?? 1;
  const shares = Array.from(
    { length: workers },
    (_, k) => Math.floor(options.callers / workers) + (k < options.callers % workers ? 1 : 0),
  );
  const parts = await Promise.all(
    shares.map(
      (callers, k) =>
        new Promise<CallerColumns>((resolve, reject) => {
          const worker = new Worker(new URL('./worker.js', import.meta.url), {
            workerData: {
              file,
              reading,
              options: { ...options, callers, seed, stream: k, trace: false },
            },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once(
            'exit',
            (code) =>
              code !== 0 && reject(new Error(`a simulation worker stopped with exit code ${code}`)),
          );
        }),
    ),
  );
  return summarise(profilesFor(flow, options), parts);
}
