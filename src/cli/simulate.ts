/** `phonemaze simulate`: many simulated callers on a flow, and what became of them. */
import { Presets, SingleBar } from 'cli-progress';
import { resolveConditions } from '../flow/conditions.js';
import { formatProblem } from '../flow/problems.js';
import type { CallerProfile, Flow } from '../flow/types.js';
import { readMenuFile } from '../import/read.js';
import { readProfiles } from '../simulate/profiles.js';
import { type ProfileResult, simulate } from '../simulate/simulate.js';
import { simulateInWorkers, WORKERS_PAY_FROM, workersThatPay } from '../simulate/workers.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { type ReadingOptionValues, readingOf } from './reading.js';
import { parseSet } from './set-values.js';

export interface SimulateCommandOptions extends ReadingOptionValues {
  readonly callers: number;
  readonly seed?: number;
  readonly format: 'text' | 'json';
  readonly profiles?: string;
  readonly set?: readonly string[];
  readonly workers?: number;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`.padStart(6);

function histogram(result: ProfileResult, width = 40): string[] {
  const most = Math.max(1, ...result.histogram);
  return result.histogram.flatMap((count, steps) =>
    count === 0
      ? []
      : [
          `    ${String(steps).padStart(3)} ${steps === 1 ? 'step ' : 'steps'} ${'█'.repeat(Math.max(1, Math.round((count / most) * width)))} ${count}`,
        ],
  );
}

export async function simulateCommand(
  file: string,
  options: SimulateCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const read = await readMenuFile(file, readingOf(options));
  if (!read.ok) {
    for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  const flow = read.flow;
  let profiles: CallerProfile[] | undefined;
  if (options.profiles) {
    const read = await readProfiles(options.profiles, flow);
    if (!read.ok) {
      for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      return ExitCode.unusable;
    }
    profiles = read.profiles;
  }
  let conditions: Record<string, string> | undefined;
  try {
    if (options.set?.length) {
      conditions = parseSet(options.set);
      resolveConditions(flow, conditions);
    }
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return ExitCode.unusable;
  }
  const settings = {
    callers: options.callers,
    seed: options.seed ?? 1,
    ...(profiles ? { profiles } : {}),
    ...(conditions ? { conditions } : {}),
  };
  const asked = options.workers ?? 1;
  const workers = workersThatPay(options.callers, asked);
  if (workers !== asked) {
    io.stderr.write(
      workers === 1
        ? `note: --workers ${asked}: simulating on one thread; below ${WORKERS_PAY_FROM.toLocaleString('en')} callers, worker threads cost more than they save (npm run bench measures it).\n`
        : `note: --workers ${asked}: this machine has ${workers} cores; simulating on ${workers} threads.\n`,
    );
  }
  // A progress bar only where a person watches a long run.
  const bar =
    io.stderr.isTTY && options.callers >= 50_000 && workers === 1
      ? new SingleBar(
          {
            format: 'simulating [{bar}] {percentage}% {value}/{total} callers',
            stream: io.stderr as NodeJS.WriteStream,
            clearOnComplete: true,
          },
          Presets.shades_classic,
        )
      : undefined;
  bar?.start(options.callers, 0);
  const onProgress = bar ? (done: number) => bar.update(done) : undefined;
  const results =
    workers > 1
      ? await simulateInWorkers(file, flow, settings, workers, readingOf(options))
      : simulate(flow, { ...settings, ...(onProgress ? { onProgress } : {}) }).results;
  bar?.stop();
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ flow: flow.id, callers: options.callers, seed: options.seed ?? 1, workers, profiles: results }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  const out = [
    `${flow.title ?? flow.id}: ${options.callers} simulated callers (seed ${options.seed ?? 1})`,
    conditionsInWords(flow, conditions ?? {}),
    '',
  ].filter((line, index) => index !== 1 || line !== '');
  for (const result of results) {
    out.push(`${result.profile} (${result.callers} callers)`);
    out.push(
      `  reached their goal ${percent(result.share.goal)}   ended: with a human ${percent(result.share.human)}   abandoned ${percent(result.share.abandoned)}   disconnected ${percent(result.share.disconnected)}   elsewhere ${percent(result.share.ended)}`,
    );
    out.push(
      `  steps: median ${result.steps.median}, 90% within ${result.steps.p90}   seconds in the menus: median ${result.seconds.median}, 90% within ${result.seconds.p90}`,
    );
    out.push(...histogram(result), '');
  }
  io.stdout.write(`${out.join('\n')}`);
  return ExitCode.ok;
}

/** How the callers' condition values were chosen, for the header. */
function conditionsInWords(flow: Flow, given: Readonly<Record<string, string>>): string {
  const names = Object.keys(flow.conditions);
  if (names.length === 0) return '';
  const set = names.filter((name) => name in given).map((name) => `${name}=${given[name]}`);
  const drawn = names.filter((name) => !(name in given));
  const parts = [
    ...(set.length > 0 ? [`given: ${set.join(', ')}`] : []),
    ...(drawn.length > 0
      ? [
          `drawn at random for each caller, every value equally likely: ${drawn.map((name) => `${name} (${flow.conditions[name]?.join(', ')})`).join(', ')}; --set fixes one`,
        ]
      : []),
  ];
  return `conditions ${parts.join('; ')}`;
}
