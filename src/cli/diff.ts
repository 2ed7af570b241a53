/** `phonemaze diff`: what a change does to callers, flow by flow. */
import { existsSync } from 'node:fs';
import { type DiffFormatName, diffReporters } from '../report/diff/index.js';
import { againstRef, betweenPaths, budgetOf, diffReportOf } from './baseline.js';
import { type CheckFlags, checkSettings } from './check-settings.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { writeReport } from './write-whole.js';

export interface DiffCommandOptions extends CheckFlags {
  readonly format: DiffFormatName;
  readonly output?: string;
  readonly baseline?: string;
  readonly budget?: string;
}

export async function diffCommand(
  paths: readonly string[],
  options: DiffCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const settings = await checkSettings(options, io);
  if (!settings) return ExitCode.unusable;
  let budget: ReturnType<typeof budgetOf> | undefined;
  try {
    budget = options.budget === undefined ? undefined : budgetOf(settings.config, options.budget);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return ExitCode.unusable;
  }
  const checking = { limits: settings.limits, config: settings.config };
  let report: ReturnType<typeof diffReportOf>;
  if (options.baseline !== undefined) {
    const named = paths.length > 0 ? paths : ['flows'];
    const sides = await againstRef(options.baseline, named, checking, io);
    if (!sides) return ExitCode.unusable;
    report = diffReportOf(sides, options.baseline, 'the working tree', budget);
  } else {
    if (paths.length !== 2) {
      io.stderr.write(
        `error: diff takes two paths, the old and the new (files or folders), or --baseline REF; got ${paths.length}.\n`,
      );
      return ExitCode.unusable;
    }
    const [old, now] = paths as [string, string];
    // Without one side there is nothing to compare: every flow would look added or removed.
    const gone = paths.filter((path) => !existsSync(path));
    if (gone.length > 0) {
      io.stderr.write(
        `error: ${gone.join(' and ')}: no such file or folder; diff compares two that exist.\n`,
      );
      return ExitCode.unusable;
    }
    report = diffReportOf(await betweenPaths(old, now, checking), old, now, budget);
  }
  const text = diffReporters[options.format](report, {
    color: colourWanted(io, options.output !== undefined),
  });
  await writeReport(text, options.output, io);
  if (report.invalid.length > 0) return ExitCode.unusable;
  return report.overruns.length > 0 ? ExitCode.failed : ExitCode.ok;
}
