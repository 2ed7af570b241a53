/** `phonemaze check`: check flows against the rules and limits, report, and fail CI on errors. */
import { existsSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import chokidar from 'chokidar';
import { checkPaths } from '../check-paths.js';
import { FLOW_FILE_PATTERN, findFlowFiles } from '../flow/files.js';
import { type FormatName, reporters } from '../report/index.js';
import { errorsOnly, plural, type Report } from '../report/report.js';
import { type CheckFlags, checkSettings } from './check-settings.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { writeReport } from './write-whole.js';

export interface CheckCommandOptions extends CheckFlags {
  /** One of the reporters' names: commander holds it to the option's choices. */
  readonly format: FormatName;
  readonly output?: string;
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
    const full = await checkPaths(paths, { limits, config });
    const report = options.quiet ? errorsOnly(full) : full;
    const text = reporter(report, { color });
    await writeReport(text, options.output, io);
    return exitCodeOf(full);
  };

  const code = await runOnce();
  if (!options.watch) return code;
  return watchAndRecheck(paths, io, runOnce);
}

/**
 * Re-checks whenever a flow file is saved, made, renamed over or removed, until Ctrl+C. chokidar
 * watches by path, so a save that writes a temporary file and renames it over the flow (most
 * editors, `sed -i`) and a file deleted and made again are both seen, and a path that does not
 * exist yet is watched for.
 */
async function watchAndRecheck(
  paths: readonly string[],
  io: CommandIO,
  runOnce: () => Promise<ExitCode>,
): Promise<ExitCode> {
  const { files } = await findFlowFiles(paths);
  const whole = paths.filter((path) => existsSync(path)).map((path) => resolve(path));
  const missing = paths.filter((path) => !existsSync(path));
  // A path that does not exist yet is watched through its folder: chokidar says it is ready
  // before it watches that folder itself, and a file made in between would be missed.
  const awaited = new Set(missing.map((path) => resolve(path)));
  const folders = [...new Set([...awaited].map((path) => dirname(path)))].filter(existsSync);
  // chokidar watches a file through its folder, and asks about that folder too.
  const holding = new Set([...whole, ...folders].map((path) => dirname(path)));
  const within = (path: string) =>
    holding.has(path) || whole.some((root) => path === root || path.startsWith(`${root}${sep}`));
  const flowFiles = plural(files.length, 'flow file');
  const waiting = missing.length > 0 ? ` and for ${missing.join(', ')} to appear` : '';
  let last: ExitCode = ExitCode.ok;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rerun = (path: string) => {
    if (!FLOW_FILE_PATTERN.test(path)) return;
    // Editors save in bursts (write, rename, touch); check once the burst is over.
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stdout.write(`\n── ${new Date().toLocaleTimeString()} ──\n`);
        last = await runOnce();
      });
    }, 100);
  };
  // Hidden files and node_modules below a watched folder are not flows (the folder's own path
  // may be anywhere, a hidden folder included).
  const skipped = (path: string) => {
    const root = [...whole, ...folders].find((top) => path.startsWith(`${top}${sep}`));
    return root !== undefined && /(^|[\\/])(\.[^\\/.]|node_modules)/.test(path.slice(root.length));
  };
  const watcher = chokidar.watch([...whole, ...folders], {
    ignoreInitial: true,
    ignored: (path) =>
      skipped(path) || !(within(path) || awaited.has(path) || folders.includes(path)),
  });
  watcher.on('all', (_event, path) => rerun(path));
  watcher.on('error', (error) => io.stderr.write(`watching: ${(error as Error).message}\n`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  io.stderr.write(`\nwatching ${flowFiles}${waiting}; Ctrl+C to stop\n`);
  return new Promise<ExitCode>((resolve) => {
    process.once('SIGINT', () => {
      clearTimeout(timer);
      void watcher.close().then(() => running.then(() => resolve(last)));
    });
  });
}
