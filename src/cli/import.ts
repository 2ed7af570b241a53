/** `phonemaze import`: an export of another platform written as a phonemaze flow file. */
import { readFileText } from '../flow/load.js';
import { formatProblem } from '../flow/problems.js';
import { plural } from '../flow/words.js';
import type { ImportFormat } from '../import/document.js';
import { flowOfImport, importedYaml, importText } from '../import/read.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { writeWhole } from './write-whole.js';

export interface ImportCommandOptions {
  readonly output?: string;
  readonly from?: ImportFormat;
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
  io.stderr.write(`${importSummary(flow.flow.imported, flow.flow.nodes.size, options.verbose)}\n`);
  if (options.output) io.stderr.write(`wrote ${options.output}\n`);
  return ExitCode.ok;
}

/** "Imported from connect: 12 nodes; 2 blocks approximated (--verbose lists them)", and the list. */
export function importSummary(
  notes: import('../flow/types.js').ImportNotes | undefined,
  nodes: number,
  verbose = false,
): string {
  if (!notes) return '';
  const lines = [
    `imported from ${notes.format}: ${plural(nodes, 'node')}; ${plural(notes.approximated.length, 'block')} approximated, ${plural(notes.unknown.length, 'block')} of a type phonemaze does not know${verbose || notes.approximated.length + notes.unknown.length === 0 ? '' : ' (--verbose lists them)'}`,
  ];
  if (verbose)
    for (const note of [...notes.approximated, ...notes.unknown])
      lines.push(`  ${note.at.line}:${note.at.column}  ${note.block}: ${note.what}`);
  return lines.join('\n');
}
