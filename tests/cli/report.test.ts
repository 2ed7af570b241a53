import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { runCli, runCliWith } from './run-cli.js';

const folder = () => mkdtempSync(join(tmpdir(), 'phonemaze-report-'));
const phone = new URL('../../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname;

describe('phonemaze report', () => {
  it('writes one page for the flows and exits 0, whatever they find', async () => {
    const page = join(folder(), 'page.html');
    const { code, stderr } = await runCli('report', phone, fixture('check/clean.yaml'), '-o', page);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${page}: 2 flows`);
    const html = readFileSync(page, 'utf8');
    expect(html.match(/<section class="flow"/g)).toHaveLength(2);
    expect(html).not.toContain('class="outcomes"');
  });

  it('pins the findings of the limits given, as check does', async () => {
    const clean = fixture('check/clean.yaml');
    const dir = folder();
    const loose = join(dir, 'loose.html');
    const strict = join(dir, 'strict.html');
    await runCli('report', clean, '-o', loose);
    await runCli('report', clean, '-o', strict, '--max-steps-to-human', '0');
    expect(readFileSync(loose, 'utf8')).not.toContain('data-rule="steps-to-human"');
    expect(readFileSync(strict, 'utf8')).toContain('data-rule="steps-to-human"');
  });

  it('adds simulated callers with --simulate, the same for the same seed', async () => {
    const dir = folder();
    const pages = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const page = join(dir, `${name}.html`);
        await runCli('report', phone, '-o', page, '--simulate', '400', '--seed', '5');
        return readFileSync(page, 'utf8');
      }),
    );
    expect(pages[0]).toContain('Simulated callers (400)');
    expect(pages[0]).toBe(pages[1]);
  });

  it('writes no page and exits 2 when no flow is valid, naming the problems', async () => {
    const page = join(folder(), 'page.html');
    const { code, stderr } = await runCli('report', fixture('bad/missing-target.yaml'), '-o', page);
    expect(code).toBe(2);
    expect(stderr).toContain('missing-target.yaml:2:8: `start: welcom` names no node.');
    expect(stderr).toContain('wrote no page');
    expect(existsSync(page)).toBe(false);
  });

  it('says why it cannot write the page, and exits 2', async () => {
    const dir = folder();
    const missing = join(dir, 'no-such-folder', 'page.html');
    const { code, stderr } = await runCli('report', phone, '-o', missing);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `error: cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist`,
    );
    const { code: toFolder, stderr: folderError } = await runCli('report', phone, '-o', dir);
    expect(toFolder).toBe(2);
    expect(folderError).toContain(`${dir} is a folder; name a file`);
    // `.` is a folder too (renaming over it is EBUSY, not EISDIR).
    const here = await runCliWith({ cwd: dir }, 'report', phone, '-o', '.');
    expect(here.code).toBe(2);
    expect(here.stderr).toContain('error: cannot write .: . is a folder; name a file.');
    // Nothing half written is left behind.
    expect(
      readdirSync(dirname(dir)).filter((name) => name.startsWith(`${basename(dir)}.`)),
    ).toEqual([]);
  });

  it('refuses a simulation of part of a caller', async () => {
    const { code, stderr } = await runCli('report', phone, '--simulate', '2.5');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a whole number of at least 1, got "2.5"');
  });

  it('refuses a simulation of no callers', async () => {
    const { code, stderr } = await runCli('report', phone, '--simulate', '0');
    expect(code).toBe(2);
    expect(stderr).toContain('--simulate');
  });
});
