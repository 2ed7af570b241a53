/**
 * Amazon Connect flows that no one here wrote: aws-samples/amazon-connect-gitlab-cicd-terraform
 * (MIT-0), as its import wrappers hold them, flow attributes and placeholders in their ARNs
 * (tests/fixtures/import/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { checkPaths } from '../../src/check-paths.js';
import type { MenuNode } from '../../src/flow/types.js';
import { parseMenu } from '../../src/import/read.js';
import { fixture } from '../helpers.js';

function checked(name: string) {
  const file = fixture(`import/connect/public/${name}.json`);
  const read = parseMenu(readFileSync(file, 'utf8'), file);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
  const result = checkFlow(read.flow);
  if (!result.ok) throw new Error('not checked');
  return { flow: read.flow, report: result.report };
}

describe('the ACME flows of aws-samples', () => {
  it('read the main flow: the greeting, the Lex menu, the module and the Lambda, the queue-transfer flow', () => {
    const { flow, report } = checked('acme_main_AUTO');
    expect(flow.id).toBe('acme-main-auto');
    expect(flow.nodes.get(flow.start)).toMatchObject({
      type: 'say',
      prompt: 'Welcome to ACME corporation',
    });
    const menu = [...flow.nodes.values()].find((node): node is MenuNode => node.type === 'menu');
    expect(menu?.prompt).toBe(
      'Which department do you need to speak with? Please say sales or finance',
    );
    expect(menu?.options.map((option) => option.say)).toEqual([['sales'], ['finance']]);
    // The flow attributes name what they hold: the module, the Lambda, the flow transferred to.
    expect(Object.keys(flow.conditions).sort()).toEqual([
      'lambda-acme-examplefunction',
      'module-acme-contact-flow-module-auto',
    ]);
    expect([...flow.nodes.values()].find((node) => node.type === 'transfer')).toMatchObject({
      to: 'flow acme_queue_transfer_AUTO',
    });
    // Alone, the flow hands the caller to another flow: no person in it.
    expect(report.human.reachable).toBe(false);
    expect(flow.imported?.unknown).toEqual([]);
  });

  it('read the queue-transfer flow as a person at once, and the customer queue flow’s messages', () => {
    expect(checked('acme_queue_transfer_AUTO').report.human).toMatchObject({
      reachable: true,
      minSteps: 0,
    });
    const queue = checked('acme_customer_queue_AUTO').flow;
    expect(
      [...queue.nodes.values()].some(
        (node) => node.type === 'say' && node.prompt?.startsWith('Hi, Thanks for calling.'),
      ),
    ).toBe(true);
  });

  it('join the flows given together: the transfer to the queue-transfer flow reaches its person', async () => {
    const files = ['acme_main_AUTO', 'acme_queue_transfer_AUTO'].map((name) =>
      fixture(`import/connect/public/${name}.json`),
    );
    const report = await checkPaths(files);
    const main = report.flows.find((flow) => flow.id === 'acme-main-auto');
    expect(main?.human).toMatchObject({ reachable: true, minSteps: 1, inputs: ['say: sales'] });
    expect(main?.flow.imported?.approximated[0]?.what).toMatch(
      /^joined with the flow acme_queue_transfer_AUTO \(.*acme_queue_transfer_AUTO\.json\)/,
    );
    // The joined flow's findings are its own file's: none appears twice.
    const joined = new Set(main?.flow.imported?.joined);
    expect(joined.size).toBeGreaterThan(0);
    expect(main?.findings.filter((finding) => joined.has(finding.node))).toEqual([]);
    // Alone, the main flow reaches no one.
    expect((await checkPaths([files[0] as string])).flows[0]?.human.reachable).toBe(false);
  });
});
