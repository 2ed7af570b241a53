/** `phonemaze paths`: print generated paths through a flow as ready-to-paste `expect` entries. */

import { formatProblem } from '../flow/problems.js';
import { readMenuFile } from '../import/read.js';
import { generatePaths, pathsAsYaml } from '../testing/paths.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { type ReadingOptionValues, readingOf } from './reading.js';

export async function pathsCommand(
  file: string,
  /** Held to the option's choices by commander. */
  options: ReadingOptionValues & { readonly to: 'nodes' | 'human' },
  io: CommandIO,
): Promise<ExitCode> {
  const read = await readMenuFile(file, readingOf(options));
  if (!read.ok) {
    for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  const paths = generatePaths(read.flow, options.to);
  io.stdout.write(
    `# ${paths.length} generated paths through ${read.flow.id}; paste them under \`expect:\`\n`,
  );
  io.stdout.write(pathsAsYaml(paths));
  return ExitCode.ok;
}
