/** Finding the flow files named on a command line: files as given, folders searched for them. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type FlowProblem, fileProblem } from './problems.js';

export const FLOW_FILE_PATTERN = /\.(?:ya?ml|json)$/i;

export interface FoundFlowFiles {
  readonly files: readonly string[];
  /** Paths that do not exist, or folders with no flow file in them. */
  readonly problems: readonly FlowProblem[];
}

export async function findFlowFiles(paths: readonly string[]): Promise<FoundFlowFiles> {
  const files: string[] = [];
  const problems: FlowProblem[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problems.push(fileProblem(path, 'There is no such file or folder.', 'Check the path.'));
    } else if (info.isDirectory()) {
      const found = await flowFilesIn(path);
      if (found.length === 0) {
        problems.push(
          fileProblem(
            path,
            'This folder holds no flow files.',
            'Flow files end in .yaml, .yml or .json.',
          ),
        );
      }
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], problems };
}

async function flowFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() && FLOW_FILE_PATTERN.test(entry.name) && !entry.name.startsWith('.'),
    )
    .map((entry) => join(entry.parentPath ?? folder, entry.name))
    .filter((file) => !file.split(/[\\/]/).includes('node_modules'))
    .sort();
}
