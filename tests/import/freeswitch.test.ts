/** FreeSWITCH ivr_menus XML, one construct at a time, as every command reads it. */
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { MenuNode } from '../../src/flow/types.js';
import { sampleOf } from '../../src/import/freeswitch-read.js';
import { formatOfText, importText, parseMenu } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { importFixtures } from './fixtures.js';

const { path, text, flowOf, lineOf } = importFixtures('freeswitch');

describe('FreeSWITCH ivr_menus', () => {
  it('are told apart by their <menu> and <entry> elements', () => {
    expect(formatOfText(text('acme.xml'))).toBe('freeswitch');
  });

  it('make each menu a menu: greet-long its prompt, entries its options, positions on the tags', () => {
    const flow = flowOf('acme.xml');
    expect(flow.start).toBe('acme-main');
    const main = flow.nodes.get('acme-main') as MenuNode;
    expect(main.prompt).toBe(
      'For billing press 1. To dial an extension, enter it now. For an agent press 0.',
    );
    expect(main.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'acme-billing'],
      ['0', 'bridge-1000-domain-name'],
      ['1000', 'transfer-1000-xml-features'],
      ['*', 'acme-main'],
    ]);
    expect(main.at.line).toBe(lineOf('acme.xml', '<menu name="acme_main"'));
    expect(main.options[2]?.at.line).toBe(lineOf('acme.xml', 'digits="/^(10[01][0-9])$/"'));
  });

  it('take max-failures and max-timeouts as tries, exec-on-max-failures as then, the menu exiting otherwise', () => {
    const flow = flowOf('acme.xml');
    const main = flow.nodes.get('acme-main') as MenuNode;
    expect(main.noMatch).toMatchObject({
      tries: 3,
      then: 'transfer-operator-xml-default',
      prompt: 'That was not a valid choice.',
    });
    expect(main.noInput).toMatchObject({ tries: 2, then: 'acme-main-exit' });
    expect(main.timeoutSeconds).toBe(5);
    expect(flow.nodes.get('acme-main-exit')).toMatchObject({ type: 'hangup', prompt: 'Goodbye.' });
  });

  it("apply switch_ivr_menu.c's defaults: max-failures 0 is 3, max-timeouts copies it, the timeout is 10 s", () => {
    const billing = flowOf('acme.xml').nodes.get('acme-billing') as MenuNode;
    expect(billing.noMatch.tries).toBe(3);
    expect(billing.noInput.tries).toBe(3);
    expect(billing.timeoutSeconds).toBe(10);
  });

  it('follow the actions: a sub-menu, the previous menu, a sound played, a queue, a user, a transfer, an exit', () => {
    const flow = flowOf('acme.xml');
    const billing = flow.nodes.get('acme-billing') as MenuNode;
    expect(billing.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'acme-billing-1-sound'],
      ['2', 'callcenter-billing-default'],
      ['*', 'acme-main'],
      ['9', 'acme-billing-exit'],
    ]);
    expect(flow.nodes.get('acme-billing-1-sound')).toMatchObject({
      type: 'say',
      prompt: 'Your balance is 42 dollars.',
      next: 'acme-billing',
    });
    expect(flow.nodes.get('callcenter-billing-default')).toMatchObject({
      type: 'agent',
      queue: 'billing@default',
    });
    expect(flow.nodes.get('bridge-1000-domain-name')).toMatchObject({
      type: 'agent',
      queue: '1000',
    });
    // The pattern's group fills $1, as mod_ivr does.
    expect(flow.nodes.get('transfer-1000-xml-features')).toMatchObject({
      type: 'transfer',
      to: '1000',
    });
  });

  it('make an example key of a digits pattern', () => {
    expect(sampleOf('/^(10[01][0-9])$/')).toBe('1000');
    expect(sampleOf('/^(\\d{4})$/')).toBe('0000');
    expect(sampleOf('/^(2[0-9]{2})$/')).toBe('200');
    expect(sampleOf('/^([a-z]+)$/')).toBeUndefined();
    expect(sampleOf('5')).toBe('5');
  });

  it('start at the menu --entry names', async () => {
    const read = parseMenu(text('acme.xml'), path('acme.xml'), { entry: 'acme_billing' });
    expect(read.ok && read.flow.start).toBe('acme-billing');
    const wrong = await runCli('check', path('acme.xml'), '--entry', 'acme_biling');
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('--entry acme_biling names no menu of this file.');
    expect(wrong.stdout).toContain('Did you mean `acme_billing`?');
  });

  it('give check its figures', () => {
    const checked = checkFlow(flowOf('acme.xml'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['0'] });
    expect(checked.report.findings.map((f) => f.rule)).toContain('ambiguous-key');
  });
});

describe('unreadable ivr_menus files', () => {
  const problemOf = (name: string) => {
    const read = importText(text(`bad/${name}`), `bad/${name}`, { from: 'freeswitch' });
    if (read.ok) throw new Error(`${name} was read`);
    return read.problems[0];
  };

  it('say what stops each one, where', () => {
    expect(problemOf('missing-sub.xml')).toMatchObject({
      line: 3,
      column: 5,
      message: 'menu-sub `billng` names no menu of this file.',
      hint: 'Did you mean `billing`?',
    });
    expect(problemOf('not-xml.xml')).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^This is not well-formed XML/),
    });
  });
});

describe("FreeSWITCH's own demo menu (signalwire/freeswitch, MPL 1.1)", () => {
  it('reads demo_ivr.xml: its menus, a menu commented out left out, positions past the comments', () => {
    const flow = flowOf('public/demo_ivr.xml');
    expect(
      [...flow.nodes.values()].filter((node) => node.type === 'menu').map((node) => node.id),
    ).toEqual(['demo-ivr', 'demo-ivr-submenu']);
    const main = flow.nodes.get('demo-ivr') as MenuNode;
    expect(main.prompt).toBe('(phrase demo_ivr_main_menu)');
    expect(main.options.map((option) => option.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '1000',
      '9',
    ]);
    expect(main.timeoutSeconds).toBe(10);
    const sub = flow.nodes.get('demo-ivr-submenu') as MenuNode;
    expect(sub.at.line).toBe(lineOf('public/demo_ivr.xml', '<menu name="demo_ivr_submenu"'));
    expect(sub.options[0]?.at.line).toBe(
      lineOf('public/demo_ivr.xml', '<entry action="menu-top" digits="*"/>'),
    );
    expect(sub.timeoutSeconds).toBe(15);
  });

  it('gives the figures the demo has: its one person is the conference on 1, and 1 waits for 1000', () => {
    const checked = checkFlow(flowOf('public/demo_ivr.xml'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['1'] });
    expect(checked.report.findings.filter((f) => f.rule === 'ambiguous-key')).toHaveLength(1);
  });
});
