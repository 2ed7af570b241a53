/** `test --against` as text and as JUnit XML: each path through the flow, and both sides of the first difference. */
import { createColors } from 'picocolors';
import type { AgainstResult } from '../live/against.js';
import { newJunitBuilder } from './junit-builder.js';

/** The run, the flow it held the app to, and where the app was. */
export interface AgainstReport {
  readonly file: string;
  readonly flowId: string;
  readonly url: string;
  readonly result: AgainstResult;
}

function bothSides(path: AgainstResult['paths'][number]): string[] {
  return [
    'the flow:',
    ...path.flowSide.map((line) => `  ${line}`),
    'the app:',
    ...path.appSide.map((line) => `  ${line}`),
  ];
}

export function againstText(report: AgainstReport, { color }: { color: boolean }): string {
  const c = createColors(color);
  const { result } = report;
  const out = [c.underline(`${report.file} against ${report.url}`)];
  for (const path of result.paths) {
    out.push(`  ${path.passed ? c.green('✓') : c.red('✗')} ${path.description}`);
    if (!path.passed) {
      out.push(
        `      ${c.red(path.message ?? '')}`,
        ...bothSides(path).map((line) => `      ${line}`),
      );
    }
  }
  const summary = `${result.passed} passed, ${result.failed} failed (${result.requests} requests)`;
  out.push('', result.failed > 0 ? c.red(summary) : c.green(summary));
  return `${out.join('\n')}\n`;
}

export function againstJunit(report: AgainstReport): string {
  const builder = newJunitBuilder();
  const suite = builder.testSuite().name(`${report.flowId} against ${report.url}`);
  for (const path of report.result.paths) {
    const testCase = suite
      .testCase()
      .className(report.flowId)
      .name(path.description)
      .file(report.file);
    if (!path.passed)
      testCase.failure(path.message ?? 'differs').standardOutput(bothSides(path).join('\n'));
  }
  return `${builder.build()}\n`;
}
