/**
 * The phone on the report page as a reviewer uses it: the page written by the real command,
 * opened in headless Chromium, each bundled mended flow called to a person by clicking its
 * keypad (the way `paths --to human` finds), with the browser's voice stubbed to hear what the
 * page asks it to say.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Call } from '../../src/call/call.js';
import { loadFlowFile } from '../../src/flow/load.js';
import type * as Engine from '../../src/report/html/phone/engine.js';
import { flowPaths } from '../../src/testing/model.js';
import { generatePaths } from '../../src/testing/paths.js';
import { browserTestsRun, chromiumForThisFile } from './chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/phonemaze.js');
const mended = readdirSync(join(root, 'flows'))
  .filter((file) => file.endsWith('.mended.yaml'))
  .map((file) => join(root, 'flows', file));

/** A voice that says nothing and remembers what it was asked, in every page. */
const STUB_VOICE = `
  window.__spoken = [];
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, 'speechSynthesis', { value: {
    speak: function (utterance) { window.__spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate }); },
    cancel: function () { window.__cancelled = (window.__cancelled || 0) + 1; },
    getVoices: function () { return [{ lang: 'de-DE' }]; },
  } });
`;

const browserOf = chromiumForThisFile();

describe.skipIf(!browserTestsRun)('the phone on the report page', () => {
  it('calls each mended flow to a person by clicking, speaking each prompt, marking the way', async () => {
    const browser = browserOf();
    const file = join(mkdtempSync(join(tmpdir(), 'phonemaze-phone-')), 'report.html');
    execFileSync(process.execPath, [bin, 'report', ...mended, '-o', file], { stdio: 'pipe' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(STUB_VOICE);
    await page.goto(`file://${file}`);

    for (const path of mended) {
      const flow = await loadFlowFile(path);
      const [way] = generatePaths(flow, 'human');
      if (!way) throw new Error(`${path}: no way to a human`);
      const section = page.locator(`section.flow[data-flow="${flow.id}"]`);
      await section.getByRole('button', { name: `Call ${flow.title ?? flow.id}` }).click();
      for (const [condition, value] of Object.entries(way.given ?? {})) {
        await section.locator(`select[data-condition="${condition}"]`).selectOption(value);
      }
      const first = flow.nodes.get(flow.start);
      const opening = first && 'prompt' in first ? first.prompt : undefined;
      if (opening) {
        await expect
          .poll(() =>
            page.evaluate(() =>
              (globalThis as unknown as { __spoken: { text: string }[] }).__spoken.map(
                (s) => s.text,
              ),
            ),
          )
          .toContain(opening);
      }
      for (const input of way.inputs) {
        if (input.startsWith('say: ')) {
          await section.getByRole('textbox', { name: 'Say a phrase' }).fill(input.slice(5));
          await section.getByRole('button', { name: 'Say', exact: true }).click();
        } else if (input === 'silence') {
          await section.getByRole('button', { name: 'Wait (silence)' }).click();
        } else {
          const digits = input.startsWith('value: ') ? input.slice(7) : input;
          for (const key of digits)
            await section.getByRole('button', { name: key, exact: true }).click();
          if (input.startsWith('value: ')) await section.locator('.phone-panel').press('Enter');
        }
      }
      const said = section.getByRole('status');
      await expect
        .poll(() => said.textContent())
        .toMatch(
          new RegExp(`^A human \\(${way.ends}\\) after ${way.inputs.length} steps? and [\\d.]+ s`),
        );
      // The transcript is a live log, and the diagram marks where the call stands.
      await expect(section.getByRole('log').locator('li').count()).resolves.toBeGreaterThan(0);
      await expect(
        section.locator(`g.node[aria-current="step"]`).getAttribute('data-node'),
      ).resolves.toBe(way.ends);
    }
    // Every prompt spoken was in the flow's language, at its rate.
    const spoken = await page.evaluate(
      () => (globalThis as unknown as { __spoken: { lang: string; rate: number }[] }).__spoken,
    );
    expect(spoken.length).toBeGreaterThan(mended.length);
    const languages = new Set(
      await Promise.all(mended.map(async (path) => (await loadFlowFile(path)).language ?? 'en')),
    );
    for (const utterance of spoken) {
      expect(languages).toContain(utterance.lang);
      expect(utterance.rate).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('moves a call in the page exactly as the CLI does, on every generated path of every bundled flow', async () => {
    const browser = browserOf();
    const all = readdirSync(join(root, 'flows'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(root, 'flows', name));
    const file = join(mkdtempSync(join(tmpdir(), 'phonemaze-phone-')), 'report.html');
    execFileSync(process.execPath, [bin, 'report', ...all, '-o', file], { stdio: 'pipe' });
    const page = await browser.newPage();
    await page.addInitScript(STUB_VOICE);
    await page.goto(`file://${file}`);
    let compared = 0;
    for (const path of all) {
      const flow = await loadFlowFile(path);
      const paths = flowPaths(flow).map((each) => ({
        conditions: each.conditions,
        events: each.steps.map((step) => step.event),
      }));
      // The CLI's transcript of each path...
      const expected = paths.map(({ conditions, events }) => {
        const call = new Call(flow, conditions);
        for (const event of events) call.send(event);
        return call.transcript;
      });
      // ...and the page's, from the engine and the flow data the page itself carries.
      const index = await page
        .locator(`section.flow[data-flow="${flow.id}"] [data-phone]`)
        .getAttribute('data-phone');
      const got = await page.evaluate(
        ({ index, paths }) => {
          const engine = (globalThis as unknown as { phonemazePhone: typeof Engine })
            .phonemazePhone;
          const data = JSON.parse(
            (
              globalThis as unknown as {
                document: { getElementById(id: string): { textContent: string } };
              }
            ).document.getElementById(`flow-data-${index}`).textContent,
          );
          return paths.map(({ conditions, events }) => {
            const call = engine.startPhoneCall(data, conditions);
            for (const event of events) call.send(event);
            return call.call.transcript;
          });
        },
        { index, paths },
      );
      expect(got, flow.id).toEqual(JSON.parse(JSON.stringify(expected)));
      compared += paths.length;
    }
    expect(compared).toBeGreaterThan(100);
    await page.close();
  }, 60_000);

  it('stops speaking at a key press, takes keys typed on the keyboard, and says when there is no voice', async () => {
    const browser = browserOf();
    const file = join(mkdtempSync(join(tmpdir(), 'phonemaze-phone-')), 'report.html');
    const acme = join(root, 'flows/acme-support.yaml');
    execFileSync(process.execPath, [bin, 'report', acme, '-o', file], { stdio: 'pipe' });
    const page = await browser.newPage();
    await page.addInitScript(STUB_VOICE);
    await page.goto(`file://${file}`);
    const section = page.locator('section.flow[data-flow="acme-support"]');
    await section.getByRole('button', { name: 'Call ACME Telecom customer line' }).click();
    // The stub voice speaks German only: this English flow is shown as text, and says so.
    await expect(section.locator('.phone-voice').textContent()).resolves.toContain(
      'This browser has no voice for en-US',
    );
    const cancelled = () =>
      page.evaluate(() => (globalThis as unknown as { __cancelled?: number }).__cancelled ?? 0);
    const before = await cancelled();
    await section.locator('.phone-panel').press('1');
    await expect.poll(cancelled).toBeGreaterThan(before);
    const log = () => section.getByRole('log').textContent();
    await expect.poll(log).toContain('You pressed 1.');
    await section.locator('.phone-panel').press('1');
    await section.locator('.phone-panel').press('2');
    await section.locator('.phone-panel').press('3');
    await section.locator('.phone-panel').press('#');
    await expect.poll(log).toContain('You entered 123.');
    await page.close();
  }, 60_000);
});
