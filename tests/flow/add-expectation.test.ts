import { describe, expect, it } from 'vitest';
import { addExpectation } from '../../src/flow/add-expectation.js';
import { flowOf } from '../helpers.js';

const entry = { name: 'balance check', inputs: ['1', 'say: balance'], ends: 'agent' };
const nodes =
  'nodes:\n  main: { type: menu, prompt: Press 1., options: [{ key: 1, to: agent, say: [balance] }] }\n  agent: { type: agent }\n';

function added(text: string): string {
  const result = addExpectation(text, entry);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('adding an expectation to a flow file', () => {
  it('appends to a block list, leaving every other byte (comments, [balance]) as written', () => {
    const text = `id: f # the flow\nstart: main\n${nodes}expect:\n  - name: first # kept\n    inputs: [1]\n    ends: agent\n# the end\n`;
    expect(added(text)).toBe(
      text.replace(
        '# the end',
        '  - name: balance check\n    inputs: ["1", "say: balance"]\n    ends: agent\n# the end',
      ),
    );
    expect(flowOf(added(text)).expect.map((e) => e.name)).toEqual(['first', 'balance check']);
  });

  it('adds the list where there is none, and keeps CRLF line ends', () => {
    const text = `id: f\r\nstart: main\r\n${nodes.replace(/\n/g, '\r\n')}`;
    const result = added(text);
    expect(result.startsWith(text)).toBe(true);
    expect(result.slice(text.length)).toBe(
      'expect:\r\n  - name: balance check\r\n    inputs: ["1", "say: balance"]\r\n    ends: agent\r\n',
    );
    expect(result.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('adds to a flow list, to an empty `expect:`, and to a file with no final line break', () => {
    const flowList = `id: f\nstart: main\n${nodes}expect: [{ name: a, inputs: [], ends: main }]\n`;
    expect(flowOf(added(flowList)).expect.map((e) => e.name)).toEqual(['a', 'balance check']);
    const empty = `id: f\nstart: main\n${nodes}expect:\n`;
    expect(flowOf(added(empty)).expect.map((e) => e.name)).toEqual(['balance check']);
    const unended = `id: f\nstart: main\n${nodes}expect:\n  - { name: a, inputs: [], ends: main }`;
    expect(flowOf(added(unended)).expect.map((e) => e.name)).toEqual(['a', 'balance check']);
  });

  it('keeps JSON as JSON, on one line or many', () => {
    const oneLine = '{"id":"f","start":"a","nodes":{"a":{"type":"agent"}}}';
    const result = added(oneLine);
    expect(JSON.parse(result).expect).toEqual([entry]);
    const withList =
      '{\n  "id": "f",\n  "start": "a",\n  "nodes": { "a": { "type": "agent" } },\n  "expect": [\n    { "name": "x", "inputs": [], "ends": "a" }\n  ]\n}\n';
    const appended = added(withList);
    expect(JSON.parse(appended).expect.map((e: { name: string }) => e.name)).toEqual([
      'x',
      'balance check',
    ]);
    expect(appended).toContain(
      '{ "name": "x", "inputs": [], "ends": "a" },\n    { "name": "balance check"',
    );
  });

  it('quotes what YAML would read as something else', () => {
    const text = `id: f\nstart: main\n${nodes}`;
    const result = addExpectation(text, { name: 'yes', inputs: ['#', '*', '0'], ends: 'agent' });
    expect(result.ok && result.text).toContain('name: "yes"\n    inputs: ["#", "*", "0"]');
  });

  it('refuses a name the flow already has', () => {
    const text = `id: f\nstart: main\n${nodes}expect:\n  - { name: balance check, inputs: [], ends: main }\n`;
    const result = addExpectation(text, entry);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain('already has an expectation named');
  });
});
