import { describe, expect, it } from 'vitest';
import { Call } from '../../src/call/call.js';
import { ConditionError } from '../../src/flow/conditions.js';
import { DISCONNECTED, HUNG_UP } from '../../src/machine/states.js';
import { flowOf } from '../helpers.js';

const flow = flowOf(`id: calls
start: hello
settings: { wordsPerMinute: 60, timeout: 4s }
conditions: { hours: [open, closed] }
nodes:
  hello: { type: say, prompt: Hello there, next: check }
  check: { type: branch, condition: hours, cases: { open: main, closed: closed } }
  main:
    type: menu
    prompt: Press one
    options:
      - { key: 1, to: number }
      - { key: 2, to: partner }
      - { key: 3, to: done }
      - { key: "*", repeat: true }
      - { say: [person], to: agent }
    noMatch: { prompt: Sorry, tries: 2 }
    noInput: { then: agent, tries: 1 }
  number: { type: input, prompt: Your number, collect: customerNumber, digits: 4, next: agent }
  partner: { type: transfer, to: "+49 30 1234" }
  done: { type: hangup, prompt: Goodbye, outcome: resolved }
  closed: { type: hangup, prompt: We are closed }
  agent: { type: agent, wait: 2m }
`);

describe('a simulated call', () => {
  it('hears the prompts of the nodes it passes, and counts their time', () => {
    const call = new Call(flow, { hours: 'open' });
    expect(call.transcript[0]?.heard.map((h) => h.node)).toEqual(['hello', 'main']);
    expect(call.node).toBe('main');
    expect(call.secondsInMenus).toBe(4); // 2 words + 2 words at 60 a minute
    expect(call.stepCount).toBe(0);
  });

  it('reprompts on a no-match with the handler prompt, then the node prompt', () => {
    const call = new Call(flow);
    const entry = call.sendWritten('7');
    expect(entry).toMatchObject({ input: '7', effect: 'noMatch', node: 'main', steps: 1 });
    expect(entry.heard).toEqual([
      { node: 'main', prompt: 'Sorry' },
      { node: 'main', prompt: 'Press one' },
    ]);
    expect(call.secondsInMenus).toBe(4 + 1 + 2);
    expect(call.notUnderstoodCount).toBe(1);
  });

  it('is disconnected after the tries, and says why', () => {
    const call = new Call(flow);
    call.sendWritten('invalid');
    call.sendWritten('say: banana');
    expect(call.node).toBe(DISCONNECTED);
    expect(call.outcome()).toEqual({
      kind: 'disconnected',
      node: 'main',
      because: 'noMatch',
      tries: 2,
    });
  });

  it('waits out the timeout on silence and follows noInput', () => {
    const call = new Call(flow);
    call.sendWritten('silence');
    expect(call.outcome()).toEqual({ kind: 'human', node: 'agent', queueSeconds: 120 });
    expect(call.secondsInMenus).toBe(4 + 4);
  });

  it('collects a value and reaches a person', () => {
    const call = new Call(flow);
    call.sendWritten('1');
    call.sendWritten('value: 4711');
    expect(call.collected).toEqual({ customerNumber: '4711' });
    expect(call.outcome()).toMatchObject({ kind: 'human' });
    expect(call.stepCount).toBe(2);
  });

  it('enters a valid value for a bare "value", as reports write it', () => {
    const call = new Call(flow);
    call.sendWritten('1');
    call.sendWritten('value');
    expect(call.collected).toEqual({ customerNumber: '1111' });
  });

  it('replays the menu on repeat, and picks an option by phrase', () => {
    const call = new Call(flow);
    expect(call.sendWritten('*')).toMatchObject({
      effect: 'repeat',
      heard: [{ node: 'main', prompt: 'Press one' }],
    });
    expect(call.sendWritten('say: a person please').node).toBe('agent');
  });

  it('ends in a transfer, a hang-up, or the caller hanging up', () => {
    const transfer = new Call(flow);
    transfer.sendWritten('2');
    expect(transfer.outcome()).toEqual({ kind: 'transfer', node: 'partner', to: '+49 30 1234' });
    const resolved = new Call(flow);
    resolved.sendWritten('3');
    expect(resolved.outcome()).toEqual({ kind: 'hangup', node: 'done', outcome: 'resolved' });
    const closed = new Call(flow, { hours: 'closed' });
    expect(closed.outcome()).toEqual({ kind: 'hangup', node: 'closed', outcome: 'unresolved' });
    const gone = new Call(flow);
    gone.send({ type: 'hangUp' });
    expect(gone.node).toBe(HUNG_UP);
    expect(gone.outcome()).toEqual({ kind: 'abandoned', node: 'main' });
    expect(gone.stepCount).toBe(0);
  });

  it('ignores inputs after the call has ended', () => {
    const call = new Call(flow);
    call.sendWritten('3');
    call.sendWritten('1');
    expect(call.node).toBe('done');
    expect(call.stepCount).toBe(1);
  });

  it('refuses unknown conditions and unreadable inputs', () => {
    expect(() => new Call(flow, { hours: 'lunch' })).toThrow(ConditionError);
    expect(() => new Call(flow).sendWritten('press 1')).toThrow(/"press 1" is not a caller input/);
  });
});
