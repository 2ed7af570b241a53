import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowFile } from '../../src/flow/load.js';
import { runExpectations } from '../../src/testing/expectations.js';

const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
const flows = new URL('../../flows/', import.meta.url).pathname;
const walk = (args: string[], input: string) =>
  spawnSync('node', [bin, 'walk', ...args], { input, encoding: 'utf8' });

describe('a scripted walk (standard input is not a terminal)', () => {
  it('reads one input a line, prints the transcript and the outcome, and exits 0', () => {
    const run = walk(
      [`${flows}acme-support.yaml`, '--set', 'hours=open'],
      '# a comment\n1\n\nvalue: 12345678\n',
    );
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/raw mode/i);
    expect(run.stdout).toContain('ACME Telecom customer line (hours=open)');
    expect(run.stdout).toContain('> pressed 1 [option] → billing (step 1,');
    expect(run.stdout).toContain('“Please enter your eight digit customer number.”');
    expect(run.stdout).toMatch(
      /A human \(billing_agent\) after 2 steps and [\d.]+ s \(about 3m in the queue\)\.\n$/,
    );
  });

  it('says why the system hung up', () => {
    const run = walk([`${flows}4-phone-computer.as-was.yaml`], 'say: Banane\nsay: Banane\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Entschuldigen Sie bitte, ich habe Sie nicht verstanden.');
    expect(run.stdout).toContain('The call ended unresolved at nicht_verstanden');
  });

  it('refuses an input it cannot read, naming its line, and a condition the flow lacks', () => {
    const bad = walk([`${flows}acme-support.yaml`], '1\npress 2\n');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('line 2: "press 2" is not a caller input');
    const condition = walk([`${flows}acme-support.yaml`, '--set', 'hours=lunch'], '');
    expect(condition.status).toBe(2);
    expect(condition.stderr).toContain(
      '"lunch" is not a value of hours; its values are: open, closed.',
    );
  });

  it('records a walk, replays it, and saves it as an expectation that then passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-walk-'));
    const flow = join(dir, 'flow.yaml');
    copyFileSync(`${flows}acme-support.yaml`, flow);
    const record = join(dir, 'walk.json');
    const first = walk(
      [flow, '--set', 'hours=open', '--record', record, '--save-expect', 'billing by number'],
      '1\nvalue: 12345678\n',
    );
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toMatchObject({
      version: 1,
      flow: 'acme-support',
      conditions: { hours: 'open' },
      inputs: ['1', 'value: 12345678'],
      ends: 'billing_agent',
    });
    const replay = walk([flow, '--replay', record], '');
    expect(replay.stdout).toContain('A human (billing_agent) after 2 steps');
    const saved = readFileSync(flow, 'utf8');
    expect(saved).toContain('# yaml-language-server'); // the rest of the file kept as written
    expect(saved).toMatch(
      /- name: billing by number\n\s+given: \{ hours: open \}\n\s+inputs: \[ "1", "value: 12345678" \]\n\s+ends: billing_agent/,
    );
    const results = runExpectations(await loadFlowFile(flow));
    expect(results.map((result) => [result.expectation.name, result.passed])).toEqual([
      ['billing by number', true],
    ]);
  });

  it('refuses a replay file that is not a recording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-walk-'));
    writeFileSync(join(dir, 'x.json'), '{"inputs": 3}');
    const run = walk([`${flows}acme-support.yaml`, '--replay', join(dir, 'x.json')], '');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a walk recorded with --record');
  });
});
