/** Finding the flow files named on a command line: files as given, folders searched for them. */
import type { Dirent } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { type FlowProblem, fileProblem } from './problems.js';

export const FLOW_FILE_PATTERN = /\.(?:ya?ml|json)$/i;
/** Names an export may have that is not YAML or JSON: VoiceXML, FreeSWITCH XML, an Asterisk dialplan. */
const EXPORT_FILE_PATTERN = /\.(?:vxml|xml|conf)$/i;

export interface FindOptions {
  /**
   * Whether a file a folder holds with an export's name (`.vxml`, `.xml`, `.conf`) is one, by
   * the start of its text: a folder of configuration holds much that is not a menu.
   */
  readonly isExport?: (head: string) => boolean;
}

export interface FoundFlowFiles {
  readonly files: readonly string[];
  /**
   * Paths that do not exist, folders with no flow file in them, folders that cannot be read,
   * links that lead nowhere or round in a loop.
   */
  readonly problems: readonly FlowProblem[];
}

/** A document on a web server, named by its `http(s)://` URL, rather than a path on disk. */
export function isUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

export async function findFlowFiles(
  paths: readonly string[],
  options: FindOptions = {},
): Promise<FoundFlowFiles> {
  const files: string[] = [];
  const problems: FlowProblem[] = [];
  for (const path of paths) {
    // A document on a web server (a VoiceXML application) is read as it is named.
    if (isUrl(path)) {
      files.push(path);
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problems.push(fileProblem(path, 'There is no such file or folder.', 'Check the path.'));
    } else if (info.isDirectory()) {
      const search: FolderSearch = { files: [], problems: [], seen: new Set(), ...options };
      await searchFolder(path, search);
      if (search.files.length === 0 && search.problems.length === 0) {
        problems.push(
          fileProblem(
            path,
            'This folder holds no flow files.',
            options.isExport
              ? 'Flow files end in .yaml, .yml or .json; exports in .json, .vxml, .xml or .conf.'
              : 'Flow files end in .yaml, .yml or .json.',
          ),
        );
      }
      files.push(...search.files.sort());
      problems.push(...search.problems);
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], problems };
}

interface FolderSearch extends FindOptions {
  readonly files: string[];
  readonly problems: FlowProblem[];
  /** Real paths of the folders already searched, so a link back up does not loop. */
  readonly seen: Set<string>;
}

/** Searches a folder and its subfolders, following links as a shell would. */
async function searchFolder(folder: string, search: FolderSearch): Promise<void> {
  const real = await realpath(folder).catch(() => folder);
  // A folder reached twice through links is searched once.
  if (search.seen.has(real)) return;
  search.seen.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    search.problems.push(unreadableFolder(folder, error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (!target) {
        if (FLOW_FILE_PATTERN.test(entry.name) || !entry.name.includes('.')) {
          search.problems.push(
            fileProblem(
              path,
              'This link points to nothing (its target does not exist).',
              'Remove the link, or make it point to a flow file.',
            ),
          );
        }
      } else if (target.isDirectory()) {
        const into = await realpath(path).catch(() => path);
        const here = await realpath(folder).catch(() => folder);
        if (here === into || here.startsWith(`${into}${sep}`)) {
          search.problems.push(
            fileProblem(
              path,
              'This link leads back to a folder that holds it (a loop); it is skipped.',
              'Remove the link, or name the folder it points to instead.',
            ),
          );
        } else {
          await searchFolder(path, search);
        }
      } else if (target.isFile() && (await isMenuFile(path, search))) {
        search.files.push(path);
      }
    } else if (entry.isDirectory()) {
      await searchFolder(path, search);
    } else if (entry.isFile() && (await isMenuFile(path, search))) {
      search.files.push(path);
    }
  }
}

/** A flow file by its name, or an export by its name and its text. */
async function isMenuFile(path: string, search: FolderSearch): Promise<boolean> {
  if (FLOW_FILE_PATTERN.test(path)) return true;
  if (!search.isExport || !EXPORT_FILE_PATTERN.test(path)) return false;
  return search.isExport(await headOf(path));
}

/** What tells an export apart is at its start; a folder may hold large files that are not. */
const HEAD_BYTES = 64 * 1024;

async function headOf(path: string): Promise<string> {
  const file = await open(path, 'r').catch(() => undefined);
  if (!file) return '';
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    return head.toString('utf8', 0, bytesRead);
  } catch {
    return '';
  } finally {
    await file.close();
  }
}

function unreadableFolder(folder: string, error: unknown): FlowProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return fileProblem(
      folder,
      'This folder cannot be read (permission denied); the flows in it were not checked.',
      'Give yourself read permission on it (chmod u+rx), or leave it out of the paths.',
    );
  }
  return fileProblem(
    folder,
    `This folder cannot be read: ${(error as Error).message}.`,
    'Check the folder, or leave it out of the paths.',
  );
}
