/** `phonemaze test` as a function: every flow's expectations, their results and coverage. */
import { findFlowFiles } from '../flow/files.js';
import { readFlowFile } from '../flow/load.js';
import type { Flow } from '../flow/types.js';
import type { InvalidFlow } from '../report/report.js';
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

export async function testPaths(paths: readonly string[]): Promise<TestRun> {
  const found = await findFlowFiles(paths);
  const invalid: InvalidFlow[] = found.problems.map((problem) => ({
    file: problem.file,
    problems: [problem],
  }));
  const flows: FlowTestRun[] = [];
  for (const file of found.files) {
    const read = await readFlowFile(file);
    if (!read.ok) {
      invalid.push({ file, problems: read.problems });
      continue;
    }
    const results = runExpectations(read.flow);
    flows.push({ file, flow: read.flow, results, coverage: coverageOf(read.flow, results) });
  }
  const all = flows.flatMap((flow) => flow.results);
  const passed = all.filter((result) => result.passed).length;
  return { flows, invalid, passed, failed: all.length - passed };
}
