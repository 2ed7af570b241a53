import { describe, expect, it } from 'vitest';
import { entryComplete } from '../../src/call/entry.js';
import { commandFor, keysIn, pickCommandFor, sayCommandFor } from '../../src/tui/keys.js';
import { WalkSession } from '../../src/walk/session.js';
import { flowFromFixture, flowOf } from '../helpers.js';

describe('key bindings', () => {
  it('names a command for each key', () => {
    expect(commandFor({ input: '5' }, false)).toEqual({ name: 'dial', key: '5' });
    expect(commandFor({ input: '#' }, false)).toEqual({ name: 'dial', key: '#' });
    expect(commandFor({ input: '23' }, false)).toBeUndefined(); // keysIn splits chunks first
    expect(commandFor({ input: '', return: true }, false)).toEqual({ name: 'waitOut' });
    expect(commandFor({ input: '', return: true }, true)).toEqual({ name: 'submitDigits' });
    expect(commandFor({ input: 'w' }, false)).toEqual({ name: 'waitOut' });
    expect(commandFor({ input: '/' }, false)).toEqual({ name: 'openSay' });
    expect(commandFor({ input: 'c', ctrl: true }, false)).toEqual({ name: 'quit' });
    expect(commandFor({ input: 'x' }, false)).toBeUndefined();
  });

  it('splits a chunk into its keys, the Enter and a backspace too', () => {
    expect(keysIn({ input: '12\r' })).toEqual([
      { input: '1' },
      { input: '2' },
      { input: '', return: true },
    ]);
    expect(keysIn({ input: 'ab\x7f' })).toEqual([
      { input: 'a' },
      { input: 'b' },
      { input: '', backspace: true },
    ]);
    expect(keysIn({ input: '\r' })).toEqual([{ input: '', return: true }]);
    expect(keysIn({ input: '', downArrow: true })).toEqual([{ input: '', downArrow: true }]);
  });

  it('names a command for each key in the say box and in the condition picker', () => {
    expect(sayCommandFor({ input: 'a' })).toEqual({ name: 'type', text: 'a' });
    expect(sayCommandFor({ input: '', return: true })).toEqual({ name: 'say' });
    expect(sayCommandFor({ input: '', escape: true })).toEqual({ name: 'cancel' });
    expect(sayCommandFor({ input: '', backspace: true })).toEqual({ name: 'erase' });
    expect(pickCommandFor({ input: '', downArrow: true })).toEqual({ name: 'next' });
    expect(pickCommandFor({ input: 'k' })).toEqual({ name: 'previous' });
    expect(pickCommandFor({ input: '', return: true })).toEqual({ name: 'choose' });
  });

  it('waits for the rest of an extension, but not for a single key', () => {
    const menu = flowFromFixture('full-format.yaml').nodes.get('main');
    expect(entryComplete(menu, '1')).toBe(true);
    expect(entryComplete(menu, '0')).toBe(false); // 0123 is an extension
    expect(entryComplete(menu, '0123')).toBe(true);
    expect(entryComplete(flowFromFixture('full-format.yaml').nodes.get('billing'), '1')).toBe(
      false,
    );
  });
});

const flow = flowOf(`id: s
start: main
nodes:
  main:
    type: menu
    prompt: Press 1 or 2.
    options: [{ key: 1, to: more }, { key: 2, to: bye }]
    noMatch: { then: bye }
  more:
    type: menu
    prompt: Press 0 for a person.
    options: [{ key: 0, to: agent }]
    noMatch: { then: agent }
    noInput: { then: agent }
  bye: { type: hangup }
  agent: { type: agent }
`);

describe('a walk', () => {
  it('undoes a step by replaying the others, and starts again', () => {
    const walk = new WalkSession(flow);
    walk.send({ type: 'press', key: '1' });
    walk.send({ type: 'press', key: '0' });
    expect(walk.call.node).toBe('agent');
    walk.sendWritten('silence'); // the call has ended: nothing happens, nothing is kept
    expect(walk.inputs).toEqual(['1', '0']);
    walk.undo();
    expect(walk.call.node).toBe('more');
    expect(walk.inputs).toEqual(['1']);
    expect(walk.call.stepCount).toBe(1);
    walk.restart();
    expect(walk.call.node).toBe('main');
    expect(walk.inputs).toEqual([]);
  });

  it('knows the shortest way to a human from where the caller stands', () => {
    const walk = new WalkSession(flow);
    expect(walk.wayToHuman()).toEqual(['1', '0']);
    walk.send({ type: 'press', key: '1' });
    expect(walk.wayToHuman()).toEqual(['0']);
    walk.undo();
    walk.send({ type: 'press', key: '2' });
    expect(walk.wayToHuman()).toBeUndefined();
  });

  it('warns where the check points: an error hang-up ahead', () => {
    const walk = new WalkSession(flow);
    expect(walk.warningsHere().map((finding) => finding.rule)).toContain('error-hangup');
    walk.send({ type: 'press', key: '1' });
    expect(walk.warningsHere().map((finding) => finding.rule)).not.toContain('error-hangup');
  });
});
