/** One format's import fixtures, read as every command reads them, for the per-format tests. */
import { readFileSync } from 'node:fs';
import type { Flow } from '../../src/flow/types.js';
import { parseMenu } from '../../src/import/read.js';
import { fixture } from '../helpers.js';

export function importFixtures(format: string) {
  const path = (name: string) => fixture(`import/${format}/${name}`);
  const text = (name: string) => readFileSync(path(name), 'utf8');
  return {
    path,
    text,
    /** The fixture's flow; throws with the problems when it does not read. */
    flowOf(name: string): Flow {
      const read = parseMenu(text(name), path(name));
      if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
      return read.flow;
    },
    /** The 1-based line of the first line holding the text: positions pinned without counting by hand. */
    lineOf: (name: string, holding: string) =>
      text(name)
        .split('\n')
        .findIndex((line) => line.includes(holding)) + 1,
  };
}
