import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { InputNode, MenuNode } from '../../src/flow/types.js';
import { formatOfText, importText } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { importFixtures } from './fixtures.js';

const { path, text, flowOf, lineOf } = importFixtures('studio');

describe('Twilio Studio flow definitions', () => {
  it('are told apart by their content, bare or as the Flow resource', () => {
    expect(formatOfText(text('counter-menu.json'))).toBe('studio');
    expect(formatOfText(text('resource.json'))).toBe('studio');
  });

  it('make one menu of a gather and the splits that read its Digits and SpeechResult', () => {
    const flow = flowOf('counter-menu.json');
    expect(flow.start).toBe('main-menu');
    const menu = flow.nodes.get('main-menu') as MenuNode;
    expect(menu.options.map((option) => [option.key, option.say, option.to])).toEqual([
      ['1', ['billing'], 'billing'],
      ['0', [], 'agent'],
    ]);
    // At the split's transition that takes the key: its object opens two lines above its next.
    expect(menu.options[0]?.at.line).toBe(lineOf('counter-menu.json', '"next": "billing",') - 2);
    expect(flow.nodes.has('route')).toBe(false);
  });

  it('fold a counter (set-variables plus 1, a split greater_than 2 back to the gather) into 3 tries', () => {
    const menu = flowOf('counter-menu.json').nodes.get('main-menu') as MenuNode;
    expect(menu.noMatch).toMatchObject({ tries: 3, then: 'goodbye' });
    expect(menu.noInput).toMatchObject({ tries: 3, then: 'goodbye' });
    expect(menu.noMatch.at.line).toBe(
      lineOf('counter-menu.json', '{ "event": "noMatch", "next": "count" }'),
    );
  });

  it('end the call where a transition has no next, and keep an endless timeout endless', () => {
    const flow = flowOf('resource.json');
    const menu = flow.nodes.get('menu') as MenuNode;
    expect(menu.noMatch).toMatchObject({ tries: 1, then: 'split-ends' });
    expect(flow.nodes.get('split-ends')).toMatchObject({ type: 'hangup' });
    expect(menu.noInput.tries).toBe(Number.POSITIVE_INFINITY);
    expect(menu.timeoutSeconds).toBe(7);
    expect(flow.nodes.get('balance')).toBeUndefined();
    expect(flowOf('counter-menu.json').nodes.get('balance')).toMatchObject({
      type: 'say',
      next: 'balance-ends',
    });
  });

  it('make connect-call-to a number a transfer, send-to-flex and enqueue-call a person, a run-function a condition', () => {
    const flow = flowOf('resource.json');
    expect(flow.nodes.get('sales')).toMatchObject({ type: 'transfer', to: '+15555550100' });
    expect(flow.nodes.get('flex')).toMatchObject({ type: 'agent' });
    const menu = flow.nodes.get('menu') as MenuNode;
    expect(menu.options.map((option) => option.key)).toEqual(['1', '2', '0', '3']);
    const other = flowOf('counter-menu.json');
    expect(other.nodes.get('agent')).toMatchObject({ type: 'agent', queue: 'support' });
    expect(other.conditions).toEqual({ 'run-function-billing': ['success', 'fail'] });
    expect(other.imported?.approximated.map((note) => note.block)).toEqual([
      'run-function billing',
    ]);
  });

  it('make a gather no split reads an input that takes anything, and follow a widget it does not know', () => {
    const flow = flowOf('resource.json');
    const account = flow.nodes.get('account') as InputNode;
    expect(account).toMatchObject({
      type: 'input',
      next: 'survey',
      prompt: 'Enter your six digit account number.',
    });
    expect(account.noMatch).toMatchObject({ tries: 1, then: 'survey' });
    expect(flow.imported?.unknown).toEqual([
      expect.objectContaining({
        block: 'capture-feedback survey',
        node: 'survey',
        at: { line: lineOf('resource.json', '"name": "survey"') - 1, column: 7 },
      }),
    ]);
  });

  it('take the Flow resource friendly name as id and title', () => {
    const flow = flowOf('resource.json');
    expect(flow).toMatchObject({ id: 'support-line', title: 'Support line' });
  });

  it('give check its figures, findings on the widgets', () => {
    const checked = checkFlow(flowOf('counter-menu.json'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['0'] });
    expect(checked.report.findings.map((f) => [f.rule, f.node])).toEqual([
      ['error-hangup', 'main-menu'],
      ['error-hangup', 'main-menu'],
      ['unresolved-hangup', 'balance-ends'],
    ]);
  });
});

describe('unreadable Studio definitions', () => {
  const problemOf = (name: string) => {
    const read = importText(text(`bad/${name}`), `bad/${name}`, { from: 'studio' });
    if (read.ok) throw new Error(`${name} was read`);
    return read.problems[0];
  };

  it('say what stops each one, where', () => {
    expect(problemOf('missing-next.json')).toMatchObject({
      line: 4,
      message:
        'The incomingCall transition of `Trigger` goes to `welcom`, which is no widget of this flow.',
      hint: 'Did you mean `welcome`?',
    });
    expect(problemOf('messages-only.json')?.message).toMatch(/has no incomingCall transition/);
    expect(problemOf('template.json')).toMatchObject({
      line: 5,
      message: expect.stringMatching(/is a template: `\$\{workflow_sid\}`/),
    });
  });

  it('exit 2 from check with the position', async () => {
    const result = await runCli('check', path('bad/missing-next.json'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('missing-next.json:4:');
  });
});
