/** The walker following a running app (`walk --against`): the app's answer under each step, undo and restart included. */
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../src/flow/load.js';
import type { Flow } from '../../src/flow/types.js';
import { liveApp } from '../../src/live/app.js';
import { crawlTwimlApp } from '../../src/live/crawl-app.js';
import { LiveMirror } from '../../src/live/mirror.js';
import { App } from '../../src/tui/App.js';
import { startTwimlApp, type TwimlApp } from '../live/twiml-app.js';

let app: TwimlApp;
let text: string;
let unmount: (() => void) | undefined;
beforeAll(async () => {
  app = await startTwimlApp();
  text = (await crawlTwimlApp({ url: app.url })).text;
});
afterAll(() => app.close());
afterEach(() => unmount?.());

function flowOf(yaml: string): Flow {
  const read = parseFlow(yaml, 'crawled.yaml');
  if (!read.ok) throw new Error(read.problems[0]?.message);
  return read.flow;
}

function walk(flow: Flow) {
  const live = {
    url: app.url,
    mirrorFor: (conditions: Readonly<Record<string, string>>) =>
      new LiveMirror(liveApp({ url: app.url }), flow, conditions),
  };
  const rendered = render(<App flow={flow} conditions={{}} live={live} />);
  unmount = rendered.unmount;
  return rendered;
}

/** The frame once it shows the text: the app answers over HTTP, so this waits for frames as they come. */
async function frameWith(rendered: ReturnType<typeof render>, wanted: string): Promise<string> {
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    const frame = rendered.lastFrame() ?? '';
    if (frame.includes(wanted)) return frame;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never showed "${wanted}":\n${rendered.lastFrame()}`);
}

describe('the walker against a running app', () => {
  it('says the app does the same at the start and after a key', async () => {
    const rendered = walk(flowOf(text));
    await frameWith(rendered, 'the same (waits at a <Gather>)');
    rendered.stdin.write('1');
    const frame = await frameWith(rendered, 'For your balance, press 1.');
    expect(frame).toContain('step 1');
    rendered.stdin.write('2');
    await frameWith(rendered, 'the same (<Enqueue> billing)');
  });

  it('shows where the app differs, and follows an undo back to where they agree', async () => {
    const flow = flowOf(text.replace('{ key: "0", to: agent }', '{ key: "8", to: agent }'));
    const rendered = walk(flow);
    await frameWith(rendered, 'the same (waits at a <Gather>)');
    rendered.stdin.write('8');
    const differs = await frameWith(rendered, '✗ app');
    expect(differs.replace(/\s+/g, ' ')).toContain(
      'the flow says “Please hold for the next available agent.”, the app said “Sorry, that is not an option.',
    );
    rendered.stdin.write('u');
    const back = await frameWith(rendered, 'the same (waits at a <Gather>)');
    expect(back).toContain('step 0');
    expect(back).not.toContain('✗ app');
  });
});
