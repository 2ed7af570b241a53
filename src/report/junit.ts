import { addInvalidFlows, newJunitBuilder } from './junit-builder.js';
import type { Reporter } from './report.js';

/**
 * JUnit XML for CI dashboards: a suite per flow file, a case per rule. A rule with errors fails
 * its case; warnings are listed in the case's output, as JUnit has no warnings.
 */
const junit: Reporter = (report) => {
  const builder = newJunitBuilder();
  for (const flow of report.flows) {
    const suite = builder.testSuite().name(`${flow.id} (${flow.file})`);
    for (const rule of flow.rulesRun) {
      const findings = flow.findings.filter((finding) => finding.rule === rule);
      const testCase = suite.testCase().className(flow.id).name(rule).file(flow.file);
      const lines = findings.map(
        (f) => `${flow.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.node})`,
      );
      const errors = findings.filter((finding) => finding.severity === 'error');
      if (errors.length > 0) testCase.failure(lines.join('\n'), 'error');
      else if (lines.length > 0) testCase.standardOutput(lines.join('\n'));
    }
  }
  addInvalidFlows(builder, report.invalid);
  return `${builder.build()}\n`;
};
export default junit;
