import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { InputNode, MenuNode } from '../../src/flow/types.js';
import { formatOfText, importText, parseMenu } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { importFixtures } from './fixtures.js';

const { path, text, flowOf, lineOf } = importFixtures('connect');

describe('Amazon Connect flow language', () => {
  it('is told from a phonemaze flow by its content', () => {
    expect(formatOfText(text('menu-loop.json'))).toBe('connect');
    expect(formatOfText(text('described.json'))).toBe('connect');
    expect(formatOfText('id: x\nstart: a\nnodes: {}\n')).toBe('phonemaze');
    expect(formatOfText('{ "id": "x", "start": "a", "nodes": {} }')).toBe('phonemaze');
  });

  it('makes a menu of GetParticipantInput, its keys the options, positions on the blocks', () => {
    const flow = flowOf('menu-loop.json');
    const menu = flow.nodes.get('main-menu') as MenuNode;
    expect(menu.prompt).toBe('For billing press 1. For an agent press 0.');
    expect(menu.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'billing'],
      ['0', 'to-queue'],
    ]);
    expect(menu.at.line).toBe(lineOf('menu-loop.json', '"Identifier": "main-menu"') - 1);
    expect(menu.options[0]?.at.line).toBe(lineOf('menu-loop.json', '"Operands": ["1"]'));
    expect(menu.noMatch.at.line).toBe(lineOf('menu-loop.json', '"NoMatchingCondition"'));
    expect(flow.file).toBe(path('menu-loop.json'));
  });

  it('folds a Loop in front of the menu into tries: LoopCount passes, then DoneLooping', () => {
    const menu = flowOf('menu-loop.json').nodes.get('main-menu') as MenuNode;
    expect(menu.noMatch).toMatchObject({ tries: 3, then: 'goodbye' });
    expect(menu.noInput).toMatchObject({ tries: 3, then: 'goodbye' });
  });

  it('folds a Loop behind the menu, with a sorry on the way, into one more try and its prompt', () => {
    const flow = flowOf('sorry-loop.json');
    const menu = flow.nodes.get('main-menu') as MenuNode;
    expect(menu.noMatch).toMatchObject({
      tries: 3,
      then: 'agent',
      prompt: 'Sorry, that is not an option.',
    });
    // "Are you still there?" and straight back: Connect asks for ever.
    expect(menu.noInput).toMatchObject({
      tries: Number.POSITIVE_INFINITY,
      prompt: 'Are you still there?',
    });
    expect(menu.timeoutSeconds).toBe(8);
  });

  it('names nodes by friendly name or identifier, reads SSML as words, and a stored input as an input', () => {
    const flow = flowOf('sorry-loop.json');
    expect([...flow.nodes.keys()]).toContain('main-menu');
    expect(flow.nodes.get('welcome')).toMatchObject({
      type: 'say',
      prompt: 'Welcome to Example Energy.',
    });
    const reading = flow.nodes.get('reading') as InputNode;
    expect(reading).toMatchObject({
      type: 'input',
      collect: 'StoredCustomerInput',
      digits: { min: 1, max: 6 },
      next: 'thanks',
    });
    expect(reading.noInput).toMatchObject({ tries: 1, then: 'thanks' });
    expect(flow.imported?.approximated.map((note) => note.block)).toEqual([
      'GetParticipantInput reading',
    ]);
  });

  it('makes hours, Lambdas and comparisons conditions, Lex intents spoken options, transfers transfers', () => {
    const flow = flowOf('decisions.json');
    expect(flow.conditions).toEqual({
      'external-tier': ['gold', 'above-5', 'other'],
      'lambda-customer-lookup': ['success', 'error'],
      'hours-support-hours': ['open', 'closed'],
    });
    expect(flow.nodes.get('hours')).toMatchObject({
      type: 'branch',
      cases: { open: 'lookup', closed: 'closed' },
    });
    const bot = flow.nodes.get('bot') as MenuNode;
    expect(bot.options.map((option) => [option.say, option.to])).toEqual([
      [['billing'], 'billing-flow'],
      [['moving home'], 'queue'],
    ]);
    expect(flow.nodes.get('vip')).toMatchObject({ type: 'transfer', to: '+442071234567' });
    expect(flow.nodes.get('billing-flow')).toMatchObject({ type: 'transfer', to: 'flow billing' });
    expect(flow.imported?.approximated.map((note) => [note.block, note.node])).toEqual([
      ['InvokeLambdaFunction lookup', 'lookup'],
      ['ConnectParticipantWithLexBot bot', 'bot'],
      ['TransferToFlow billing-flow', 'billing-flow'],
    ]);
  });

  it('takes the queue from the UpdateContactTargetQueue before the transfer, and passes over set-up actions', () => {
    const flow = flowOf('menu-loop.json');
    expect(flow.nodes.get('to-queue')).toMatchObject({ type: 'agent', queue: 'support' });
    expect(flow.nodes.has('set-queue')).toBe(false);
    expect(flow.nodes.has('retry-loop')).toBe(false);
  });

  it('reads the export as describe-contact-flow gives it, named by the wrapper', () => {
    const flow = flowOf('described.json');
    expect(flow.id).toBe('main-ivr');
    expect(flow.title).toBe('Main IVR');
    expect([...flow.nodes.keys()]).toEqual([...flowOf('menu-loop.json').nodes.keys()]);
    // Inside the Content string, every part stands at the Content.
    expect(flow.nodes.get('main-menu')?.at.line).toBe(lineOf('described.json', '"Content"'));
  });

  it('gives check the same figures as the menu has, findings on the blocks', () => {
    const checked = checkFlow(flowOf('menu-loop.json'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['0'] });
    expect(checked.report.findings.map((f) => [f.rule, f.node, f.line])).toEqual([
      ['error-hangup', 'main-menu', lineOf('menu-loop.json', '"InputTimeLimitExceeded"')],
      ['error-hangup', 'main-menu', lineOf('menu-loop.json', '"NoMatchingCondition"')],
      ['unresolved-hangup', 'hangup', lineOf('menu-loop.json', '"Identifier": "hangup"')],
    ]);
  });
});

