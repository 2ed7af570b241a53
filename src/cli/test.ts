/** `phonemaze test`: run the `expect` entries of flow files, as a test runner does; or hold a running app to a flow. */

import { ConditionError } from '../flow/conditions.js';
import { formatProblem } from '../flow/problems.js';
import { readMenuFile } from '../import/read.js';
import { testAgainst } from '../live/against.js';
import { LiveAppError } from '../live/app.js';
import { RequestBudgetSpent } from '../live/provider.js';
import { againstJunit, againstText } from '../report/against.js';
import { testRunJunit } from '../report/test-junit.js';
import { testRunText } from '../report/test-text.js';
import { testPaths } from '../testing/run.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { type LiveOptionValues, liveSettings, transfersOf } from './live-app.js';
import { type ReadingOptionValues, readingOf } from './reading.js';
import { PairError, parseSet } from './set-values.js';
import { writeWhole } from './write-whole.js';

export interface TestCommandOptions extends LiveOptionValues, ReadingOptionValues {
  /** Held to the option's choices by commander. */
  readonly reporter: 'text' | 'junit';
  readonly output?: string;
  readonly minCoverage?: number;
  readonly against?: string;
  readonly set?: readonly string[];
  readonly parallel?: number;
}

export async function testCommand(
  paths: readonly string[],
  options: TestCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  if (options.against !== undefined) return againstCommand(paths, options, io);
  const run = await testPaths(paths, readingOf(options));
  const color = colourWanted(io, options.output !== undefined);
  const text = options.reporter === 'junit' ? testRunJunit(run) : testRunText(run, { color });
  await emit(text, options, io, () => testRunText(run, { color: false }).split('\n').at(-2) ?? '');
  if (run.invalid.length > 0) return ExitCode.unusable;
  const below =
    options.minCoverage === undefined
      ? []
      : run.flows.filter((flow) => flow.coverage.percent < (options.minCoverage as number));
  for (const flow of below) {
    io.stderr.write(
      `${flow.file}: coverage ${flow.coverage.percent}% is below --min-coverage ${options.minCoverage}%\n`,
    );
  }
  return run.failed > 0 || below.length > 0 ? ExitCode.failed : ExitCode.ok;
}

async function emit(
  text: string,
  options: TestCommandOptions,
  io: CommandIO,
  summary: () => string,
): Promise<void> {
  if (options.output) {
    await writeWhole(options.output, text);
    io.stderr.write(`wrote ${options.output}\n`);
    if (options.reporter === 'junit') io.stderr.write(`${summary()}\n`);
  } else {
    io.stdout.write(text);
  }
}

/** `test FLOW --against URL`: the flow's paths driven against the running app. */
async function againstCommand(
  paths: readonly string[],
  options: TestCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const url = options.against as string;
  if (paths.length !== 1 || paths[0] === undefined) {
    io.stderr.write(
      `error: --against tests one flow file against the app; give one, such as phonemaze test flows/ivr.yaml --against ${url}\n`,
    );
    return ExitCode.unusable;
  }
  const file = paths[0];
  const read = await readMenuFile(file, readingOf(options));
  if (!read.ok) {
    for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  const flow = read.flow;
  const transfers = await transfersOf(options, io);
  if (!transfers) return ExitCode.unusable;
  try {
    const set = parseSet(options.set ?? []);
    const unset = Object.keys(flow.conditions).filter((name) => !(name in set));
    if (unset.length > 0) {
      io.stderr.write(
        `error: ${file} reads ${unset.join(', ')}, which the app decides for itself; say what the app has now with --set, such as --set ${unset[0]}=${flow.conditions[unset[0] as string]?.[0]}.\n`,
      );
      return ExitCode.unusable;
    }
    const result = await testAgainst(flow, liveSettings(url, options), {
      ...(Object.keys(flow.conditions).length > 0 ? { conditions: set } : {}),
      ...(options.parallel ? { parallel: options.parallel } : {}),
      transfers,
    });
    const report = { file, flowId: flow.id, url, result };
    const color = colourWanted(io, options.output !== undefined);
    const text =
      options.reporter === 'junit' ? againstJunit(report) : againstText(report, { color });
    await emit(text, options, io, () => `${result.passed} passed, ${result.failed} failed`);
    return result.failed > 0 ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    if (
      error instanceof LiveAppError ||
      error instanceof PairError ||
      error instanceof RequestBudgetSpent
    ) {
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCode.unusable;
    }
    if (error instanceof ConditionError) {
      io.stderr.write(`error: ${(error as Error).message}\n`);
      return ExitCode.unusable;
    }
    throw error;
  }
}
