import { createRequire } from 'node:module';
import type { Builder } from 'junit-report-builder';
import { formatProblem } from '../flow/problems.js';
import type { InvalidFlow } from './report.js';

/**
 * A fresh JUnit XML builder (junit-report-builder keeps one global builder otherwise). The
 * package is required when first used: loading it took 80 ms of every `check`, JUnit or not.
 */
export function newJunitBuilder(): Builder {
  // CommonJS, typed as `exports.default`; `require` hands over `module.exports`.
  const junitModule = createRequire(import.meta.url)('junit-report-builder') as {
    default?: Builder;
  } & Builder;
  return (junitModule.default ?? junitModule).newBuilder();
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
