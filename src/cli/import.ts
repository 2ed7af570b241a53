/** `phonemaze import`: an export of another platform written as a phonemaze flow file. */
import { readFileText } from '../flow/load.js';
import { formatProblem } from '../flow/problems.js';
import type { ImportFormat } from '../import/document.js';
import { flowOfImport, importedYaml, importText } from '../import/read.js';
import { importedLines } from '../report/imported.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { writeWhole } from './write-whole.js';

export interface ImportCommandOptions {
  readonly output?: string;
  readonly from?: ImportFormat;
  readonly entry?: string;
  readonly verbose?: boolean;
}

export async function importCommand(
  file: string,
  options: ImportCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const read = await readFileText(file);
  const imported = read.ok ? importText(read.text, file, options) : read;
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
