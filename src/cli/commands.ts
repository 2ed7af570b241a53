/** The commands of `phonemaze`: each a name, its help and the function that runs it. */
import type { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import type { OptionName } from './options.js';
import { validateCommand } from './validate.js';

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly arguments?: {
    readonly syntax: string;
    readonly description: string;
    readonly defaultValue?: unknown;
  };
  readonly options: readonly OptionName[];
  readonly examples?: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: commander hands options over untyped
  readonly run: (argument: any, options: Record<string, any>, io: CommandIO) => Promise<ExitCode>;
}

const FLOW_PATHS = {
  syntax: '[paths...]',
  description: 'flow files, or folders to search for *.yaml, *.yml and *.json',
  defaultValue: ['flows'],
};

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check that flow files follow the flow format',
    description:
      'Read each flow file and report every problem in it with its file, line and column.\nExits 2 when a file is not valid.',
    arguments: FLOW_PATHS,
    options: [],
    examples: ['phonemaze validate flows/', 'phonemaze validate flows/acme-support.yaml'],
    run: (paths: string[], _options, io) => validateCommand(paths, io),
  },
];
