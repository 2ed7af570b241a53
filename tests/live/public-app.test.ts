/**
 * A TwiML app no one here wrote: Twilio's own IVR phone tree tutorial, its answers recorded word
 * for word (tests/fixtures/live/et-phone-home/SOURCES.md) and served with its router's dispatch.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { MenuNode } from '../../src/flow/types.js';
import { testAgainst } from '../../src/live/against.js';
import { crawlTwimlApp } from '../../src/live/crawl-app.js';

const answer = (name: string) =>
  readFileSync(new URL(`../fixtures/live/et-phone-home/${name}.xml`, import.meta.url), 'utf8');

const server = createServer(async (request, response) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  const digit = new URLSearchParams(body).get('Digits') ?? '';
  const path = request.url ?? '';
  const name =
    path === '/ivr/welcome'
      ? 'welcome'
      : path === '/ivr/menu'
        ? `menu-${['1', '2'].includes(digit) ? digit : 'other'}`
        : path === '/ivr/planets'
          ? `planets-${['2', '3', '4'].includes(digit) ? digit : 'other'}`
          : undefined;
  if (request.method !== 'POST' || !name) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/xml' }).end(answer(name));
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ivr/welcome`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("Twilio's IVR phone tree tutorial, crawled", () => {
  it('finds its two menus, the planets behind <Dial>, and the way back on a wrong key', async () => {
    const { flow } = await crawlTwimlApp({ url });
    const welcome = flow.nodes.get(flow.start) as MenuNode;
    expect(welcome.prompt).toMatch(/^Thanks for calling the E T Phone Home Service/);
    expect(welcome.options.map((option) => option.key)).toEqual(['1', '2']);
    // A wrong key says "Returning to the main menu" and redirects: the menu again, for ever.
    expect(welcome.noMatch).toMatchObject({
      prompt: 'Returning to the main menu',
      tries: Number.POSITIVE_INFINITY,
    });
    // Silence falls off the end of the document: the provider hangs up.
    expect(welcome.noInput).toMatchObject({ tries: 1, then: 'hangup' });
    const planets = flow.nodes.get(welcome.options[1]?.to ?? '') as MenuNode;
    expect(planets.options.map((option) => flow.nodes.get(option.to ?? '')?.type)).toEqual([
      'agent',
      'agent',
      'agent',
    ]);
    // "press the star key" goes back the way every other wrong key does.
    expect(planets.noMatch).toMatchObject({ tries: 1, then: 'returning-to-the-main' });
  });

  it('gives the figures of the app: a person in two presses, and the dead ends of silence', async () => {
    const checked = checkFlow((await crawlTwimlApp({ url })).flow);
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 2, inputs: ['2', '2'] });
    expect(
      checked.report.findings.map((finding) => `${finding.rule} ${finding.node}`).sort(),
    ).toEqual([
      'endless-reprompt ivr-welcome',
      'error-hangup ivr-menu',
      'error-hangup ivr-welcome',
      'no-zero-out ivr-welcome',
      'reserved-key ivr-menu',
      'unresolved-hangup to-get-to',
    ]);
  });

  it('passes test --against with its own crawl', async () => {
    const { flow } = await crawlTwimlApp({ url });
    const result = await testAgainst(flow, { url });
    expect(result.failed, JSON.stringify(result.paths.filter((path) => !path.passed))).toBe(0);
    expect(result.passed).toBe(7);
  });
});
