import { createColors } from 'picocolors';
import { formatProblem } from '../flow/problems.js';
import { importedLines } from './imported.js';
import { humanHeadline, plural, type Reporter } from './report.js';

/** For people at a terminal: findings grouped by file, a headline per flow, a summary line. */
const text: Reporter = (report, { color, verbose }) => {
  const c = createColors(color);
  const lines: string[] = [];
  for (const invalid of report.invalid) {
    lines.push(c.underline(invalid.file));
    for (const problem of invalid.problems)
      lines.push(`  ${c.red('invalid')}  ${formatProblem(problem).replace(/\n/g, '\n  ')}`);
    lines.push('');
  }
  for (const flow of report.flows) {
    const errors = flow.findings.filter((f) => f.severity === 'error').length;
    const warnings = flow.findings.length - errors;
    const counts = [
      errors ? c.red(plural(errors, 'error')) : '',
      warnings ? c.yellow(plural(warnings, 'warning')) : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(c.underline(flow.file));
    lines.push(
      `  ${c.bold(flow.id)}: ${humanHeadline(flow)}; deepest menu ${flow.stats.maxDepth}; ${counts || c.green('no findings')}`,
    );
    if (flow.flow.imported)
      for (const line of importedLines(flow.flow.imported, verbose)) lines.push(c.dim(`  ${line}`));
    const width = Math.max(
      0,
      ...flow.findings.map((f) => `${flow.file}:${f.line}:${f.column}`.length),
    );
    for (const finding of flow.findings) {
      const where = `${flow.file}:${finding.line}:${finding.column}`.padEnd(width);
      const severity = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(where)}  ${severity}  ${finding.message}  ${c.dim(finding.rule)}`);
    }
    lines.push('');
  }
  const { summary } = report;
  const failed = summary.errors > 0 || summary.invalid > 0;
  const listedWarnings = report.flows.reduce(
    (sum, flow) => sum + flow.findings.filter((f) => f.severity === 'warning').length,
    0,
  );
  const parts = [
    `${plural(summary.flows, 'flow')} checked`,
    plural(summary.errors, 'error'),
    // --quiet lists errors only; the count still says what it left out.
    listedWarnings < summary.warnings
      ? `${plural(summary.warnings, 'warning')} not shown (--quiet)`
      : plural(summary.warnings, 'warning'),
  ];
  if (summary.invalid > 0) parts.push(`${plural(summary.invalid, 'file')} not valid`);
  lines.push(failed ? c.red(`✖ ${parts.join(', ')}`) : c.green(`✔ ${parts.join(', ')}`));
  return `${lines.join('\n')}\n`;
};
export default text;
