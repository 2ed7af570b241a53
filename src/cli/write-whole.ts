import { rename, writeFile } from 'node:fs/promises';

/** Writes the whole file or nothing: a report or recording must never be left half written. */
export async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
