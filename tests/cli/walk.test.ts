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

  it('says nothing of a queue an agent has no wait for, and counts in words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-walk-'));
    const flow = join(dir, 'flow.yaml');
    writeFileSync(
      flow,
      'id: q\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 0., options: [{ key: 0, to: agent }] }\n  agent: { type: agent }\n',
    );
    const run = walk([flow], '0\n1\n');
    expect(run.stdout).toMatch(/A human \(agent\) after 1 step and [\d.]+ s\.\n$/);
    expect(run.stdout).toContain('(the call has ended; 1 more input not used)');
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
    expect(saved).toBe(
      `${readFileSync(`${flows}acme-support.yaml`, 'utf8')}expect:\n  - name: billing by number\n    given: { hours: open }\n    inputs: ["1", "value: 12345678"]\n    ends: billing_agent\n`,
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

  it('fails a replay that now ends elsewhere, or was recorded on another flow, saying where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-walk-'));
    const flow = join(dir, 'flow.yaml');
    copyFileSync(`${flows}acme-support.yaml`, flow);
    const record = join(dir, 'walk.json');
    walk([flow, '--set', 'hours=open', '--record', record], '1\nvalue: 12345678\n');
    expect(walk([flow, '--replay', record], '').status).toBe(0);
    writeFileSync(flow, readFileSync(flow, 'utf8').replace('next: billing_agent', 'next: agent'));
    const changed = walk([flow, '--replay', record], '');
    expect(changed.status).toBe(1);
    expect(changed.stderr).toContain('The replay differs from the recording:');
    expect(changed.stderr).toContain('it ended at billing_agent, and now ends at agent');
    const other = walk([`${flows}5-isdn-fault.mended.yaml`, '--replay', record], '');
    expect(other.status).toBe(1);
    expect(other.stderr).toContain(
      'it was recorded on the flow `acme-support`, and this is `isdn-fault-mended`',
    );
  });

  it('--save-expect keeps a JSON flow JSON and a CRLF file CRLF, and refuses a name twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-walk-'));
    const json = join(dir, 'flow.json');
    const original = `{\r\n  "id": "j",\r\n  "start": "main",\r\n  "nodes": {\r\n    "main": { "type": "menu", "prompt": "Press 1.", "options": [{ "key": 1, "to": "agent" }] },\r\n    "agent": { "type": "agent" }\r\n  }\r\n}\r\n`;
    writeFileSync(json, original);
    expect(walk([json, '--save-expect', 'one'], '1\n').status).toBe(0);
    const saved = readFileSync(json, 'utf8');
    expect(JSON.parse(saved).expect).toEqual([{ name: 'one', inputs: ['1'], ends: 'agent' }]);
    expect(saved).toBe(
      original.replace(
        '  }\r\n}',
        '  },\r\n  "expect": [\r\n    { "name": "one", "inputs": ["1"], "ends": "agent" }\r\n  ]\r\n}',
      ),
    );
    expect(walk([json, '--save-expect', 'two'], '0\n1\n').status).toBe(0);
    expect(
      JSON.parse(readFileSync(json, 'utf8')).expect.map((e: { name: string }) => e.name),
    ).toEqual(['one', 'two']);
    const again = walk([json, '--save-expect', 'one'], '1\n');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already has an expectation named "one"');
  });
});
