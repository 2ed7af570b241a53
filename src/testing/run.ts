/** `phonemaze test` as a function: every flow's expectations, their results and coverage. */

import type { InvalidFlow } from '../flow/problems.js';
import type { Flow } from '../flow/types.js';
import type { ReadMenuOptions } from '../import/read.js';
import { readFlowFiles } from '../import/read-files.js';
import {
  type Coverage,
  coverageOf,
  type ExpectationResult,
  runExpectations,
} from './expectations.js';

export interface FlowTestRun {
  readonly file: string;
  readonly flow: Flow;
  readonly results: readonly ExpectationResult[];
  readonly coverage: Coverage;
}

export interface TestRun {
  readonly flows: readonly FlowTestRun[];
  readonly invalid: readonly InvalidFlow[];
  readonly passed: number;
  readonly failed: number;
}

export async function testPaths(
  paths: readonly string[],
  options: ReadMenuOptions = {},
): Promise<TestRun> {
  const read = await readFlowFiles(paths, undefined, options);
  const flows: FlowTestRun[] = read.flows.map(({ file, flow }) => {
    const results = runExpectations(flow);
    return { file, flow, results, coverage: coverageOf(flow, results) };
  });
  const all = flows.flatMap((flow) => flow.results);
  const passed = all.filter((result) => result.passed).length;
  return { flows, invalid: read.invalid, passed, failed: all.length - passed };
}
