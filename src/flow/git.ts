/**
 * Flow files as they are at a git commit, branch or tag, read through `git show` without a
 * checkout, so that `check --baseline origin/main` compares a working tree with its base.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FLOW_FILE_PATTERN } from './files.js';

const run = promisify(execFile);

export interface FileAtRef {
  /** The path as the command line names it (relative to the current folder, or as given). */
  readonly path: string;
  readonly text: string;
}

export interface FilesAtRef {
  readonly files: readonly FileAtRef[];
  /** Paths named that did not exist at the ref: new files, or new folders. */
  readonly missing: readonly string[];
}

/** Why the baseline could not be read, in words: not a repository, or no such ref. */
export class BaselineError extends Error {}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** Resolves the ref to a commit, or says what is wrong. */
export async function commitOf(ref: string, cwd: string): Promise<string> {
  try {
    await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    throw new BaselineError(
      `${cwd} is not in a git repository, so there is no baseline to compare with; run the check from a clone, or leave out --baseline.`,
    );
  }
  try {
    return (
      await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
    ).trim();
  } catch {
    throw new BaselineError(
      `\`${ref}\` names no commit, branch or tag in this repository. Check the name, or fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0).`,
    );
  }
}

/** The flow files under the paths as they were at the commit. */
export async function flowFilesAt(
  commit: string,
  paths: readonly string[],
  cwd: string,
): Promise<FilesAtRef> {
  const files: FileAtRef[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const listed = (await git(cwd, ['ls-tree', '-r', '--name-only', commit, '--', path]))
      .split('\n')
      .filter((line) => line !== '');
    const flows = listed.filter(
      (file) =>
        FLOW_FILE_PATTERN.test(file) &&
        !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules'),
    );
    if (listed.length === 0) {
      missing.push(path);
      continue;
    }
    for (const file of flows.sort()) {
      // `commit:./path` is read relative to the current folder, as the path was named.
      const text = await git(cwd, ['show', `${commit}:./${file}`]);
      files.push({ path: file, text });
    }
  }
  return { files, missing };
}
