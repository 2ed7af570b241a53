/** `phonemaze validate`: read every flow file and say whether it is valid. */

import { formatProblem } from '../flow/problems.js';
import { readFlowFiles } from '../import/read-files.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { type ReadingOptionValues, readingOf } from './reading.js';

export async function validateCommand(
  paths: readonly string[],
  options: ReadingOptionValues,
  io: CommandIO,
): Promise<ExitCode> {
  const filesRead = new Set<string>();
  const read = await readFlowFiles(
    paths,
    (file, result) => {
      filesRead.add(file);
      if (result.ok) {
        io.stdout.write(`${file}: valid (${result.flow.id}, ${result.flow.nodes.size} nodes)\n`);
      } else {
        for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      }
    },
    readingOf(options),
  );
  // Paths missing, folders unreadable or empty: told after the files that were read.
  const pathProblems = read.invalid.filter((invalid) => !filesRead.has(invalid.file));
  for (const invalid of pathProblems) {
    for (const problem of invalid.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  }
  if (read.invalid.length === 0) return ExitCode.ok;
  io.stderr.write(
    `\n${read.invalid.length} of ${read.found + pathProblems.length} flow files are not valid.\n`,
  );
  return ExitCode.unusable;
}
