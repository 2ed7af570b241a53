import type { TestRun } from '../testing/run.js';
import { addInvalidFlows, newJunitBuilder } from './junit-builder.js';
import { transcriptLines } from './test-text.js';

/** A test run as JUnit XML: a suite per flow, a case per expectation, the transcript of failures. */
export function testRunJunit(run: TestRun): string {
  const builder = newJunitBuilder();
  for (const flow of run.flows) {
    const suite = builder.testSuite().name(`${flow.flow.id} (${flow.file})`);
    for (const result of flow.results) {
      const testCase = suite
        .testCase()
        .className(flow.flow.id)
        .name(result.expectation.name)
        .file(flow.file);
      if (!result.passed)
        testCase
          .failure(result.message)
          .standardOutput(transcriptLines(result.transcript).join('\n'));
    }
  }
  addInvalidFlows(builder, run.invalid);
  return `${builder.build()}\n`;
}
