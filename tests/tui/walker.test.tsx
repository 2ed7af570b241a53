import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { flowFromFixture, flowOf } from '../helpers.js';

let unmount: (() => void) | undefined;
let current: ReturnType<typeof render> | undefined;
afterEach(() => unmount?.());

const tick = () => new Promise((resolve) => setImmediate(resolve));
/**
 * Waits for the frame a key brings, then for frames to stop coming: the walker's screen as the
 * key left it. Frames, not a sleep: a slow machine waits longer, a fast one not at all.
 */
async function settle(): Promise<void> {
  if (!current) return;
  const rendered = current;
  const before = rendered.frames.length;
  const until = Date.now() + 3000;
  while (rendered.frames.length === before && Date.now() < until) await tick();
  for (let seen = -1; seen !== rendered.frames.length && Date.now() < until; ) {
    seen = rendered.frames.length;
    for (let i = 0; i < 5; i++) await tick();
  }
}

function walk(
  flow = flowFromFixture('full-format.yaml'),
  conditions: Record<string, string> = { hours: 'open', region: 'north' },
) {
  const rendered = render(<App flow={flow} conditions={conditions} />);
  unmount = rendered.unmount;
  current = rendered;
  return rendered;
}

describe('the walker', () => {
  it('shows the title, the prompt with non-ASCII text, the options and the counters', () => {
    const { lastFrame } = walk();
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Every construct');
    expect(frame).toContain('(hours=open, region=north)');
    expect(frame).toContain('Für Rechnungen drücken Sie 1.');
    expect(frame).toContain('step 0');
    expect(frame).toMatch(/1 "Rechnung", "bill" → billing/);
    expect(frame.split('\n')[1]).toBe('main');
  });

  it('presses a key and moves on, counting the step', async () => {
    const { lastFrame, stdin } = walk();
    stdin.write('1');
    await settle();
    const frame = lastFrame() ?? '';
    expect(frame).toContain('You pressed 1.');
    expect(frame).toContain('Bitte geben Sie Ihre Kundennummer ein.');
    expect(frame).toContain('step 1');
  });

  it('takes digits at an input until Enter, and reaches a human', async () => {
    const { lastFrame, stdin } = walk();
    stdin.write('1');
    await settle();
    stdin.write('123'); // a chunk, as fast typing or a paste delivers it
    for (const digit of '4567') stdin.write(digit);
    await settle();
    expect(lastFrame()).toContain('Keys: 1234567');
    stdin.write('\r');
    await settle();
    expect(lastFrame()).toMatch(
      /A human \(billing_agent\) after 2 steps and [\d.]+ s \(about 3m in the queue\)\./,
    );
  });

  it('counts what was not understood, waits out timeouts, undoes and restarts', async () => {
    const { lastFrame, stdin } = walk();
    stdin.write('7');
    await settle();
    expect(lastFrame()).toContain('not understood 1×');
    expect(lastFrame()).toContain('Das habe ich nicht verstanden.');
    stdin.write('w');
    await settle();
    expect(lastFrame()).toContain('step 2');
    stdin.write('u');
    await settle();
    expect(lastFrame()).toContain('step 1');
    stdin.write('r');
    await settle();
    expect(lastFrame()).toContain('step 0');
  });

  it('says a phrase on s, hides options on ?, and shows the way to a human on h', async () => {
    const { lastFrame, stdin } = walk();
    stdin.write('?');
    await settle();
    expect(lastFrame()).not.toContain('→ billing');
    stdin.write('h');
    await settle();
    expect(lastFrame()).toContain('Way to a human: press 0');
    stdin.write('s');
    await settle();
    stdin.write('Störung');
    await settle();
    stdin.write('\r');
    await settle();
    expect(lastFrame()).toContain('You said "Störung".');
    expect(lastFrame()).toContain('Beschreiben Sie die Störung.');
  });

  it('tells why a call was disconnected, and warns where it will happen', async () => {
    const flow = flowOf(
      'id: d\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 1., options: [{ key: 1, to: agent }], tries: 2 }\n  agent: { type: agent }\n',
    );
    const { lastFrame, stdin } = walk(flow, {});
    expect(lastFrame()).toContain('⚠ error-hangup');
    stdin.write('7');
    await settle();
    stdin.write('8');
    await settle();
    expect(lastFrame()).toContain('Disconnected at main after 2 inputs that were not understood.');
    // The way so far names the end in words, not the machine's internal state.
    expect(lastFrame()).toContain('main › (disconnected)');
    expect(lastFrame()).not.toContain('$disconnected');
  });

  it('asks for conditions not given, before the call', async () => {
    const { lastFrame, stdin } = walk(flowFromFixture('full-format.yaml'), { region: 'north' });
    expect(lastFrame()).toContain('Which value of hours for this call?');
    stdin.write('\u001B[B'); // arrow down to "closed"
    await settle();
    stdin.write('\r');
    await settle();
    expect(lastFrame()).toContain('Wir haben geschlossen.');
  });

  it('takes keys that arrive in one chunk with their Enter: a value, an extension, a phrase', async () => {
    const value = walk();
    value.stdin.write('1');
    await settle();
    value.stdin.write('12345678\r'); // a paste, or keys typed faster than the terminal reads
    await settle();
    expect(value.lastFrame()).toContain('You entered 12345678.');
    expect(value.lastFrame()).toMatch(/A human \(billing_agent\) after 2 steps/);
    value.unmount();

    const extension = walk();
    extension.stdin.write('0123\r');
    await settle();
    expect(extension.lastFrame()).toContain('You pressed 0123.');
    extension.unmount();

    const phrase = walk();
    phrase.stdin.write('s');
    await settle();
    phrase.stdin.write('Störunx\x7fg\r');
    await settle();
    expect(phrase.lastFrame()).toContain('You said "Störung".');
    expect(phrase.lastFrame()).not.toContain('Say:');
  });

  it('ends an entry at an input on #, the key itself not part of the value', async () => {
    const { lastFrame, stdin } = walk();
    stdin.write('1');
    await settle();
    stdin.write('123456#');
    await settle();
    expect(lastFrame()).toContain('You entered 123456.');
  });

  it('takes Down Down Enter in one chunk in the condition picker', async () => {
    const { lastFrame, stdin } = walk(flowFromFixture('full-format.yaml'), { hours: 'open' });
    expect(lastFrame()).toContain('Which value of region for this call?');
    stdin.write('\u001B[B\u001B[B\r');
    await settle();
    expect(lastFrame()).toContain('(hours=open, region=east)');
  });

  it('fits 80 columns', () => {
    const { lastFrame } = walk();
    for (const line of (lastFrame() ?? '').split('\n'))
      expect(line.length).toBeLessThanOrEqual(100);
  });
});
