/**
 * `check --baseline REF`: the check as always, then against the same flows at REF. What was
 * already there is reported as existing and does not fail the run; what got worse beyond the
 * budget does.
 */
import { createColors } from 'picocolors';
import type { ProjectConfig } from '../analysis/config.js';
import type { Limits } from '../flow/types.js';
import { plural } from '../flow/words.js';
import { diffReporters } from '../report/diff/index.js';
import type { DiffReport } from '../report/diff/report.js';
import { reporters } from '../report/index.js';
import { buildReport, errorsOnly } from '../report/report.js';
import { VERSION } from '../version.js';
import { againstRef, budgetOf, diffReportOf } from './baseline.js';
import type { CheckCommandOptions } from './check.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { writeReport } from './write-whole.js';

export async function checkAgainstBaseline(
  ref: string,
  paths: readonly string[],
  options: CheckCommandOptions,
  settings: { readonly limits: Partial<Limits>; readonly config: ProjectConfig },
  io: CommandIO,
): Promise<ExitCode> {
  let budget: ReturnType<typeof budgetOf>;
  try {
    budget = budgetOf(settings.config, options.budget);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return ExitCode.unusable;
  }
  const sides = await againstRef(ref, paths, settings, io);
  if (!sides) return ExitCode.unusable;
  const diff = diffReportOf(sides, ref, 'the working tree', budget);
  const full = buildReport(sides.after.flows, sides.after.invalid, VERSION);
  const report = options.quiet ? errorsOnly(full) : full;
  const color = colourWanted(io, options.output !== undefined);
  const text = (() => {
    switch (options.format) {
      case 'github':
        return diffReporters.github(diff, { color });
      case 'json':
        return `${JSON.stringify(
          {
            ...JSON.parse(reporters.json(report, { color })),
            baseline: JSON.parse(diffReporters.json(diff, { color })),
          },
          null,
          2,
        )}\n`;
      case 'markdown':
        return `${reporters.markdown(report, { color })}\n${diffReporters.markdown(diff, { color })}`;
      case 'text':
        return `${reporters.text(report, { color })}\n${baselineInWords(diff, color)}`;
      default:
        return reporters[options.format](report, { color });
    }
  })();
  await writeReport(text, options.output, io);
  if (full.summary.invalid > 0) return ExitCode.unusable;
  return diff.overruns.length > 0 ? ExitCode.failed : ExitCode.ok;
}

/** The check's findings sorted against the baseline, and the budget's verdict. */
function baselineInWords(diff: DiffReport, color: boolean): string {
  const c = createColors(color);
  const flows = diff.comparison.flows;
  const brought = [
    ...flows.flatMap((flow) => flow.added.map((finding) => ({ file: flow.after.file, finding }))),
    ...diff.comparison.added.flatMap((checked) =>
      checked.findings.map((finding) => ({ file: checked.file, finding })),
    ),
  ];
  const existing = flows.reduce((sum, flow) => sum + flow.existing.length, 0);
  const fixed = flows.reduce((sum, flow) => sum + flow.removed.length, 0);
  const lines = [
    c.bold(`Against ${diff.before}:`),
    ...brought.map(
      ({ file, finding }) =>
        `  ${c.red('new')}       ${file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${c.dim(finding.rule)}`,
    ),
    `  ${plural(brought.length, 'new finding')}, ${existing} there before (existing: they do not fail this run), ${fixed} fixed`,
    ...diff.overruns.map((overrun) =>
      c.red(`  ✖ ${overrun.flow ? `${overrun.flow}: ` : ''}${overrun.message}`),
    ),
  ];
  lines.push(
    diff.overruns.length > 0
      ? c.red(`✖ worse than ${diff.before} beyond the budget`)
      : c.green(`✔ nothing worse than ${diff.before} beyond the budget`),
  );
  return `${lines.join('\n')}\n`;
}
