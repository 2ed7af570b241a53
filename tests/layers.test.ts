/**
 * The folders' imports point one way (the brief: flow → machine → analysis → reports): the
 * analysis does not reach into the machine, and reports and the test runner do not import each
 * other in a circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../src/', import.meta.url).pathname;

function filesUnder(folder: string): string[] {
  return readdirSync(join(src, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The src folders a file imports from, by the first folder under src/. */
function foldersImportedBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const from = [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((match) => match[1] as string);
  return from.map((path) => relative(src, join(file, '..', path)).split('/')[0] as string);
}

describe('the layers', () => {
  it('analysis imports nothing from machine, tui, report or cli', () => {
    for (const file of filesUnder('analysis')) {
      expect(foldersImportedBy(file), relative(src, file)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(machine|tui|report|cli)$/)]),
      );
    }
  });

  it('call, how a call moves, imports only from flow and itself', () => {
    for (const file of filesUnder('call')) {
      for (const folder of foldersImportedBy(file))
        expect(folder, relative(src, file)).toMatch(/^(flow|call)$/);
    }
  });

  it('flow imports only from flow', () => {
    for (const file of filesUnder('flow')) {
      for (const folder of foldersImportedBy(file))
        expect(folder, relative(src, file)).toMatch(/\.ts$|^flow$/);
    }
  });

  it('import, the readers of other platforms, imports only from flow and itself', () => {
    for (const file of filesUnder('import')) {
      for (const folder of foldersImportedBy(file))
        expect(folder, relative(src, file)).toMatch(/^(flow|import)$/);
    }
  });

  it('live, the running apps, imports nothing from cli, tui or report', () => {
    for (const file of filesUnder('live')) {
      expect(foldersImportedBy(file), relative(src, file)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(cli|tui|report)$/)]),
      );
    }
  });

  it('testing does not import report (report reads the test run, not the other way round)', () => {
    for (const file of filesUnder('testing')) {
      expect(foldersImportedBy(file), relative(src, file)).not.toContain('report');
    }
  });
});
