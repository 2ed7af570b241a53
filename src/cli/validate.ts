/** `phonemaze validate`: read every flow file and say whether it is valid. */
import { findFlowFiles } from '../flow/files.js';
import { readFlowFile } from '../flow/load.js';
import { formatProblem } from '../flow/problems.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';

export async function validateCommand(paths: readonly string[], io: CommandIO): Promise<ExitCode> {
  const found = await findFlowFiles(paths);
  let invalid = found.problems.length;
  for (const problem of found.problems) io.stderr.write(`${formatProblem(problem)}\n`);
  for (const file of found.files) {
    const result = await readFlowFile(file);
    if (result.ok) {
      io.stdout.write(`${file}: valid (${result.flow.id}, ${result.flow.nodes.size} nodes)\n`);
    } else {
      invalid += 1;
      for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    }
  }
  if (invalid > 0) {
    io.stderr.write(
      `\n${invalid} of ${found.files.length + found.problems.length} flow files are not valid.\n`,
    );
    return ExitCode.unusable;
  }
  return ExitCode.ok;
}
