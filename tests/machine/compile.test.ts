import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { ConditionError, resolveConditions } from '../../src/flow/conditions.js';
import { compile } from '../../src/machine/compile.js';
import type { CallerEvent } from '../../src/machine/events.js';
import { DISCONNECTED, HUNG_UP, stateMetaOf } from '../../src/machine/states.js';
import { flowFromFixture, flowOf } from '../helpers.js';

/** Starts a call and returns a function that sends events and says where the call stands. */
function call(yaml: string, conditions: Record<string, string> = {}) {
  const actor = createActor(compile(flowOf(yaml)), { input: { conditions } }).start();
  const send = (...events: CallerEvent[]) => {
    for (const event of events) actor.send(event);
    return String(actor.getSnapshot().value);
  };
  return { actor, send, at: () => String(actor.getSnapshot().value) };
}

const press = (key: string): CallerEvent => ({ type: 'press', key });
const invalid: CallerEvent = { type: 'invalid' };
const silence: CallerEvent = { type: 'silence' };

const menu = (handlers: string, extra = '') => `id: m
start: main
settings: { tries: 3 }
nodes:
  main:
    type: menu
    prompt: Press 1 for billing, 0 for an agent, star to repeat.
    options:
      - { key: 1, to: billing, say: [billing, bill] }
      - { key: 0, to: agent }
      - { key: "*", repeat: true }
${handlers}
  billing: { type: menu, prompt: Press 9 to go back., options: [{ key: 9, to: main }] }
  agent: { type: agent, queue: general }
  help: { type: say, prompt: Let me help., next: main }
${extra}`;

