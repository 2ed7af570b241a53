/**
 * The walker tested by the model: for every bundled flow, `xstate/graph` generates the shortest
 * path to every state of the flow's machine (and simple paths, bounded); each is walked through
 * the real ink walker, pressing the keys its events name, and at every state the screen must show
 * what the flow says there and the right step count. A change that breaks the walker for any
 * reachable state fails here.
 */
import { readdirSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { entryComplete } from '../../src/call/entry.js';
import { loadFlowFile } from '../../src/flow/load.js';
import type { Flow } from '../../src/flow/types.js';
import { flowPaths, type IvrAdapter } from '../../src/testing/index.js';
import { App } from '../../src/tui/App.js';
import type { WalkSession } from '../../src/walk/session.js';

const folder = new URL('../../flows/', import.meta.url).pathname;
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const DIAL_KEYS = [...'0123456789*#'];

/** An adapter that is a person at the walker: keys on its stdin, the screen as what it says. */
function walkerAdapter(flow: Flow): IvrAdapter & { steps: number } {
  let screen: ReturnType<typeof render> | undefined;
  let session: WalkSession | undefined;
  const frame = () => stripVTControlCharacters(screen?.lastFrame() ?? '').replace(/\s+/g, ' ');
  // Waits for the frame that shows it: frames, not sleeps.
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 3000;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`the walker never showed ${what}:\n${JSON.stringify(frame())}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const type = async (...chunks: string[]) => {
    for (const chunk of chunks) screen?.stdin.write(chunk);
  };
  // A phrase goes as one burst, its `s` and Enter included: nothing typed fast may be lost.
  const say = async (phrase: string) => type(`s${phrase}\r`);
  const adapter = {
    steps: 0,
    start(conditions: Readonly<Record<string, string>>) {
      adapter.steps = 0;
      screen = render(
        <App flow={flow} conditions={conditions} onSession={(created) => (session = created)} />,
      );
    },
    async send(event: Parameters<IvrAdapter['send']>[0]) {
      const node = session ? flow.nodes.get(session.call.node) : undefined;
      switch (event.type) {
        case 'press':
          await type(entryComplete(node, event.key) ? event.key : `${event.key}\r`);
          break;
        case 'say':
          await say(event.phrase);
          break;
        case 'enter':
          if (/^\d+$/.test(event.value)) await type(`${event.value}\r`);
          else await say(event.value);
          break;
        case 'silence':
          await type('w');
          break;
        case 'invalid':
          if (node?.type === 'menu') {
            const used = node.options.flatMap((option) => (option.key ? [option.key] : []));
            const free = DIAL_KEYS.find((key) => !used.some((k) => k.startsWith(key)));
            if (free) await type(free);
            else await say('no such choice');
          } else await say('not a number');
          break;
        default:
          throw new Error(`the walker has no key for ${event.type}`);
      }
      adapter.steps += 1;
      await until(() => frame().includes(`step ${adapter.steps} `), `step ${adapter.steps}`);
    },
    prompt: () => frame(),
    stop: () => screen?.unmount(),
  };
  return adapter;
}

describe('the walker, walked along every generated path', () => {
  for (const file of files) {
    it(file, async () => {
      const flow = await loadFlowFile(`${folder}${file}`);
      const paths = flowPaths(flow, {
        simplePaths: true,
        maxPaths: 40,
        // A free-text input takes whatever is said: no input there is "invalid".
        filterEvents: (node, event) =>
          !(
            event.type === 'invalid' &&
            flow.nodes.get(node)?.type === 'input' &&
            !(flow.nodes.get(node) as { digits?: unknown }).digits
          ),
      });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const adapter = walkerAdapter(flow);
        await path.test(adapter).catch((error: Error) => {
          throw new Error(`${file}, path ${path.description}: ${error.message}`);
        });
        expect(adapter.steps).toBe(path.steps.length);
      }
    }, 120_000);
  }
});
