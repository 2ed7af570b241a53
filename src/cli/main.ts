/**
 * The `phonemaze` command: a thin shell that maps the command line onto the commands' functions.
 * It returns the exit code; only `bin/phonemaze.js` sets `process.exitCode`.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands.js';
import { ExitCode } from './exit-codes.js';
import { type CommandIO, processIO } from './io.js';
import { OPTIONS, type OptionSpec } from './options.js';
import { OutputError } from './write-whole.js';

function httpUrl(value: string): string {
  if (/^https?:\/\//i.test(value) && URL.canParse(value)) return value;
  throw new InvalidArgumentError(
    `expected an http(s) URL such as https://ivr.example.com/app/, got "${value}".`,
  );
}

function optionFor(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.minimum !== undefined) {
    const minimum = spec.minimum;
    const maximum = spec.maximum ?? Number.POSITIVE_INFINITY;
    const kind = spec.whole ? 'a whole number' : 'a number';
    const range = Number.isFinite(maximum)
      ? `from ${minimum} to ${maximum}`
      : `of at least ${minimum}`;
    option.argParser((value: string) => {
      const number = Number(value);
      if (
        value.trim() === '' ||
        !Number.isFinite(number) ||
        number < minimum ||
        number > maximum ||
        (spec.whole && !Number.isInteger(number))
      ) {
        throw new InvalidArgumentError(`expected ${kind} ${range}, got "${value}".`);
      }
      return number;
    });
  }
  if (spec.repeatable) {
    option.argParser((value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      spec.url ? httpUrl(value) : value,
    ]);
  }
  return option;
}

export function buildProgram(io: CommandIO, finish: (code: ExitCode) => void): Command {
  const program = new Command('phonemaze')
    .description('Simulate phone menus (IVRs) and test how usable they are.')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.description)
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      });
    if (spec.arguments)
      command.argument(
        spec.arguments.syntax,
        spec.arguments.description,
        spec.arguments.defaultValue,
      );
    for (const name of spec.options) command.addOption(optionFor(OPTIONS[name]));
    if (spec.examples)
      command.addHelpText(
        'after',
        `\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}\n`,
      );
    command.action(async (...args: unknown[]) => {
      // The one place commander's untyped values meet the table's types: commander parsed them
      // by that same table (choices, numbers, repeatable), so they are what it declares.
      const options = command.opts() as Parameters<typeof spec.run>[1];
      finish(await spec.run(args[0] as never, options, io));
    });
  }
  program.addHelpText(
    'after',
    "\nExit codes: 0 nothing failed, 1 a check or test failed, 2 a flow file or the command line is unusable.\nRun `phonemaze <command> --help` for a command's options.\n",
  );
  return program;
}

/** Runs the command line; resolves to the exit code. Never exits the process. */
export async function run(argv: readonly string[], io: CommandIO = processIO()): Promise<ExitCode> {
  let code: ExitCode = ExitCode.ok;
  const program = buildProgram(io, (finished) => {
    code = finished;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.unusable;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.help', 'commander.version'];
      return helpOrVersion.includes(error.code) ? ExitCode.ok : ExitCode.unusable;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCode.unusable;
    }
    throw error;
  }
  return code;
}
