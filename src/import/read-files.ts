/**
 * Finding and reading the flow files named on a command line, once for every command: each file
 * read and validated in order, and everything that could not be, collected with its problems.
 */
import { findFlowFiles } from '../flow/files.js';
import type { FileText, FlowResult } from '../flow/load.js';
import type { InvalidFlow } from '../flow/problems.js';
import type { Flow } from '../flow/types.js';
import { importIdsApart } from './names.js';
import {
  exportsByName,
  isMenuExport,
  parseMenu,
  type ReadMenuOptions,
  readingFor,
  readMenuText,
} from './read.js';

export interface ReadFlows {
  readonly flows: readonly { readonly file: string; readonly flow: Flow }[];
  /** Paths that were missing or unreadable, and files that are not valid flows. */
  readonly invalid: readonly InvalidFlow[];
  /** How many flow files were found (valid or not). */
  readonly found: number;
}

/**
 * Reads every flow file and export under the paths; `onRead` hears of each file as it is read.
 */
export async function readFlowFiles(
  paths: readonly string[],
  onRead?: (file: string, result: FlowResult) => void,
  options: ReadMenuOptions = {},
): Promise<ReadFlows> {
  const found = await findFlowFiles(paths, {
    isExport: (text) => isMenuExport(text, options.from),
  });
  const invalid: InvalidFlow[] = found.problems.map((problem) => ({
    file: problem.file,
    problems: [problem],
  }));
  const flows: { file: string; flow: Flow }[] = [];
  const texts = await Promise.all(found.files.map((file) => readMenuText(file, options)));
  // Exports given together may transfer to each other: each is told of the others by name.
  const others = exportsByName(
    found.files.flatMap((file, i) => {
      const read = texts[i];
      return read?.ok ? [{ file, text: read.text }] : [];
    }),
    options,
  );
  for (const [i, file] of found.files.entries()) {
    const read = texts[i] as FileText;
    const result = read.ok
      ? parseMenu(read.text, file, await readingFor(read.text, file, { ...options, others }))
      : read;
    onRead?.(file, result);
    if (result.ok) flows.push({ file, flow: result.flow });
    else invalid.push({ file, problems: result.problems });
  }
  return { flows: importIdsApart(flows), invalid, found: found.files.length };
}
