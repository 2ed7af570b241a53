import junitModule, { type Builder } from 'junit-report-builder';
import { formatProblem } from '../flow/problems.js';
import type { InvalidFlow } from './report.js';

// The package is CommonJS typed as `exports.default`; Node hands ESM importers `module.exports`.
const junitReportBuilder = ((junitModule as unknown as { default?: Builder }).default ??
  junitModule) as unknown as Builder;

/** A fresh JUnit XML builder (junit-report-builder keeps one global builder otherwise). */
export function newJunitBuilder(): Builder {
  return junitReportBuilder.newBuilder();
}

/** A failing suite for each file that is not a valid flow. */
export function addInvalidFlows(builder: Builder, invalid: readonly InvalidFlow[]): void {
  for (const flow of invalid) {
    builder
      .testSuite()
      .name(flow.file)
      .testCase()
      .className('flow-format')
      .name('valid flow file')
      .file(flow.file)
      .error(flow.problems.map(formatProblem).join('\n'), 'invalid');
  }
}
