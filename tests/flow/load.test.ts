import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFlowFile, parseFlow } from '../../src/flow/load.js';
import type { Flow, InputNode, MenuNode } from '../../src/flow/types.js';
import { fixture, flowOf } from '../helpers.js';

function withoutPositions(flow: Flow): unknown {
  return JSON.parse(
    JSON.stringify({ ...flow, file: undefined, nodes: [...flow.nodes.entries()] }, (key, value) =>
      key === 'at' || key === 'conditionsAt' ? undefined : value,
    ),
  );
}

describe('loading the whole flow format', () => {
  it('reads every construct of the format', async () => {
    const flow = await loadFlowFile(fixture('full-format.yaml'));
    expect(flow.id).toBe('full-format');
    expect(flow.language).toBe('de-DE');
    expect(flow.settings).toEqual({ wordsPerMinute: 120, timeoutSeconds: 90, tries: 2 });
    expect(flow.conditions).toEqual({
      hours: ['open', 'closed'],
      region: ['north', 'south', 'east'],
    });
    expect(flow.limits).toEqual({ maxStepsToHuman: 4, maxSecondsToHuman: 90 });
    expect(flow.rules).toEqual({
      'unannounced-key': { severity: 'off', at: { line: 21, column: 3 } },
    });
    expect([...flow.nodes.keys()]).toEqual([
      'welcome',
      'hours_check',
      'region_check',
      'main',
      'billing',
      'fault',
      'fault_end',
      'extension',
      'billing_agent',
      'agent',
      'closed',
    ]);

    const main = flow.nodes.get('main') as MenuNode;
    expect(main.timeoutSeconds).toBe(8);
    expect(main.options.map((o) => o.key)).toEqual(['1', '0', '0123', undefined, '*', '#']);
    expect(main.options[3]).toMatchObject({
      say: ['Störung', 'fault'],
      to: 'fault',
      repeat: false,
    });
    expect(main.options[4]).toMatchObject({ repeat: true });
    expect(main.options[4]?.to).toBeUndefined();
    expect(main.noMatch).toMatchObject({
      then: 'agent',
      tries: 3,
      written: true,
      prompt: 'Das habe ich nicht verstanden.',
    });
    expect(main.noInput).toMatchObject({ tries: Number.POSITIVE_INFINITY, written: true });
    expect(main.noInput.then).toBeUndefined();

    const billing = flow.nodes.get('billing') as InputNode;
    expect(billing.digits).toEqual({ min: 6, max: 8 });
    expect(billing.noMatch.tries).toBe(2); // from settings.tries, as the node sets none
    expect(billing.noMatch.prompt).toBe('Diese Nummer ist ungültig, bitte noch einmal.');
    expect(billing.timeoutSeconds).toBe(90);

    const fault = flow.nodes.get('fault') as InputNode;
    expect(fault.noMatch).toMatchObject({ written: false, tries: 2 });
    expect(fault.digits).toBeUndefined();

    expect(flow.nodes.get('welcome')).toMatchObject({ type: 'say', promptSeconds: 4 });
    expect(flow.nodes.get('extension')).toMatchObject({ type: 'transfer', to: '0800123456' });
    expect(flow.nodes.get('billing_agent')).toMatchObject({
      type: 'agent',
      waitSeconds: 180,
      queue: 'billing',
    });
    expect(flow.nodes.get('agent')).toMatchObject({ waitSeconds: 90 });
    expect(flow.nodes.get('fault_end')).toMatchObject({ outcome: 'resolved' });
    expect(flow.nodes.get('closed')).toMatchObject({ outcome: 'unresolved' });
    expect(flow.nodes.get('region_check')).toMatchObject({
      type: 'branch',
      cases: { north: 'main' },
      default: 'main',
    });

    expect(flow.expect.map((e) => e.within)).toEqual([
      { kind: 'steps', steps: 2 },
      { kind: 'seconds', seconds: 60 },
      undefined,
      undefined,
      undefined,
    ]);
    expect(flow.expect[3]?.inputs).toEqual(['1', 'value: 1234567']);
    expect(flow.expect[4]?.given).toEqual({ hours: 'open', region: 'east' });
  });

  it('estimates a prompt from its words at the flow speaking rate', () => {
    const flow = flowOf(
      `id: x\nstart: a\nsettings: { wordsPerMinute: 120 }\nnodes:\n  a: { type: hangup, prompt: "one two three four five six" }\n`,
    );
    expect(flow.nodes.get('a')).toMatchObject({ promptSeconds: 3 });
  });

  it('gives every node its line and column', async () => {
    const flow = await loadFlowFile(fixture('full-format.yaml'));
    const lines = readFileSync(fixture('full-format.yaml'), 'utf8').split('\n');
    for (const node of flow.nodes.values()) {
      expect(lines[node.at.line - 1]?.slice(node.at.column - 1)).toMatch(
        new RegExp(`^${node.id}:`),
      );
    }
  });

  it('reads the same model from JSON as from YAML', async () => {
    const yaml = await loadFlowFile(fixture('full-format.yaml'));
    const json = JSON.stringify(
      parse(readFileSync(fixture('full-format.yaml'), 'utf8'), { version: '1.2' }),
      null,
      2,
    )
      // YAML writes the extension key 0123 as digits; JSON must quote it to keep the zero.
      .replace(`"key": 123`, `"key": "0123"`)
      .replace(`"to": 800123456`, `"to": "0800123456"`);
    const result = parseFlow(json, 'full-format.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(withoutPositions(result.flow)).toEqual(withoutPositions(yaml));
  });

  it('takes names in any alphabet, and still refuses a name that starts with a digit', () => {
    const flow = flowOf(
      'id: krankenkasse\nstart: hauptmenü\nconditions:\n  öffnungszeit: [geöffnet, geschlossen]\nnodes:\n  hauptmenü: { type: branch, condition: öffnungszeit, cases: { geöffnet: kündigung, geschlossen: 相談 } }\n  kündigung: { type: agent }\n  相談: { type: agent }\n',
    );
    expect([...flow.nodes.keys()]).toEqual(['hauptmenü', 'kündigung', '相談']);
    const bad = parseFlow('id: x\nstart: 1menü\nnodes:\n  1menü: { type: agent }\n', 'x.yaml');
    expect(bad.ok ? [] : bad.problems.map((problem) => problem.hint)).toContain(
      'Names start with a letter (of any alphabet) and use letters, digits, `_` and `-`, e.g. `billing_menu` or `hauptmenü`.',
    );
  });

  it('reads YAML 1.2: yes, no, on and off are text', () => {
    const flow = flowOf(
      `id: x\nstart: a\nconditions: { answer: [yes, no], power: [on, off] }\nnodes:\n  a: { type: branch, condition: answer, cases: { yes: b, no: b } }\n  b: { type: hangup }\n`,
    );
    expect(flow.conditions).toEqual({ answer: ['yes', 'no'], power: ['on', 'off'] });
  });

  it('keeps the digits of keys and numbers as written', () => {
    const flow = flowOf(
      `id: x\nstart: a\nnodes:\n  a:\n    type: menu\n    prompt: Dial 007 or 0\n    options: [{ key: 007, to: b }, { key: 0, to: b }]\n  b: { type: transfer, to: 0049301234 }\n`,
    );
    expect((flow.nodes.get('a') as MenuNode).options.map((o) => o.key)).toEqual(['007', '0']);
    expect(flow.nodes.get('b')).toMatchObject({ to: '0049301234' });
  });
});
