import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { runCli, runCliWith } from './run-cli.js';

const clean = fixture('check/clean.yaml');
const noWayOut = fixture('check/no-way-out.yaml');
const folder = () => mkdtempSync(join(tmpdir(), 'phonemaze-check-'));

/**
 * A chain of `depth` menus, as a flow file in a new folder. Its handlers lead to a person, so the
 * fewest steps to one are min(depth, 3): three failed tries at the first menu.
 */
function chainFlow(depth: number, extra = ''): string {
  const nodes = Array.from({ length: depth }, (_, i) => {
    const to = i === depth - 1 ? 'agent' : `m${i + 2}`;
    return `  m${i + 1}: { type: menu, prompt: Press 1., options: [{ key: 1, to: ${to} }], noMatch: { then: agent }, noInput: { then: agent } }`;
  });
  const dir = folder();
  const file = join(dir, 'chain.yaml');
  writeFileSync(
    file,
    `id: chain\nstart: m1\n${extra}nodes:\n${nodes.join('\n')}\n  agent: { type: agent }\n`,
  );
  return file;
}

describe('phonemaze check', () => {
  it('exits 0 on a clean flow and prints its headline', async () => {
    const { code, stdout } = await runCli('check', clean);
    expect(code).toBe(0);
    expect(stdout).toContain('clean: a human in 1 step (press 1)');
    expect(stdout).toContain('✔ 1 flow checked, 0 errors, 0 warnings');
  });

  it('exits 1 when a finding is an error', async () => {
    expect((await runCli('check', noWayOut)).code).toBe(1);
  });

  it('exits 2 for an invalid file, and never analyses it', async () => {
    const { code, stdout } = await runCli('check', clean, fixture('bad/missing-target.yaml'));
    expect(code).toBe(2);
    expect(stdout).toContain('`to: biling` names no node.');
    expect(stdout).not.toContain('missing-target: a human');
  });

  it('exits 2 for an unknown format, listing the formats', async () => {
    const { code, stderr } = await runCli('check', clean, '--format', 'yml');
    expect(code).toBe(2);
    expect(stderr).toContain('Allowed choices are text, json, junit, github, sarif, markdown.');
  });

  it('exits 2 for a limit that is not a number', async () => {
    const { code, stderr } = await runCli('check', clean, '--max-depth', 'deep');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a whole number of at least 0, got "deep"');
  });

  it('takes limits from flags, and the flow limits win over them', async () => {
    const chain = chainFlow(3);
    expect((await runCli('check', chain)).code).toBe(0);
    const strict = await runCli('check', chain, '--max-steps-to-human', '2', '-f', 'json');
    expect(
      JSON.parse(strict.stdout).flows[0].findings.map((f: { rule: string }) => f.rule),
    ).toContain('steps-to-human');
    const own = chainFlow(3, 'limits: { maxStepsToHuman: 3 }\n');
    expect((await runCli('check', own, '--max-steps-to-human', '2')).code).toBe(0);
  });

  it('reads a project config for limits and severities, and the flow settings win', async () => {
    const chain = chainFlow(5);
    const dir = join(chain, '..');
    expect((await runCliWith({ cwd: dir }, 'check', chain)).code).toBe(1);
    writeFileSync(
      join(dir, 'phonemaze.config.json'),
      JSON.stringify({
        limits: { maxDepth: 5, maxStepsToHuman: 5 },
        rules: { 'no-zero-out': 'off' },
      }),
    );
    const configured = await runCliWith({ cwd: dir }, 'check', chain, '-f', 'json');
    expect(configured.code).toBe(0);
    const flow = JSON.parse(configured.stdout).flows[0];
    expect(flow.limits).toMatchObject({ maxDepth: 5, maxStepsToHuman: 5 });
    expect(flow.findings).toEqual([]);
    const own = chainFlow(5, 'rules: { no-zero-out: error }\n');
    writeFileSync(
      join(own, '..', 'phonemaze.config.json'),
      JSON.stringify({
        limits: { maxDepth: 5, maxStepsToHuman: 5 },
        rules: { 'no-zero-out': 'off' },
      }),
    );
    const flowWins = await runCliWith({ cwd: join(own, '..') }, 'check', own, '-f', 'json');
    expect(flowWins.code).toBe(1);
    expect(
      JSON.parse(flowWins.stdout).flows[0].findings.map(
        (f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`,
      ),
    ).toContain('no-zero-out:error');
  });

  it('refuses a config or a flow naming a rule that does not exist, with its position', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'phonemaze.config.json'), '{\n  "rules": { "no-zero": "off" }\n}\n');
    const config = await runCliWith({ cwd: dir }, 'check', clean);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain(
      'phonemaze.config.json:2:14: There is no rule `no-zero`.\n  Did you mean `no-zero-out`?',
    );
    const flow = chainFlow(2, 'rules:\n  dead-ends: off\n');
    const inFlow = await runCli('check', flow);
    expect(inFlow.code).toBe(2);
    expect(inFlow.stdout).toContain('chain.yaml:4:3: There is no rule `dead-ends`.');
  });

  it('counts in words: 1 step, 1 menu, 1 option', async () => {
    const { stdout } = await runCli(
      'check',
      clean,
      '--max-steps-to-human',
      '0',
      '--max-depth',
      '0',
      '--max-options',
      '0',
    );
    expect(stdout).toContain('A caller needs at least 1 step to reach a human');
    expect(stdout).toContain('This menu is 1 menu deep');
    expect(stdout).toMatch(/This menu offers \d+ options?;/);
    expect(stdout).not.toMatch(/\b1 (steps|menus|options)\b/);
  });

  it('--quiet leaves out warnings', async () => {
    const { stdout } = await runCli('check', noWayOut, '--quiet');
    expect(stdout).not.toContain('no-zero-out');
    expect(stdout).toContain('no-human');
    expect(stdout).toContain('✖ 1 flow checked, 3 errors, 2 warnings not shown (--quiet)');
  });

  it('--output writes the whole report to a file', async () => {
    const out = join(folder(), 'report.json');
    const { code, stdout, stderr } = await runCli(
      'check',
      clean,
      noWayOut,
      '-f',
      'json',
      '-o',
      out,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`wrote ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.flows).toBe(2);
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });

  it('uses colour only on a terminal, and never with NO_COLOR', async () => {
    expect((await runCliWith({ tty: true, env: {} }, 'check', noWayOut)).stdout).toContain(
      '\u001b[',
    );
    expect(
      (await runCliWith({ tty: true, env: { NO_COLOR: '1' } }, 'check', noWayOut)).stdout,
    ).not.toContain('\u001b[');
    expect((await runCliWith({ tty: false, env: {} }, 'check', noWayOut)).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('reads a JSON config with comments (JSONC), and refuses a trailing comma with its place', async () => {
    const dir = folder();
    const config = join(dir, 'phonemaze.config.json');
    writeFileSync(
      config,
      '// phonemaze.config.json\n{ "limits": { "maxStepsToHuman": 0 } /* none */ }\n',
    );
    const strict = await runCli('check', clean, '--config', config);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('the limit is 0');
    writeFileSync(config, '{\n  "limits": { "maxDepth": 4 },\n}\n');
    const comma = await runCli('check', clean, '--config', config);
    expect(comma.code).toBe(2);
    expect(comma.stderr + comma.stdout).toContain(
      `${config}:3:1: This is not valid JSON: a comma before the closing bracket.`,
    );
  });

  it('--watch re-checks a flow when it is saved, and stops on Ctrl+C', async () => {
    const file = chainFlow(2);
    const watching = watchCheck(file);
    await watching.seen('watching 1 flow file;');
    expect(watching.output()).toContain('chain: a human in 2 steps');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('{ key: 1, to: m2 }', '{ key: 1, to: agent }'),
    );
    await watching.seen('chain: a human in 1 step');
    expect(await watching.stop()).toBe(0);
  });

  it('--watch goes on after saves that rename over the file, and after it is deleted and made again', async () => {
    const file = chainFlow(3);
    const original = readFileSync(file, 'utf8');
    const watching = watchCheck(file);
    await watching.seen('watching 1 flow file;');
    // How editors and `sed -i` save: write a temporary file, rename it over the flow.
    const saveAtomically = (text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };
    saveAtomically(original.replace('{ key: 1, to: m2 }', '{ key: 1, to: agent }'));
    await watching.seen('chain: a human in 1 step');
    saveAtomically(original.replace('{ key: 1, to: m3 }', '{ key: 1, to: agent }'));
    await watching.seen('chain: a human in 2 steps');
    unlinkSync(file);
    await watching.seen('There is no such file or folder.');
    writeFileSync(file, original);
    await watching.seen('chain: a human in 3 steps');
    expect(await watching.stop()).toBe(0);
  });

  it('--watch on a file that does not exist yet waits for it, with no trace', async () => {
    const file = join(folder(), 'later.yaml');
    const watching = watchCheck(file);
    await watching.seen(`watching 0 flow files and for ${file} to appear`);
    writeFileSync(file, readFileSync(clean, 'utf8'));
    await watching.seen('clean: a human in 1 step');
    expect(watching.output()).not.toMatch(/ENOENT|at .*\.js:\d+/);
    expect(await watching.stop()).toBe(0);
  });
});

/** `phonemaze check --watch` in a child process, read as it goes. */
function watchCheck(file: string) {
  const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
  const child = spawn('node', [bin, 'check', '--watch', file], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  // Each wait looks only at what came after the previous one, so a figure seen before is not taken.
  let from = 0;
  const seen = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`no "${text}" in:\n${output.slice(from)}`));
      }, 10_000);
      const look = () => {
        const at = output.indexOf(text, from);
        if (at >= 0) {
          from = at + text.length;
          clearTimeout(timer);
          resolve();
        } else setTimeout(look, 50);
      };
      look();
    });
  const stop = () => {
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    return exit;
  };
  return { seen, stop, output: () => output };
}
