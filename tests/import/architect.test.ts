/** Genesys Cloud Architect inbound call flows (archy export YAML), one construct at a time. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { MenuNode } from '../../src/flow/types.js';
import { formatOfText, importText, parseMenu } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { fixture } from '../helpers.js';

const path = (name: string) => fixture(`import/architect/${name}`);
const text = (name: string) => readFileSync(path(name), 'utf8');
const flow = () => {
  const read = parseMenu(text('main-menu.yaml'), path('main-menu.yaml'));
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.flow;
};
const lineOf = (holding: string) =>
  text('main-menu.yaml')
    .split('\n')
    .findIndex((line) => line.includes(holding)) + 1;

describe('Genesys Architect inbound call flows', () => {
  it('are told apart by their inboundCall', () => {
    expect(formatOfText(text('main-menu.yaml'))).toBe('architect');
  });

  it('start with the initial greeting, then the startUpRef', () => {
    const read = flow();
    expect(read).toMatchObject({ id: 'acme-main', title: 'Acme Main', start: 'initial-greeting' });
    expect(read.nodes.get('initial-greeting')).toMatchObject({
      type: 'say',
      next: 'opening-hours',
    });
  });

  it('make a schedule check a condition whose open value goes on with the next action', () => {
    const read = flow();
    expect(read.conditions).toEqual({ 'schedule-opening-hours': ['open', 'closed'] });
    expect(read.nodes.get('opening-hours')).toMatchObject({
      type: 'branch',
      cases: { open: 'main-menu', closed: 'closed' },
    });
    expect(read.nodes.get('closed')).toMatchObject({ type: 'say', next: 'closed-bye' });
  });

  it('make menus of their choices: a task, a sub-menu, a transfer to a queue, the previous menu', () => {
    const read = flow();
    const main = read.nodes.get('main-menu') as MenuNode;
    expect(main.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'balance'],
      ['2', 'language-menu'],
      ['0', 'agent'],
    ]);
    expect(main.options[2]?.at.line).toBe(lineOf('name: Agent'));
    expect(read.nodes.get('agent')).toMatchObject({ type: 'agent', queue: 'Support' });
    const languages = read.nodes.get('language-menu') as MenuNode;
    expect(languages.prompt).toBe('Para español, oprima 1. To go back, press star.');
    expect(languages.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'spanish-queue'],
      ['*', 'main-menu'],
    ]);
  });

  it('take the repeat count as tries and the default choice as then, the menu’s own count first', () => {
    const read = flow();
    const main = read.nodes.get('main-menu') as MenuNode;
    expect(main.noMatch).toMatchObject({ tries: 3, then: 'goodbye' });
    expect(main.noInput).toMatchObject({ tries: 3, then: 'goodbye' });
    expect(main.timeoutSeconds).toBe(5);
    const languages = read.nodes.get('language-menu') as MenuNode;
    // No default choice: after its plays the call is disconnected.
    expect(languages.noMatch.tries).toBe(2);
    expect(languages.noMatch.then).toBeUndefined();
  });

  it('give check its figures, findings on the YAML lines of the export', () => {
    const checked = checkFlow(flow());
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['0'] });
    const hangup = checked.report.findings.find(
      (f) => f.rule === 'error-hangup' && f.node === 'language-menu',
    );
    expect(hangup?.line).toBe(lineOf('name: Language Menu'));
  });
});

describe('unreadable Architect files', () => {
  const problemOf = (name: string) => {
    const read = importText(text(`bad/${name}`), `bad/${name}`);
    if (read.ok) throw new Error(`${name} was read`);
    return read.problems[0];
  };

  it('say what stops each one, where', () => {
    expect(problemOf('template.yaml')).toMatchObject({
      line: 2,
      column: 9,
      message: expect.stringMatching(/template: `\{\{ivr_name\}\}`/),
    });
    expect(problemOf('inqueue.yaml')?.message).toBe(
      'This is an Architect inqueueCall flow; phonemaze reads inbound call flows (inboundCall).',
    );
    expect(problemOf('no-start.yaml')?.message).toBe('The flow has no startUpRef.');
    expect(problemOf('missing-menu.yaml')).toMatchObject({
      line: 12,
      message: '`/inboundCall/menus/menu[billingMenu]` names no menu or task of this flow.',
      hint: 'Did you mean `billingMenus`?',
    });
  });

  it('exit 2 from check', async () => {
    const result = await runCli('check', path('bad/missing-menu.yaml'));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('missing-menu.yaml:12:');
  });
});
