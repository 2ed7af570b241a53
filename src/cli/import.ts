/** `phonemaze import`: an export of another platform written as a phonemaze flow file. */
import { formatProblem } from '../flow/problems.js';
import {
  flowOfImport,
  importedYaml,
  importText,
  readingFor,
  readMenuText,
} from '../import/read.js';
import { importedLines } from '../report/imported.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { type ReadingOptionValues, readingOf } from './reading.js';
import { writeWhole } from './write-whole.js';

export interface ImportCommandOptions extends ReadingOptionValues {
  readonly output?: string;
  readonly verbose?: boolean;
}

export async function importCommand(
  file: string,
  options: ImportCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const reading = readingOf(options);
  const read = await readMenuText(file, reading);
  const imported = read.ok
    ? importText(read.text, file, await readingFor(read.text, file, reading))
    : read;
  if (!imported.ok) {
    for (const problem of imported.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  const flow = flowOfImport(imported.imported, file);
  if (!flow.ok) {
    for (const problem of flow.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return ExitCode.unusable;
  }
  const text = importedYaml(imported.imported, file);
  if (options.output) await writeWhole(options.output, text);
  else io.stdout.write(text);
  const notes = flow.flow.imported;
  if (notes) io.stderr.write(`${importedLines(notes, options.verbose).join('\n')}\n`);
  if (options.output) io.stderr.write(`wrote ${options.output}\n`);
  return ExitCode.ok;
}
