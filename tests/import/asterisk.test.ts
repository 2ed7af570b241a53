/** Asterisk dialplans (extensions.conf), one construct at a time, as every command reads them. */
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { MenuNode } from '../../src/flow/types.js';
import { patternTakes, samplePattern } from '../../src/import/asterisk-read.js';
import { formatOfText, importText, parseMenu } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { importFixtures } from './fixtures.js';

const { path, text, flowOf, lineOf } = importFixtures('asterisk');
const flowAt = (entry: string) => {
  const read = parseMenu(text('extensions.conf'), path('extensions.conf'), { entry });
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.flow;
};

describe('Asterisk dialplans', () => {
  it('are told apart by their [contexts] and exten => lines', () => {
    expect(formatOfText(text('extensions.conf'))).toBe('asterisk');
  });

  it('start at the first context with an s extension, walking over Answer and Set', () => {
    const flow = flowOf('extensions.conf');
    expect(flow).toMatchObject({ id: 'acme-ivr', start: 'acme-ivr-s-menu' });
    expect(flow.nodes.get('acme-ivr-s-menu')?.at.line).toBe(
      lineOf('extensions.conf', 'n(menu),Background'),
    );
  });

  it("make Background and WaitExten a menu of the context's extensions, a pattern tried with an example", () => {
    const menu = flowOf('extensions.conf').nodes.get('acme-ivr-s-menu') as MenuNode;
    expect(menu.prompt).toBe('(plays acme-main)');
    expect(menu.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'acme-billing-s-1'],
      ['0', 'acme-ivr-0-1'],
      ['7000', 'acme-ivr-7xxx-1'],
    ]);
    expect(menu.options[2]?.at.line).toBe(lineOf('extensions.conf', 'exten => _7XXX'));
  });

  it('fold the counter i keeps into tries, and t going to i into the same', () => {
    const menu = flowOf('extensions.conf').nodes.get('acme-ivr-s-menu') as MenuNode;
    // Set(TRIES=$[${TRIES} + 1]), GotoIf($[${TRIES} >= 3]?0,1): three wrong keys, then the queue.
    expect(menu.noMatch).toMatchObject({
      tries: 3,
      then: 'acme-ivr-0-1',
      prompt: '(plays invalid)',
    });
    expect(menu.noInput).toMatchObject({ tries: 3, then: 'acme-ivr-0-1' });
  });

  it("count as FreePBX's ivr-N context does: INVALID_LOOPCOUNT > 3 is four tries", () => {
    const menu = flowAt('ivr-3').nodes.get('ivr-3-s-5') as MenuNode;
    expect(menu.noMatch).toMatchObject({ tries: 4, then: 'ivr-3-i-final' });
    expect(menu.timeoutSeconds).toBe(10);
  });

  it('make Queue a person, a Dial to a trunk a transfer, and running off the end a hang-up', () => {
    const flow = flowOf('extensions.conf');
    expect(flow.nodes.get('acme-ivr-0-1')).toMatchObject({ type: 'agent', queue: 'support' });
    expect(flow.nodes.get('acme-billing-1-1')).toMatchObject({
      type: 'transfer',
      to: 'PJSIP/+441234567890@trunk',
    });
    // Background with no WaitExten: once the prompt has played the extension runs out.
    const billing = flow.nodes.get('acme-billing-s-2') as MenuNode;
    expect(billing.noInput).toMatchObject({ tries: 1, then: 'acme-billing-s-end' });
    expect(flow.nodes.get('acme-billing-s-end')).toMatchObject({ type: 'hangup' });
  });

  it('read patterns as pbx.c does', () => {
    expect(patternTakes('_7XXX', '7123')).toBe(true);
    expect(patternTakes('_7XXX', '712')).toBe(false);
    expect(patternTakes('_NXX', '199')).toBe(false);
    expect(patternTakes('_[1-3]Z', '29')).toBe(true);
    expect(patternTakes('_X.', '5')).toBe(false);
    expect(samplePattern('_7XXX')).toBe('7000');
    expect(samplePattern('_[2-4]X')).toBe('20');
  });

  it('give check its figures', () => {
    const checked = checkFlow(flowOf('extensions.conf'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['0'] });
  });
});

describe('unreadable dialplans', () => {
  it('say where a Goto goes to nothing, and where --entry names nothing', async () => {
    const read = importText(text('bad/broken-goto.conf'), 'bad/broken-goto.conf', {
      from: 'asterisk',
    });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]).toMatchObject({
      line: 4,
      message: 'Goto(billng,s,1) goes to s@billng priority 1, which this dialplan does not have.',
      hint: 'Did you mean `billing`?',
    });
    const entry = await runCli('check', path('extensions.conf'), '--entry', 's@acme-ivv');
    expect(entry.code).toBe(2);
    expect(entry.stdout).toContain('--entry names the context `acme-ivv`');
  });
});
