/**
 * The walker as a person uses it: the real command in a real terminal (tmux), the screen read
 * back. Keys go one by one and in bursts (one send-keys, as a paste or fast typing arrives).
 * `.ci/run` installs tmux, so CI always runs this.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startTwimlApp } from '../live/twiml-app.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `phonemaze-e2e-${process.pid}`;
const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
const flow = new URL('../../flows/5-isdn-fault.mended.yaml', import.meta.url).pathname;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p');

async function waitFor(text: string): Promise<string> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the screen never showed "${text}":\n${screen()}`);
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux && !process.env.CI)('walking a bundled flow in a real terminal', () => {
  it('reaches a human with keys typed at 80×24, and q leaves the terminal as it was', async () => {
    // Ink draws only the final frame when it sees CI variables; a person's terminal has none.
    const command = `env -u CI -u CONTINUOUS_INTEGRATION node ${bin} walk ${flow}; echo "walker exited $?"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    let shown = await waitFor('Ihre achtstellige');
    expect(shown).toContain('Geschäftskunden-Hotline 24/7 (verbessert)');
    for (const key of '1234') tmux('send-keys', '-t', session, key);
    await waitFor('Keys: 1234');
    tmux('send-keys', '-t', session, '5678', 'Enter'); // one burst, its Enter too
    shown = await waitFor('Für eine Störung');
    expect(shown).toContain('step 1');
    tmux('send-keys', '-t', session, 's');
    await waitFor('Say:');
    tmux('send-keys', '-t', session, 'Störung', 'Enter');
    shown = await waitFor('Beschreiben Sie bitte');
    expect(shown).toContain('You said "Störung".');
    tmux('send-keys', '-t', session, 's', 'kein Signal', 'Enter');
    shown = await waitFor('A human (techniker) after 3 steps');
    expect(shown).toContain('about 5m in the queue');
    tmux('send-keys', '-t', session, 'q');
    shown = await waitFor('walker exited 0');
    expect(shown).not.toContain('Error');
  });

  it('follows resizes: no lines left behind, title and counters apart, a too-small window said', async () => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    const command = `env -u CI -u CONTINUOUS_INTEGRATION node ${bin} walk ${flow}; echo "walker exited $?"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    await waitFor('Ihre achtstellige');
    tmux('resize-window', '-t', session, '-x', '50', '-y', '24');
    let shown = await waitFor('step 0');
    await new Promise((resolve) => setTimeout(resolve, 300));
    shown = screen();
    const titles = shown.split('\n').filter((line) => line.includes('Geschäftskunden-Hotline'));
    expect(titles, shown).toHaveLength(1);
    // The title is cut short before the counters, with room between them.
    expect(titles[0]).toMatch(/Geschäftskunden.*\s{2,}step 0 · \d+ s\s*$/);
    expect(shown.split('\n').filter((line) => line.includes('Willkommen'))).toHaveLength(1);
    tmux('resize-window', '-t', session, '-x', '30', '-y', '8');
    shown = await waitFor('too small');
    expect(shown.replace(/\s+/g, ' ')).toContain('it needs 40×12');
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor('Ihre achtstellige');
    tmux('send-keys', '-t', session, 'q');
    await waitFor('walker exited 0');
  });

  it('takes Down Enter sent as one burst in the condition picker', async () => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    const acme = new URL('../../flows/acme-support.yaml', import.meta.url).pathname;
    const command = `env -u CI -u CONTINUOUS_INTEGRATION node ${bin} walk ${acme}; echo "walker exited $?"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    await waitFor('Which value of hours');
    tmux('send-keys', '-t', session, 'Down', 'Enter');
    const shown = await waitFor('(hours=closed)');
    expect(shown).toContain('We are closed.');
    tmux('send-keys', '-t', session, 'q');
    await waitFor('walker exited 0');
  });

  it('walks a running TwiML app: crawled first, each key sent to the app too', async () => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    const app = await startTwimlApp();
    try {
      const command = `env -u CI -u CONTINUOUS_INTEGRATION node ${bin} walk --against ${app.url}; echo "walker exited $?"; sleep 30`;
      tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
      let shown = await waitFor('the same (waits at a <Gather>)');
      expect(shown).toContain('For billing, press 1.');
      tmux('send-keys', '-t', session, '1');
      shown = await waitFor('For your balance');
      tmux('send-keys', '-t', session, '2');
      shown = await waitFor('the same (<Enqueue> billing)');
      expect(shown).toContain('A human (agent-billing) after 2 steps');
      tmux('send-keys', '-t', session, 'q');
      await waitFor('walker exited 0');
    } finally {
      await app.close();
    }
  });
});
