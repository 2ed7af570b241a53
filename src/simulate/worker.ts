/** One simulation worker thread: reads the flow, simulates its callers, returns their columns. */
import { parentPort, workerData } from 'node:worker_threads';
import { FlowLoadError } from '../flow/problems.js';
import { type ReadMenuOptions, readMenuFile } from '../import/read.js';
import { profilesFor, type SimulateOptions, simulate } from './simulate.js';
import { toColumns } from './summary.js';

const { file, options, reading } = workerData as {
  file: string;
  options: SimulateOptions;
  reading: ReadMenuOptions;
};
const read = await readMenuFile(file, reading);
if (!read.ok) throw new FlowLoadError(read.problems);
const flow = read.flow;
const { callers = [] } = simulate(flow, { ...options, keepCallers: true });
const columns = toColumns(callers, profilesFor(flow, options));
// The columns' own buffers travel to the main thread without a copy.
const buffers = [columns.profile, columns.end, columns.goal, columns.steps, columns.seconds].map(
  (column) => column.buffer as ArrayBuffer,
);
parentPort?.postMessage(columns, buffers);