describe('compiling a flow into its machine', () => {
  it('starts at the start node, passing say and branch nodes by themselves', () => {
    const flow = flowFromFixture('full-format.yaml');
    const open = createActor(compile(flow), { input: { conditions: { hours: 'open' } } }).start();
    expect(open.getSnapshot().value).toBe('main');
    const closed = createActor(compile(flow), {
      input: { conditions: { hours: 'closed' } },
    }).start();
    expect(closed.getSnapshot().value).toBe('closed');
    expect(closed.getSnapshot().status).toBe('done');
  });

  it('takes the first declared value of a condition not given, and refuses unknown ones', () => {
    const flow = flowFromFixture('full-format.yaml');
    expect(
      createActor(compile(flow), { input: {} }).start().getSnapshot().context.conditions,
    ).toEqual({
      hours: 'open',
      region: 'north',
    });
    expect(() => resolveConditions(flow, { hours: 'late' })).toThrow(ConditionError);
    expect(() => resolveConditions(flow, { weather: 'rain' })).toThrow(
      /no condition "weather"; its conditions are: hours, region/,
    );
    const refused = createActor(compile(flow), { input: { conditions: { hours: 'late' } } });
    refused.subscribe({ error: () => {} });
    refused.start();
    expect(refused.getSnapshot().status).toBe('error');
    expect(refused.getSnapshot().error).toBeInstanceOf(ConditionError);
  });

  it('follows a branch by its condition, and its default for values with no case', () => {
    const yaml = `id: b
start: check
conditions: { region: [north, south, east] }
nodes:
  check: { type: branch, condition: region, cases: { north: n, south: s }, default: d }
  n: { type: hangup }
  s: { type: hangup }
  d: { type: hangup }
`;
    expect(call(yaml, { region: 'north' }).at()).toBe('n');
    expect(call(yaml, { region: 'south' }).at()).toBe('s');
    expect(call(yaml, { region: 'east' }).at()).toBe('d');
  });

  it('moves on by key, by phrase, and replays the menu on repeat', () => {
    const { send } = call(menu(''));
    expect(send(press('*'))).toBe('main');
    expect(send({ type: 'say', phrase: 'My BILL, please!' })).toBe('billing');
    expect(send(press('9'), press('0'))).toBe('agent');
  });

  it('carries the node type, prompt and position in each state meta', () => {
    const { actor } = call(menu(''));
    const meta = stateMetaOf(actor.getSnapshot());
    expect(meta).toEqual({
      nodeId: 'main',
      type: 'menu',
      prompt: 'Press 1 for billing, 0 for an agent, star to repeat.',
      line: 5,
      column: 3,
    });
  });

  it('disconnects after exactly `tries` no-matches when there is no then', () => {
    const { send, actor } = call(menu(''));
    expect(send(invalid, press('7'))).toBe('main');
    expect(actor.getSnapshot().context.noMatchCount).toBe(2);
    expect(send({ type: 'say', phrase: 'banana' })).toBe(DISCONNECTED);
    expect(actor.getSnapshot().context.disconnected).toEqual({ node: 'main', because: 'noMatch' });
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('goes to `then` after the handler own tries, and counts no-input apart from no-match', () => {
    const { send, actor } = call(
      menu('    noMatch: { then: help, tries: 2 }\n    noInput: { then: agent }'),
    );
    expect(send(invalid, silence, silence)).toBe('main');
    expect(actor.getSnapshot().context).toMatchObject({ noMatchCount: 1, noInputCount: 2 });
    expect(send(invalid)).toBe('main'); // via help, which leads back: counts start again
    expect(actor.getSnapshot().context).toMatchObject({ noMatchCount: 0, noInputCount: 0 });
    expect(send(silence, silence, silence)).toBe('agent');
  });

  it('starts the counts again when the call enters the node again by an option', () => {
    const { send, actor } = call(menu(''));
    send(invalid, invalid);
    expect(send(press('1'), press('9'))).toBe('main');
    expect(actor.getSnapshot().context.noMatchCount).toBe(0);
    expect(send(invalid, invalid)).toBe('main');
    expect(send(invalid)).toBe(DISCONNECTED);
  });

  it('keeps the counts on repeat, which replays the node without entering it anew', () => {
    const { send, actor } = call(menu(''));
    send(invalid, press('*'));
    expect(actor.getSnapshot().context.noMatchCount).toBe(1);
  });

  it('restarts the counts when a then names the node itself, reprompting for ever', () => {
    const { send, actor } = call(menu('    noMatch: { then: main, tries: 2 }'));
    for (let i = 0; i < 20; i++) expect(send(invalid)).toBe('main');
    expect(actor.getSnapshot().context.noMatchCount).toBeLessThan(2);
  });

  it('never runs out with tries: unlimited', () => {
    const { send } = call(menu('    noInput: { tries: unlimited, then: agent }'));
    for (let i = 0; i < 50; i++) expect(send(silence)).toBe('main');
    expect(send(press('0'))).toBe('agent');
  });

  it('takes settings.tries when neither the node nor the handler sets them', () => {
    const { send } = call(menu('', '').replace('tries: 3', 'tries: 1'));
    expect(send(silence)).toBe(DISCONNECTED);
  });

  it('collects a value of the right length and refuses others', () => {
    const yaml = `id: i
start: number
nodes:
  number:
    type: input
    prompt: Your number?
    collect: customerNumber
    digits: [4, 6]
    next: done
    noMatch: { tries: 2 }
  done: { type: agent }
`;
    const { send, actor } = call(yaml);
    expect(send({ type: 'enter', value: '123' })).toBe('number');
    expect(send({ type: 'enter', value: '12345' })).toBe('done');
    expect(actor.getSnapshot().context.collected).toEqual({ customerNumber: '12345' });
    const other = call(yaml);
    expect(other.send({ type: 'enter', value: '12ab' }, { type: 'enter', value: '1234567' })).toBe(
      DISCONNECTED,
    );
  });

  it('accepts anything said at an input without digits', () => {
    const yaml = `id: i
start: fault
nodes:
  fault: { type: input, prompt: What is wrong?, collect: fault, next: done }
  done: { type: hangup }
`;
    const { send, actor } = call(yaml);
    expect(send({ type: 'say', phrase: 'no dial tone' })).toBe('done');
    expect(actor.getSnapshot().context.collected).toEqual({ fault: 'no dial tone' });
  });

  it('ends the call when the caller hangs up', () => {
    const { send, actor } = call(menu(''));
    expect(send({ type: 'hangUp' })).toBe(HUNG_UP);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('takes a multi-digit extension in one step', () => {
    const flow = flowFromFixture('full-format.yaml');
    const actor = createActor(compile(flow), { input: {} }).start();
    actor.send(press('0123'));
    expect(actor.getSnapshot().value).toBe('extension');
  });
});
