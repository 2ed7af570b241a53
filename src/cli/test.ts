/** `phonemaze test`: run the `expect` entries of flow files, as a test runner does. */
import { testRunJunit } from '../report/test-junit.js';
import { testRunText } from '../report/test-text.js';
import { testPaths } from '../testing/run.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, colourWanted } from './io.js';
import { writeWhole } from './write-whole.js';

export interface TestCommandOptions {
  /** Held to the option's choices by commander. */
  readonly reporter: 'text' | 'junit';
  readonly output?: string;
  readonly minCoverage?: number;
}

export async function testCommand(
  paths: readonly string[],
  options: TestCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const run = await testPaths(paths);
  const color = colourWanted(io, options.output !== undefined);
  const text = options.reporter === 'junit' ? testRunJunit(run) : testRunText(run, { color });
  if (options.output) {
    await writeWhole(options.output, text);
    io.stderr.write(`wrote ${options.output}\n`);
    if (options.reporter === 'junit')
      io.stderr.write(testRunText(run, { color: false }).split('\n').at(-2) ?? '');
  } else {
    io.stdout.write(text);
  }
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
