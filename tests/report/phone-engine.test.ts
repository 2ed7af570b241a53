/**
 * The report page's phone runs the bundle built from the project's own call layer: on every
 * generated path of every bundled flow, the bundle, loaded as the browser loads it, stands where
 * the CLI's `Call` stands after every step, with the same steps, seconds and prompts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Call } from '../../src/call/call.js';
import { loadFlowFile } from '../../src/flow/load.js';
import type * as Engine from '../../src/report/html/phone/engine.js';
import { flowData } from '../../src/report/html/phone/engine.js';
import { flowPaths } from '../../src/testing/model.js';

const bundle = new URL('../../dist/report/html/phone/engine.bundle.js', import.meta.url);
const flows = new URL('../../flows/', import.meta.url).pathname;

/** The bundle as a page runs it: a script defining one global, nothing else in reach. */
function engineInPage(): typeof Engine {
  const page: { phonemazePhone?: typeof Engine } = {};
  runInNewContext(`${readFileSync(bundle, 'utf8')}\nthis.phonemazePhone = phonemazePhone;`, page);
  if (!page.phonemazePhone) throw new Error('the bundle defined no phonemazePhone');
  return page.phonemazePhone;
}

describe('the phone in the report page', () => {
  const engine = engineInPage();
  for (const name of readdirSync(flows).filter((file) => file.endsWith('.yaml'))) {
    it(`takes every generated path of ${name} as the CLI does`, async () => {
      const flow = await loadFlowFile(`${flows}${name}`);
      // Through JSON, as the page carries it.
      const data = JSON.parse(JSON.stringify(flowData(flow)));
      const paths = flowPaths(flow);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const page = engine.startPhoneCall(data, path.conditions);
        const cli = new Call(flow, path.conditions);
        expect(page.call.transcript).toEqual(cli.transcript);
        for (const step of path.steps) {
          page.send(step.event);
          cli.send(step.event);
          expect(page.call.transcript.at(-1), `${name}: ${path.description}`).toEqual(
            cli.transcript.at(-1),
          );
        }
        expect(page.call.ended).toBe(cli.ended);
      }
    });
  }

  it("says how the call ended in the walker's words", async () => {
    const flow = await loadFlowFile(`${flows}4-phone-computer.mended.yaml`);
    const page = engine.startPhoneCall(JSON.parse(JSON.stringify(flowData(flow))), {});
    page.send({ type: 'press', key: '2' });
    expect(page.outcome()).toMatch(/^A human \(kundenservice\) after 1 step and [\d.]+ s/);
  });
});
