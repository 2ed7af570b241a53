/**
 * `npm run bench`, section 4: an Amazon Connect export of a few hundred blocks (a contact centre's
 * main flow: menus behind Loops, Lambdas, hours checks, queues), read and checked as `check`
 * reads it, against the phonemaze flow `import` writes from it, measured in one run.
 */
import { checkFlow } from '../dist/analysis/check.js';
import { parseFlow } from '../dist/flow/load.js';
import { importedYaml, importText, parseMenu } from '../dist/import/read.js';

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const RUNS = 5;

/** A Connect flow of `menus` menus, each with a Loop, a Lambda, an hours check and four choices: about 8 blocks a menu. */
export function connectExport(menus: number): string {
  const actions: unknown[] = [];
  const id = (kind: string, n: number) => `${kind}-${n}`;
  for (let n = 0; n < menus; n++) {
    const next = n + 1 < menus ? id('hours', n + 1) : id('queue', n);
    actions.push(
      {
        Identifier: id('hours', n),
        Type: 'CheckHoursOfOperation',
        Parameters: { Hours: `hours-${n % 3}` },
        Transitions: {
          Conditions: [
            { NextAction: id('lookup', n), Condition: { Operator: 'Equals', Operands: ['True'] } },
            { NextAction: id('closed', n), Condition: { Operator: 'Equals', Operands: ['False'] } },
          ],
        },
      },
      {
        Identifier: id('lookup', n),
        Type: 'InvokeLambdaFunction',
        Parameters: { LambdaFunctionARN: `arn:aws:lambda:eu-west-2:1:function:lookup-${n}` },
        Transitions: {
          NextAction: id('loop', n),
          Errors: [{ NextAction: id('queue', n), ErrorType: 'NoMatchingError' }],
        },
      },
      {
        Identifier: id('loop', n),
        Type: 'Loop',
        Parameters: { LoopCount: '3' },
        Transitions: {
          Conditions: [
            {
              NextAction: id('menu', n),
              Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] },
            },
            {
              NextAction: id('queue', n),
              Condition: { Operator: 'Equals', Operands: ['DoneLooping'] },
            },
          ],
        },
      },
      {
        Identifier: id('menu', n),
        Type: 'GetParticipantInput',
        Parameters: {
          Text: `Menu ${n}. For the next menu press 1. For billing press 2. For support press 3. For an agent press 0.`,
          InputTimeLimitSeconds: '5',
        },
        Transitions: {
          Conditions: ['1', '2', '3', '0'].map((key, k) => ({
            NextAction: [next, id('bill', n), id('queue', n), id('queue', n)][k],
            Condition: { Operator: 'Equals', Operands: [key] },
          })),
          Errors: [
            { NextAction: id('loop', n), ErrorType: 'NoMatchingCondition' },
            { NextAction: id('loop', n), ErrorType: 'InputTimeLimitExceeded' },
          ],
        },
      },
      {
        Identifier: id('bill', n),
        Type: 'MessageParticipant',
        Parameters: { Text: 'Your balance is 42 pounds.' },
        Transitions: { NextAction: id('bye', n) },
      },
      {
        Identifier: id('closed', n),
        Type: 'MessageParticipant',
        Parameters: { Text: 'We are closed.' },
        Transitions: { NextAction: id('bye', n) },
      },
      {
        Identifier: id('set-queue', n),
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: `queue-${n}` },
        Transitions: { NextAction: id('queue', n) },
      },
      {
        Identifier: id('queue', n),
        Type: 'TransferContactToQueue',
        Parameters: {},
        Transitions: {},
      },
      { Identifier: id('bye', n), Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    );
  }
  return JSON.stringify(
    { Version: '2019-10-30', StartAction: id('hours', 0), Actions: actions },
    null,
    2,
  );
}

function best(work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    work();
    fastest = Math.min(fastest, ms(start));
  }
  return fastest;
}

export function benchImport(): void {
  console.log(
    `\nAn Amazon Connect export read and checked as check reads it, against the flow import writes from it (best of ${RUNS}):\n`,
  );
  console.log(
    '| menus | blocks | nodes | export: read | export: read and check | written flow: read | written flow: read and check |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const menus of [10, 30, 60]) {
    const text = connectExport(menus);
    const blocks = menus * 9;
    const imported = importText(text, 'bench.json');
    if (!imported.ok) throw new Error('the bench export does not import');
    const yaml = importedYaml(imported.imported, 'bench.json');
    const read = () => {
      const flow = parseMenu(text, 'bench.json');
      if (!flow.ok) throw new Error('the bench export does not read');
      return flow.flow;
    };
    const readYaml = () => {
      const flow = parseFlow(yaml, 'bench.yaml');
      if (!flow.ok) throw new Error('the written flow does not read');
      return flow.flow;
    };
    const nodes = read().nodes.size;
    const row = [
      best(read),
      best(() => checkFlow(read())),
      best(readYaml),
      best(() => checkFlow(readYaml())),
    ].map((value) => `${value.toFixed(1)} ms`);
    console.log(`| ${menus} | ${blocks} | ${nodes} | ${row.join(' | ')} |`);
  }
}
