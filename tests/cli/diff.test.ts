/**
 * `phonemaze diff` and `check --baseline` on a real git repository made in a temporary folder:
 * a flow committed, then changed (a key moved a menu deeper, a `then` removed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBudget } from '../../src/analysis/budget.js';
import { fixture } from '../helpers.js';

const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
const original = readFileSync(fixture('check/clean.yaml'), 'utf8');

/** The change under review: 0 now leads to a second menu, and main's noInput lost its `then`. */
const changed = `${original
  .replace('      - { key: 0, to: agent }\n', '      - { key: 0, to: more }\n')
  .replace('    noInput: { then: agent }\n', '    noInput: {}\n')}  more:
    type: menu
    prompt: For a person press 0.
    options:
      - { key: 0, to: agent }
    noMatch: { then: agent }
    noInput: { then: agent }
`;

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-diff-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: dir,
    });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'flows'));
  writeFileSync(join(dir, 'flows', 'line.yaml'), original);
  // A flow with errors of its own, there before any change: an inherited menu.
  writeFileSync(
    join(dir, 'flows', 'inherited.yaml'),
    readFileSync(fixture('check/no-way-out.yaml'), 'utf8'),
  );
  git('add', '.');
  git('commit', '-q', '-m', 'the line as it is');
  return dir;
}

