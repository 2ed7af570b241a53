import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A file the command was asked to write and could not; the command line is what to change. */
export class OutputError extends Error {}

const REASONS: Readonly<Record<string, (file: string) => string>> = {
  ENOENT: (file) => `the folder ${dirname(file)} does not exist; create it, or write elsewhere`,
  ENOTDIR: (file) => `${dirname(file)} is not a folder`,
  EACCES: (file) => `no permission to write in ${dirname(file)}`,
  EISDIR: (file) => `${file} is a folder; name a file`,
  EBUSY: (file) => `${file} is in use (or is a folder or mount point); name another file`,
  EROFS: (file) => `${dirname(file)} is on a read-only file system`,
};

/**
 * Writes the whole file or nothing: a report or recording must never be left half written.
 * Throws an OutputError that says in words why it could not.
 */
export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory())
    throw new OutputError(`cannot write ${file}: ${REASONS.EISDIR?.(file)}.`);
  try {
    await writeFile(temporary, text);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code]?.(file) ?? (error as Error).message;
    throw new OutputError(`cannot write ${file}: ${reason}.`);
  }
}

/** A report to its `--output` file (saying so on stderr), or to standard output. */
export async function writeReport(
  text: string,
  output: string | undefined,
  io: {
    readonly stdout: { write(text: string): unknown };
    readonly stderr: { write(text: string): unknown };
  },
): Promise<void> {
  if (output) {
    await writeWhole(output, text);
    io.stderr.write(`wrote ${output}\n`);
  } else {
    io.stdout.write(text);
  }
}
