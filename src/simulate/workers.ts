/**
 * Simulations across cores: each worker thread simulates its share of the callers with its own
 * stream of the run's seed (the generator jumped ahead by its index, so streams never overlap and a
 * run is repeatable for the same seed and number of workers) and hands back compact columns, which merge exactly.
 */
import { Worker } from 'node:worker_threads';
import type { Flow } from '../flow/types.js';
import {
  type CallerColumns,
  type ProfileResult,
  profilesFor,
  type SimulateOptions,
  summarise,
} from './simulate.js';

export async function simulateInWorkers(
  file: string,
  flow: Flow,
  options: SimulateOptions,
  workers: number,
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