const phonemaze = (cwd: string, ...args: string[]) =>
  spawnSync('node', [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe('phonemaze diff', () => {
  it('shows what the change does to callers, figure by figure, and the findings it brings', () => {
    const dir = repository();
    writeFileSync(join(dir, 'flows', 'line.yaml'), changed);
    const run = phonemaze(dir, 'diff', '--baseline', 'main');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Comparing main with the working tree');
    expect(run.stdout).toMatch(/steps to a human\s+1 → 1\s+= same/);
    expect(run.stdout).toMatch(/deepest menu\s+1 → 2\s+▲ worse/);
    expect(run.stdout).toMatch(
      /disconnected by the system\s+not reachable → 3 steps, [\d.]+ s\s+▲/,
    );
    expect(run.stdout).toMatch(/agent \(agent\)\s+1 step, 3.4 s → 2 steps, 5.3 s\s+▲/);
    expect(run.stdout).toContain('+ error error-hangup at flows/line.yaml:12:5');
    expect(run.stdout).toContain('+ warning reserved-key at flows/line.yaml:10:9');
    expect(run.stdout).toContain('1 flow unchanged for callers: no-way-out');
    expect(run.stdout).not.toContain('no-way-out (flows/inherited.yaml)');
    expect(run.stdout).toContain(
      '2 flows compared, 0 added, 0 removed; 2 findings added, 0 removed',
    );
  });

  it('compares two folders, lists flows added and removed, and writes json, markdown and github', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diff-'));
    for (const side of ['old', 'new']) mkdirSync(join(dir, side));
    writeFileSync(join(dir, 'old', 'line.yaml'), original);
    writeFileSync(join(dir, 'new', 'line.yaml'), changed);
    writeFileSync(join(dir, 'old', 'gone.yaml'), original.replace('id: clean', 'id: gone'));
    writeFileSync(join(dir, 'new', 'fresh.yaml'), original.replace('id: clean', 'id: fresh'));
    const json = JSON.parse(phonemaze(dir, 'diff', 'old', 'new', '--format', 'json').stdout);
    expect(json.flows).toHaveLength(1);
    expect(json.flows[0]).toMatchObject({
      id: 'clean',
      stepsToHuman: { before: 1, after: 1 },
      deepestMenu: { before: 1, after: 2 },
      changedNodes: ['main', 'more', '$disconnected'],
    });
    expect(json.flows[0].findings.added.map((f: { rule: string }) => f.rule).sort()).toEqual([
      'error-hangup',
      'reserved-key',
    ]);
    expect(json.added.map((flow: { id: string }) => flow.id)).toEqual(['fresh']);
    expect(json.removed.map((flow: { id: string }) => flow.id)).toEqual(['gone']);
    const markdown = phonemaze(dir, 'diff', 'old', 'new', '--format', 'markdown').stdout;
    expect(markdown).toContain('| Deepest menu | 1 | 2 | 🔺 worse |');
    expect(markdown.match(/```mermaid/g)).toHaveLength(2);
    expect(markdown).toContain('class n0,n3,n4 changed');
    const github = phonemaze(dir, 'diff', 'old', 'new', '--format', 'github').stdout;
    // Only what the change brings is annotated.
    expect(github.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^::warning file=new\/line.yaml,line=10,col=9,title=phonemaze reserved-key \(new\)::/,
      ),
      expect.stringMatching(
        /^::error file=new\/line.yaml,line=12,col=5,title=phonemaze error-hangup \(new\)::/,
      ),
    ]);
  });

  it('takes a file that is no longer valid for a problem, not for a flow removed', () => {
    const dir = repository();
    writeFileSync(join(dir, 'flows', 'line.yaml'), `${original}bad: yes\n`);
    const run = phonemaze(dir, 'diff', '--baseline', 'main');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('flows/line.yaml:19:1: Unknown key `bad` in the file.');
    expect(run.stdout).not.toContain('): removed');
    expect(run.stdout).toContain('0 added, 0 removed');
  });

  it('says a hang-up that callers no longer reach changed, and counts steps in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-diff-'));
    const acme = readFileSync(new URL('../../flows/acme-support.yaml', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'old.yaml'), acme);
    // When closed, callers now go to the menu (and a person) instead of the closed message.
    writeFileSync(
      join(dir, 'new.yaml'),
      acme.replace('      closed: closed', '      closed: main'),
    );
    const run = phonemaze(dir, 'diff', 'old.yaml', 'new.yaml');
    expect(run.stdout).toMatch(/when hours=closed\s+none → 1 step\s+▼ better/);
    expect(run.stdout).toMatch(/closed \(hangup\)\s+0 steps, [\d.]+ s → not reachable\s+~/);
  });

  it('refuses one path without --baseline, and a side that does not exist', () => {
    const run = phonemaze(tmpdir(), 'diff', 'flows');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('diff takes two paths, the old and the new');
    const gone = phonemaze(tmpdir(), 'diff', fixture('check/clean.yaml'), 'no-such.yaml');
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain('error: no-such.yaml: no such file or folder');
    expect(gone.stdout).not.toContain('removed');
  });
});

describe('phonemaze check --baseline', () => {
  it('passes on findings that were already there, and fails on what the change brings', () => {
    const dir = repository();
    // Without a baseline the inherited flow's errors fail the check; against main they are old.
    expect(phonemaze(dir, 'check').status).toBe(1);
    const unchanged = phonemaze(dir, 'check', '--baseline', 'main');
    expect(unchanged.status).toBe(0);
    expect(unchanged.stdout).toContain(
      '0 new findings, 5 there before (existing: they do not fail this run), 0 fixed',
    );
    expect(unchanged.stdout).toContain('✔ nothing worse than main beyond the budget');
    writeFileSync(join(dir, 'flows', 'line.yaml'), changed);
    const worse = phonemaze(dir, 'check', '--baseline', 'main');
    expect(worse.status).toBe(1);
    expect(worse.stdout).toContain('new       flows/line.yaml:12:5  error');
    expect(worse.stdout).toContain('✖ the change brings 2 new findings; the budget is 0');
    // A budget for them lets it pass; the error is still reported.
    const budgeted = phonemaze(dir, 'check', '--baseline', 'main', '--budget', 'findings=2');
    expect(budgeted.status).toBe(0);
    expect(budgeted.stdout).toContain('error-hangup');
  });

  it('holds the way to a human to a budget, from the flag or the project config', () => {
    const dir = repository();
    // The only way to billing moves a menu deeper: 1 now leads to a menu that offers it.
    writeFileSync(
      join(dir, 'flows', 'line.yaml'),
      `${original
        .replace('      - { key: 1, to: billing }\n', '      - { key: 1, to: sub }\n')
        .replace('      - { key: 0, to: agent }\n', '')}  sub:
    type: menu
    prompt: For billing press 1.
    options:
      - { key: 1, to: billing }
    noMatch: { then: billing }
    noInput: { then: billing }
`,
    );
    const strict = phonemaze(
      dir,
      'check',
      'flows/line.yaml',
      '--baseline',
      'main',
      '--budget',
      'findings=9',
    );
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(
      'clean: the way to a human is 1 step longer (1 → 2); the budget is 0',
    );
    writeFileSync(
      join(dir, 'phonemaze.config.json'),
      '{ "budget": { "steps": 1, "seconds": 60, "findings": 9 } }',
    );
    expect(phonemaze(dir, 'check', 'flows/line.yaml', '--baseline', 'main').status).toBe(0);
  });

  it('says when the ref does not exist, the folder is no repository, or a file is new', () => {
    const dir = repository();
    const noRef = phonemaze(dir, 'check', '--baseline', 'origin/nope');
    expect(noRef.status).toBe(2);
    expect(noRef.stderr).toContain(
      '`origin/nope` names no commit, branch or tag in this repository',
    );
    const plain = mkdtempSync(join(tmpdir(), 'pm-plain-'));
    writeFileSync(join(plain, 'line.yaml'), original);
    const noRepo = phonemaze(plain, 'check', 'line.yaml', '--baseline', 'main');
    expect(noRepo.status).toBe(2);
    expect(noRepo.stderr).toContain('is not in a git repository');
    writeFileSync(join(dir, 'flows', 'extra.yaml'), original.replace('id: clean', 'id: extra'));
    const fresh = phonemaze(dir, 'check', 'flows/extra.yaml', '--baseline', 'main');
    expect(fresh.stderr).toContain(
      'note: flows/extra.yaml did not exist at main; its flows count as new.',
    );
  });

  it('reads budgets as the flag writes them, and refuses what it cannot read', () => {
    expect(parseBudget('steps=0,seconds=5,findings=0')).toEqual({
      steps: 0,
      seconds: 5,
      findings: 0,
    });
    expect(parseBudget('seconds=2.5', { steps: 1, seconds: 0, findings: 3 })).toEqual({
      steps: 1,
      seconds: 2.5,
      findings: 3,
    });
    expect(() => parseBudget('time=5')).toThrow(
      '--budget names steps, seconds, findings, not "time"',
    );
    expect(() => parseBudget('steps=-1')).toThrow('--budget steps takes a number of at least 0');
  });
});
