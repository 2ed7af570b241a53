/** `phonemaze simulate`: many simulated callers on a flow, and what became of them. */
import { readFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { parse } from 'yaml';
import * as z from 'zod';
import { readFlowFile } from '../flow/load.js';
import { formatProblem } from '../flow/problems.js';
import { callerProfileSchema } from '../flow/schema.js';
import type { CallerProfile } from '../flow/types.js';
import { resolveConditions } from '../machine/conditions.js';
import { type ProfileResult, simulate } from '../simulate/simulate.js';
import { simulateInWorkers } from '../simulate/workers.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';

const profilesSchema = z.array(callerProfileSchema).min(1);

export interface SimulateCommandOptions {
  readonly callers: number;
  readonly seed?: number;
  readonly format: string;
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
          `    ${String(steps).padStart(3)} steps ${'█'.repeat(Math.max(1, Math.round((count / most) * width)))} ${count}`,
        ],
  );
}

export async function simulateCommand(
  file: string,
  options: SimulateCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  if (options.format !== 'text' && options.format !== 'json') {
    io.stderr.write(`error: --format takes text or json, not "${options.format}".\n`);
    return ExitCode.unusable;
  }
  const read = await readFlowFile(file);
  if (!read.ok) {
    for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  let profiles: CallerProfile[] | undefined;
  let conditions: Record<string, string> | undefined;
  try {
    if (options.profiles) {
      const parsed = profilesSchema.safeParse(parse(await readFile(options.profiles, 'utf8')));
      if (!parsed.success)
        throw new Error(
          `${options.profiles}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      profiles = parsed.data;
    }
    if (options.set?.length) {
      conditions = resolveConditions(
        read.flow,
        Object.fromEntries(options.set.map((s) => s.split('=', 2) as [string, string])),
      );
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
  const workers = options.workers ?? 1;
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
      ? await simulateInWorkers(file, read.flow, settings, workers)
      : simulate(read.flow, { ...settings, ...(onProgress ? { onProgress } : {}) }).results;
  bar?.stop();
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ flow: read.flow.id, callers: options.callers, seed: options.seed ?? 1, workers, profiles: results }, null, 2)}\n`,
    );
    return ExitCode.ok;
  }
  const out = [
    `${read.flow.title ?? read.flow.id}: ${options.callers} simulated callers (seed ${options.seed ?? 1})`,
    '',
  ];
  for (const result of results) {
    out.push(`${result.profile} (${result.callers} callers)`);
    out.push(
      `  reached their goal ${percent(result.share.goal)}   a human ${percent(result.share.human + result.share.goal)}   abandoned ${percent(result.share.abandoned)}   disconnected ${percent(result.share.disconnected)}   other end ${percent(result.share.ended)}`,
    );
    out.push(
      `  steps: median ${result.steps.median}, 90% within ${result.steps.p90}   seconds in the menus: median ${result.seconds.median}, 90% within ${result.seconds.p90}`,
    );
    out.push(...histogram(result), '');
  }
  io.stdout.write(`${out.join('\n')}`);
  return ExitCode.ok;
}