describe('unreadable Amazon Connect exports', () => {
  const problemOf = (name: string) => {
    const read = importText(text(`bad/${name}`), `bad/${name}`);
    if (read.ok) throw new Error(`${name} was read`);
    return read.problems[0];
  };

  it('says what stops each one, where', () => {
    expect(problemOf('not-json.json')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(problemOf('template.json')).toMatchObject({
      line: 9,
      message: `The file is a template: \`\${retries}\` stands where a value should be, so it is not JSON.`,
    });
    expect(problemOf('old-version.json')).toMatchObject({
      line: 2,
      column: 14,
      message: expect.stringMatching(/Version "2017-01-01"/),
    });
    expect(problemOf('legacy.json')?.message).toMatch(/old Amazon Connect console \(modules\)/);
    expect(problemOf('no-start.json')?.message).toBe('The flow has no StartAction.');
    expect(problemOf('missing-target.json')).toMatchObject({
      line: 9,
      column: 38,
      message: 'NextAction `goodbey` names no action of this flow.',
      hint: 'Did you mean `goodbye`?',
    });
  });

  it('exits 2 from every command, with the position', async () => {
    for (const command of ['check', 'validate', 'paths', 'import']) {
      const result = await runCli(command, path('bad/missing-target.json'));
      expect(result.code, command).toBe(2);
      expect(result.stdout + result.stderr).toContain('missing-target.json:9:38');
    }
  });
});

describe('phonemaze import', () => {
  it('writes a phonemaze flow, each node with its block, that checks as the export does', async () => {
    const result = await runCli('import', path('decisions.json'), '--verbose');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  # InvokeLambdaFunction lookup\n  lookup:\n    type: branch');
    expect(result.stderr).toContain(
      'imported from connect: 3 blocks approximated, 0 blocks of a type phonemaze does not know',
    );
    expect(result.stderr).toMatch(
      /\n {2}\d+:\d+ {2}InvokeLambdaFunction lookup: its outcome is a condition/,
    );
    const written = parseMenu(result.stdout, 'decisions.yaml');
    if (!written.ok) throw new Error('the written flow does not load');
    expect(written.flow.imported).toBeUndefined();
    const [fromExport, fromFile] = [checkFlow(flowOf('decisions.json')), checkFlow(written.flow)];
    if (!fromExport.ok || !fromFile.ok) throw new Error('not checked');
    expect(fromFile.report.human).toEqual(fromExport.report.human);
    expect(fromFile.report.findings.map((f) => f.rule)).toEqual(
      fromExport.report.findings.map((f) => f.rule),
    );
  });

  it('refuses a phonemaze flow, and reads any file as Connect with --from connect', async () => {
    const refused = await runCli('import', 'flows/acme-support.yaml');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not an export phonemaze reads');
    const forced = await runCli('check', '--from', 'connect', 'flows/acme-support.yaml');
    expect(forced.code).toBe(2);
    expect(forced.stdout).toContain('not valid JSON');
  });

  it('lets check say how many blocks it approximated', async () => {
    const quiet = await runCli('check', path('decisions.json'));
    expect(quiet.stdout).toContain(
      'imported from connect: 3 blocks approximated, 0 blocks of a type phonemaze does not know (--verbose lists them)',
    );
    const json = await runCli('check', path('decisions.json'), '--format', 'json');
    expect(JSON.parse(json.stdout).flows[0].imported.approximated).toHaveLength(3);
  });

  it("follows the project config's humans: a queue that is another line, a number staffed by people", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phonemaze-humans-'));
    const config = join(dir, 'phonemaze.config.json');
    await writeFile(
      config,
      JSON.stringify({
        humans: { transfers: ['support'], people: ['+4420*', 'type:TransferToFlow'] },
      }),
    );
    const narrowed = await runCli(
      'check',
      path('menu-loop.json'),
      '--config',
      config,
      '--format',
      'json',
    );
    const menuLoop = JSON.parse(narrowed.stdout).flows[0];
    expect(menuLoop.human.reachable).toBe(false);
    const widened = await runCli(
      'check',
      path('decisions.json'),
      '--config',
      config,
      '--format',
      'json',
    );
    const decisions = JSON.parse(widened.stdout).flows[0];
    // The VIP line and the billing flow are people now: a person with no step at all, given gold.
    expect(decisions.human).toMatchObject({ reachable: true, minSteps: 0 });
  });

  it('goes back into a chain of set-up blocks before a menu without taking it for a loop', () => {
    const flow = flowOfText(
      JSON.stringify({
        Version: '2019-10-30',
        StartAction: 'voice',
        Actions: [
          {
            Identifier: 'voice',
            Type: 'UpdateContactTextToSpeechVoice',
            Parameters: {},
            Transitions: { NextAction: 'logging' },
          },
          {
            Identifier: 'logging',
            Type: 'UpdateFlowLoggingBehavior',
            Parameters: {},
            Transitions: { NextAction: 'menu' },
          },
          {
            Identifier: 'menu',
            Type: 'GetParticipantInput',
            Parameters: { Text: 'Press 9 to hear this again, 0 for an agent.' },
            Transitions: {
              Conditions: [
                { NextAction: 'voice', Condition: { Operator: 'Equals', Operands: ['9'] } },
                { NextAction: 'agent', Condition: { Operator: 'Equals', Operands: ['0'] } },
              ],
              Errors: [{ NextAction: 'voice', ErrorType: 'NoMatchingCondition' }],
            },
          },
          { Identifier: 'agent', Type: 'TransferContactToQueue', Parameters: {}, Transitions: {} },
        ],
      }),
    );
    const menu = flow.nodes.get('menu') as MenuNode;
    expect(menu.options.map((option) => option.to)).toEqual(['menu', 'agent']);
    expect(menu.noMatch.tries).toBe(Number.POSITIVE_INFINITY);
    expect([...flow.nodes.values()].some((node) => node.type === 'hangup')).toBe(false);
  });
});

function flowOfText(json: string) {
  const read = parseMenu(json, 'inline.json');
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.flow;
}
