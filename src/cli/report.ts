/** `phonemaze report`: one HTML page with a picture of each flow. */
import { checkPaths } from '../check-paths.js';
import { formatProblem } from '../flow/problems.js';
import { type FlowSimulation, htmlPage } from '../report/html/page.js';
import { plural, type Report } from '../report/report.js';
import { simulate } from '../simulate/simulate.js';
import { type CheckFlags, checkSettings } from './check-settings.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { readingOf } from './reading.js';
import { writeWhole } from './write-whole.js';

export interface ReportCommandOptions extends CheckFlags {
  readonly output: string;
  readonly simulate?: number;
  readonly seed?: number;
  /** Serve the page on this machine and make it again each time a flow is saved. */
  readonly watch?: boolean;
  readonly port?: number;
}

export async function reportCommand(
  paths: readonly string[],
  options: ReportCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const settings = await checkSettings(options, io);
  if (!settings) return ExitCode.unusable;
  const made = () => makePage(paths, options, settings);
  if (options.watch) {
    const { serveReport } = await import('./report-watch.js');
    return serveReport(paths, options.port ?? DEFAULT_PORT, async () => (await made()).page, io);
  }
  const { report, page } = await made();
  for (const invalid of report.invalid) {
    for (const problem of invalid.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  }
  if (report.flows.length === 0) {
    // A page of nothing but problems helps nobody; the problems are above.
    io.stderr.write(`error: no valid flow in ${paths.join(', ')}; wrote no page.\n`);
    return ExitCode.unusable;
  }
  await writeWhole(options.output, page);
  io.stderr.write(
    `wrote ${options.output}: ${plural(report.flows.length, 'flow')}, ${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}\n`,
  );
  return report.invalid.length > 0 ? ExitCode.unusable : ExitCode.ok;
}

/** `report --watch` serves here unless `--port` says otherwise. */
export const DEFAULT_PORT = 4400;

/** The page of the flows under the paths, checked and simulated as the options say. */
async function makePage(
  paths: readonly string[],
  options: ReportCommandOptions,
  settings: NonNullable<Awaited<ReturnType<typeof checkSettings>>>,
): Promise<{ report: Report; page: string }> {
  const report = await checkPaths(paths, {
    ...settings,
    ...readingOf(options),
  });
  const simulations = new Map<string, FlowSimulation>();
  if (options.simulate !== undefined) {
    const callers = options.simulate;
    for (const { file, flow } of report.flows) {
      const { results } = simulate(flow, { callers, seed: options.seed ?? 1 });
      simulations.set(file, { callers, results });
    }
  }
  return { report, page: htmlPage(report, { simulations, liveReload: options.watch === true }) };
}
