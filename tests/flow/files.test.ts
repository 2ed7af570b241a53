import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFlowFiles } from '../../src/flow/files.js';
import { isMenuExport } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { fixture } from '../helpers.js';

const clean = fixture('check/clean.yaml');
const folder = () => mkdtempSync(join(tmpdir(), 'phonemaze-files-'));
const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;

describe('finding flow files in folders', () => {
  it('follows a link to a flow file and a link to a folder', async () => {
    const dir = folder();
    const elsewhere = folder();
    copyFileSync(clean, join(elsewhere, 'a.yaml'));
    symlinkSync(join(elsewhere, 'a.yaml'), join(dir, 'linked.yaml'));
    symlinkSync(elsewhere, join(dir, 'more'));
    const found = await findFlowFiles([dir]);
    expect(found.problems).toEqual([]);
    expect(found.files).toEqual([join(dir, 'linked.yaml'), join(dir, 'more', 'a.yaml')]);
  });

  it('names a dangling link and a link that loops, and still finds the rest', async () => {
    const dir = folder();
    copyFileSync(clean, join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'up'));
    const found = await findFlowFiles([dir]);
    expect(found.files).toEqual([join(dir, 'a.yaml')]);
    expect(found.problems.map((problem) => [problem.file, problem.message])).toEqual([
      [join(dir, 'dangling.yaml'), expect.stringContaining('points to nothing')],
      [join(dir, 'sub', 'up'), expect.stringContaining('(a loop)')],
    ]);
  });

  // Root reads any folder, so the test runs the command as an ordinary user where it can.
  const asUser =
    process.getuid?.() === 0
      ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', bin]]
      : ['node', [bin]];
  const canDropRoot = process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;

  it.skipIf(!canDropRoot)(
    'says a folder cannot be read, checks the rest, and exits 2 in every command',
    () => {
      const dir = folder();
      chmodSync(dir, 0o755);
      copyFileSync(clean, join(dir, 'a.yaml'));
      chmodSync(join(dir, 'a.yaml'), 0o644);
      mkdirSync(join(dir, 'locked'));
      copyFileSync(clean, join(dir, 'locked', 'b.yaml'));
      chmodSync(join(dir, 'locked'), 0o000);
      const [command, prefix] = asUser as [string, string[]];
      for (const args of [
        ['check'],
        ['validate'],
        ['test'],
        ['report', '-o', join(tmpdir(), `pm-${process.pid}.html`)],
      ]) {
        const result = spawnSync(command, [...prefix, ...args, dir], {
          encoding: 'utf8',
          cwd: tmpdir(),
        });
        const said = result.stdout + result.stderr;
        expect(said, args[0]).toContain(
          `${join(dir, 'locked')}:1:1: This folder cannot be read (permission denied)`,
        );
        expect(said, args[0]).not.toMatch(/EACCES|at .*\.js:\d+/);
        expect(result.status, args[0]).toBe(2);
      }
      chmodSync(join(dir, 'locked'), 0o755);
    },
  );
});

describe('finding exports in folders', () => {
  it('takes .vxml, .xml and .conf files that are menus, and leaves the rest of a configuration folder alone', async () => {
    const dir = folder();
    copyFileSync(clean, join(dir, 'a.yaml'));
    copyFileSync(fixture('import/freeswitch/acme.xml'), join(dir, 'ivr_menus.xml'));
    copyFileSync(fixture('import/asterisk/extensions.conf'), join(dir, 'extensions.conf'));
    copyFileSync(fixture('import/voicexml/app/main.vxml'), join(dir, 'main.vxml'));
    // An application root with no dialog of its own, a build file, a configuration file.
    copyFileSync(fixture('import/voicexml/app/root.vxml'), join(dir, 'root.vxml'));
    writeFileSync(join(dir, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>\n');
    writeFileSync(join(dir, 'sip.conf'), '[general]\nbindport=5060\n');
    const names = (files: readonly string[]) => files.map((file) => file.slice(dir.length + 1));
    const found = await findFlowFiles([dir], { isExport: (text) => isMenuExport(text) });
    expect(names(found.files)).toEqual(['a.yaml', 'extensions.conf', 'ivr_menus.xml', 'main.vxml']);
    // Without a say on exports (the watcher's own search), flow files only.
    expect(names((await findFlowFiles([dir])).files)).toEqual(['a.yaml']);
  });

  it('checks the exports in a folder as every command reads them', async () => {
    const dir = folder();
    copyFileSync(fixture('import/freeswitch/acme.xml'), join(dir, 'ivr_menus.xml'));
    writeFileSync(join(dir, 'pom.xml'), '<project/>\n');
    const checked = await runCli('check', dir);
    expect(checked.stdout).toContain(join(dir, 'ivr_menus.xml'));
    expect(checked.stdout).not.toContain('pom.xml');
    expect(checked.stdout).toMatch(/1 flow checked/);
  });
});
