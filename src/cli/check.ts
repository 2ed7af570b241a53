/** `phonemaze check`: check flows against the rules and limits, report, and fail CI on errors. */
import { checkPaths } from '../check-paths.js';
import { type FormatName, reporters } from '../report/index.js';
import { errorsOnly, type Report } from '../report/report.js';
import { type CheckFlags, checkSettings } from './check-settings.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { readingOf } from './reading.js';
import { interrupted, watchFlows } from './watch.js';
import { writeReport } from './write-whole.js';

export interface CheckCommandOptions extends CheckFlags {
  /** One of the reporters' names: commander holds it to the option's choices. */
  readonly format: FormatName;
  readonly output?: string;
  readonly verbose?: boolean;
  readonly watch?: boolean;
  readonly quiet?: boolean;
  /** A git commit, branch or tag to compare with: existing findings then do not fail the run. */
  readonly baseline?: string;
  /** How much worse than the baseline a change may be: `steps=0,seconds=5,findings=0`. */
  readonly budget?: string;
}

export function exitCodeOf(report: Report): ExitCode {
  if (report.summary.invalid > 0) return ExitCode.unusable;
  return report.summary.errors > 0 ? ExitCode.failed : ExitCode.ok;
}

export async function checkCommand(
  paths: readonly string[],
  options: CheckCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const reporter = reporters[options.format];
  const settings = await checkSettings(options, io);
  if (!settings) return ExitCode.unusable;
  const { limits, config } = settings;
  if (options.baseline !== undefined) {
    if (options.watch) {
      io.stderr.write('error: --watch and --baseline do not go together; use one.\n');
      return ExitCode.unusable;
    }
    const { checkAgainstBaseline } = await import('./check-baseline.js');
    return checkAgainstBaseline(options.baseline, paths, options, settings, io);
  }
  if (options.budget !== undefined) {
    io.stderr.write(
      'error: --budget needs --baseline REF: a budget is how much worse than the baseline a change may be.\n',
    );
    return ExitCode.unusable;
  }
  const color = colourWanted(io, options.output !== undefined);

  const runOnce = async (): Promise<ExitCode> => {
    const full = await checkPaths(paths, {
      limits,
      config,
      ...readingOf(options),
    });
    const report = options.quiet ? errorsOnly(full) : full;
    const text = reporter(report, { color, verbose: options.verbose === true });
    await writeReport(text, options.output, io);
    return exitCodeOf(full);
  };

  const code = await runOnce();
  if (!options.watch) return code;
  return watchAndRecheck(paths, io, runOnce);
}

/** Re-checks whenever a flow file is saved, made, renamed over or removed, until Ctrl+C. */
async function watchAndRecheck(
  paths: readonly string[],
  io: CommandIO,
  runOnce: () => Promise<ExitCode>,
): Promise<ExitCode> {
  let last: ExitCode = ExitCode.ok;
  let running = Promise.resolve();
  const watching = await watchFlows(paths, io, () => {
    running = running.then(async () => {
      io.stdout.write(`\n── ${new Date().toLocaleTimeString()} ──\n`);
      last = await runOnce();
    });
  });
  io.stderr.write(`\nwatching ${watching.description}; Ctrl+C to stop\n`);
  await interrupted();
  await watching.close();
  await running;
  return last;
}
