import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { runCli } from './run-cli.js';

describe('the phonemaze command', () => {
  it('lists its commands in --help and exits 0', async () => {
    const { code, stdout } = await runCli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: phonemaze/);
    expect(stdout).toMatch(/validate \[options\] \[paths\.\.\.\]/);
  });

  it('prints help and exits 2 when run with nothing', async () => {
    const { code, stdout } = await runCli();
    expect(code).toBe(2);
    expect(stdout).toMatch(/Commands:/);
  });

  it('exits 2 on an unknown command or option, with a suggestion', async () => {
    const wrong = await runCli('valdate');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown command 'valdate'[\s\S]*Did you mean validate\?/);
    expect((await runCli('validate', '--bogus')).code).toBe(2);
  });

  it('validates good flows with exit 0 and refuses a bad one with exit 2 and its position', async () => {
    expect((await runCli('validate', fixture('full-format.yaml'))).code).toBe(0);
    const bad = await runCli('validate', fixture('bad/missing-target.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      `${fixture('bad/missing-target.yaml')}:12:23: \`to: biling\` names no node.\n  Did you mean \`billing\`?`,
    );
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('searches folders for flow files', async () => {
    const { code, stdout } = await runCli('validate', 'flows');
    expect(code).toBe(0);
    expect(stdout).toMatch(/flows\/acme-support\.yaml: valid/);
  });

  it('runs as an installed binary and sets its exit code', () => {
    const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
    const bad = spawnSync('node', [bin, 'validate', fixture('bad/empty.yaml')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('empty.yaml:1:1: The file is empty.');
  });
});
