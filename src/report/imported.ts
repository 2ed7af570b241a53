/** What an import approximated, in the words `import` and `check` both print. */
import type { ImportNotes } from '../flow/types.js';
import { plural } from '../flow/words.js';

/** "imported from connect: 2 blocks approximated, 1 of a type phonemaze does not know", and with `verbose` each one. */
export function importedLines(notes: ImportNotes, verbose = false): string[] {
  const noted = notes.approximated.length + notes.unknown.length;
  const lines = [
    `imported from ${notes.format}: ${plural(notes.approximated.length, 'block')} approximated, ${plural(notes.unknown.length, 'block')} of a type phonemaze does not know${verbose || noted === 0 ? '' : ' (--verbose lists them)'}`,
  ];
  if (verbose)
    for (const note of [...notes.approximated, ...notes.unknown])
      lines.push(`  ${note.at.line}:${note.at.column}  ${note.block}: ${note.what}`);
  return lines;
}
