/** Crawling the suite's own TwiML app: the flow it writes, and what `check` says about it. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { MenuNode } from '../../src/flow/types.js';
import { crawlTwimlApp } from '../../src/live/crawl-app.js';
import { isTransfer } from '../../src/live/events.js';
import { inputsAt, phrasesIn } from '../../src/live/inputs.js';
import { readTwiml } from '../../src/live/twiml.js';
import { runCli } from '../cli/run-cli.js';
import { startTwimlApp, type TwimlApp } from './twiml-app.js';

let app: TwimlApp;
beforeAll(async () => {
  app = await startTwimlApp();
});
afterAll(() => app.close());

/** A port nothing listens on: one just let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const crawled = () => crawlTwimlApp({ url: app.url });

describe('crawling a TwiML app', () => {
  it('writes the same flow file each time, every node with the request behind it', async () => {
    const [first, second] = [await crawled(), await crawled()];
    expect(second.text).toBe(first.text);
    const text = first.text.replaceAll(new URL(app.url).host, 'APP');
    expect(text).toMatchSnapshot();
    for (const id of first.flow.nodes.keys())
      expect(text, id).toMatch(new RegExp(`# (POST|GET) /[^\\n]*\\n  ${id}:`));
  });

  it('finds the menus, their options, and the failed attempts each allows', async () => {
    const { flow } = await crawled();
    const menu = flow.nodes.get('menu') as MenuNode;
    expect(menu.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'billing'],
      ['2', 'support'],
      ['3', 'we-are-open-from'],
      ['9', 'application-error-2'],
      ['0', 'agent'],
    ]);
    expect(menu.timeoutSeconds).toBe(4);
    // Kept in the URL: 3 misses, then goodbye; the silences counted apart.
    expect(menu.noMatch).toMatchObject({
      tries: 3,
      then: 'sorry-we-could',
      prompt: 'Sorry, that is not an option.',
    });
    expect(menu.noInput).toMatchObject({
      tries: 3,
      then: 'we-did-not',
      prompt: 'We did not hear a choice.',
    });
    // Kept on the server by CallSid: 2 misses, then a person.
    const billing = flow.nodes.get('billing') as MenuNode;
    expect(billing.noMatch).toMatchObject({ tries: 2, then: 'agent-billing-2' });
    expect(flow.nodes.get('agent-billing-2')).toMatchObject({ type: 'agent', queue: 'billing' });
    // The Redirect back to the menu after the silence loops: unlimited.
    expect(billing.noInput.tries).toBe(Number.POSITIVE_INFINITY);
    expect(billing.options.find((option) => option.key === '*')?.to).toBe('menu');
  });

  it('closes the redirect loop: the opening hours are said, then the same menu again', async () => {
    const { flow } = await crawled();
    expect(flow.nodes.get('we-are-open-from')).toMatchObject({ type: 'say', next: 'menu' });
  });

  it('tries speech from the hints, and treats nonsense as the failed attempt it is', async () => {
    const { flow } = await crawled();
    const support = flow.nodes.get('support') as MenuNode;
    expect(support.options.map((option) => [option.say, option.to])).toEqual([
      [['internet'], 'agent-internet'],
      [['phone'], 'application-error'],
    ]);
    expect(support.noMatch).toMatchObject({
      tries: Number.POSITIVE_INFINITY,
      prompt: 'Sorry, I did not catch that.',
    });
    expect(support.noInput).toMatchObject({ tries: 1, then: 'goodbye' });
  });

  it('makes an HTTP 500 the provider’s application error, and names it as a dead end', async () => {
    const result = await crawled();
    expect(result.flow.nodes.get('application-error')).toMatchObject({
      type: 'hangup',
      outcome: 'unresolved',
      prompt: 'We are sorry, an application error has occurred. Goodbye.',
    });
    expect(result.deadEnds).toEqual([
      'POST /broken: HTTP 500',
      'POST /menu/choice?attempt=0&silent=0 (Digits=9): HTTP 500',
    ]);
  });

  it('gives check figures that hold for the app', async () => {
    const checked = checkFlow((await crawled()).flow);
    if (!checked.ok) throw new Error('not checked');
    const { report } = checked;
    expect(report.human).toMatchObject({ reachable: true, minSteps: 1, inputs: ['0'] });
    expect(report.human.minSeconds).toBeCloseTo(10.1, 1);
    expect(report.stats).toMatchObject({ nodes: 15, menus: 3, maxDepth: 2, maxOptions: 5 });
    expect(report.findings.map((finding) => `${finding.rule} ${finding.node}`).sort()).toEqual([
      'endless-reprompt billing',
      'endless-reprompt support',
      'error-hangup menu',
      'error-hangup menu',
      'error-hangup support',
      'reserved-key menu',
      'unannounced-key menu',
      'unresolved-hangup application-error',
      'unresolved-hangup application-error-2',
      'unresolved-hangup your-balance-is',
    ]);
  });

  it('tries each key, the values and phrases a prompt asks for, nonsense and silence', () => {
    const at = (gather: string, prompt: string[], url = 'http://app/menu') => {
      const read = readTwiml(`<Response>${gather}</Response>`);
      if (!read.ok || read.verbs[0]?.verb !== 'Gather') throw new Error('no gather');
      return {
        kind: 'listening' as const,
        gather: read.verbs[0],
        key: '',
        prompt,
        request: { method: 'POST', url, input: {} },
      };
    };
    const keys = inputsAt(at('<Gather/>', ['Please enter your eight digit account number.']), [
      { word: 'account', digits: '99887766' },
      { word: 'pin', digits: '1234' },
    ]);
    expect(keys.map((input) => (input.kind === 'digits' ? input.digits : input.kind))).toEqual([
      ...'1234567890*'.split(''),
      '', // `#` alone: the entry ends with no digits
      '12345678',
      '99887766',
      'silence',
    ]);
    const speech = inputsAt(
      at('<Gather input="speech" hints="Billing, sales" numDigits="4"/>', ['Say sales or agent.']),
      [],
    );
    expect(speech).toEqual([
      { kind: 'speech', text: 'billing' },
      { kind: 'speech', text: 'sales' },
      { kind: 'speech', text: 'purple elephant' },
      { kind: 'silence' },
    ]);
  });

  it('reads the phrases a prompt asks for', () => {
    expect(
      phrasesIn('Say "sales" or press 1. For help, say technical support. Or say: billing!'),
    ).toEqual(['sales', 'technical support', 'billing']);
  });
});

describe('phonemaze crawl', () => {
  it('writes the flow file, says what it found, and check reads it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phonemaze-crawl-'));
    const out = join(dir, 'app.yaml');
    const crawl = await runCli('crawl', app.url, '-o', out);
    expect(crawl.code).toBe(0);
    expect(crawl.stderr).toContain('crawled POST /menu: 5 choices');
    expect(crawl.stderr).toMatch(
      /wrote .*app\.yaml: 3 menus, 15 nodes, from \d+ requests to 127\.0\.0\.1:\d+\./,
    );
    expect(crawl.stderr).toContain('dead end: POST /broken: HTTP 500');
    expect(await readFile(out, 'utf8')).toContain('# Crawled from http://127.0.0.1');
    const check = await runCli('check', out);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('a human in 1 step (press 0)');
  });

  it('exits 2, saying why, when the app is not there, refuses, or runs out of requests', async () => {
    const gone = await runCli('crawl', `http://127.0.0.1:${await freePort()}/voice`);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/no answer \(ECONNREFUSED\): is the app running there\?/);
    const signed = await startTwimlApp({ authToken: 'test-token' });
    try {
      const refused = await runCli('crawl', signed.url, '-q');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('answered HTTP 403: does the app check X-Twilio-Signature?');
      const accepted = await runCli('crawl', signed.url, '-q', '--auth-token', 'test-token');
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toContain('Welcome to Test Telecom.');
    } finally {
      await signed.close();
    }
    const short = await runCli('crawl', app.url, '--max-requests', '20');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('raise --max-requests');
    const bad = await runCli('crawl', app.url, '--param', 'From');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--param takes name=value');
  });

  it('makes a <Dial> a transfer when --transfer or the project config says so', async () => {
    const flag = await runCli('crawl', app.url, '-q', '--transfer', '+1555555012*');
    expect(flag.stdout).toMatch(
      / {2}transfer-15555550123:\n {4}type: transfer\n {4}prompt: Please hold for the next available agent\.\n {4}to: "\+15555550123"/,
    );
    const dir = await mkdtemp(join(tmpdir(), 'phonemaze-humans-'));
    const config = join(dir, 'phonemaze.config.json');
    await writeFile(config, JSON.stringify({ humans: { transfers: ['+1555*', 'internet'] } }));
    const configured = await runCli('crawl', app.url, '-q', '--config', config);
    expect(configured.stdout).toContain('to: "+15555550123"');
    expect(configured.stdout).toMatch(/type: transfer\n {4}to: internet/);
    expect(configured.stdout).toMatch(/type: agent\n {4}queue: billing/);
    await writeFile(config, JSON.stringify({ humans: { transfer: ['x'] } }));
    const wrong = await runCli('crawl', app.url, '-q', '--config', config);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/phonemaze\.config\.json:1:\d+/);
  });

  it('rings the voice URL with GET when the number is set up so', async () => {
    const before = app.requests.length;
    const result = await runCli('crawl', app.url, '-q', '--method', 'GET');
    expect(result.code).toBe(0);
    expect(app.requests.slice(before).filter((line) => line.endsWith('/voice'))[0]).toBe(
      'GET /voice',
    );
  });
});

describe('a <Gather> with nothing said', () => {
  it('is a menu that waits in silence, and the flow still loads', async () => {
    const server = createServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += chunk;
      const digits = new URLSearchParams(body).get('Digits');
      const twiml =
        request.url === '/x' && digits === '1'
          ? '<Dial>+15555550123</Dial>'
          : '<Gather numDigits="1" action="/x"/><Hangup/>';
      response.writeHead(200, { 'content-type': 'text/xml' }).end(`<Response>${twiml}</Response>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/voice`;
      const { flow } = await crawlTwimlApp({ url });
      const menu = flow.nodes.get(flow.start) as MenuNode;
      expect(menu).toMatchObject({ type: 'menu', prompt: '(silence)', promptSeconds: 0 });
      expect(menu.options.map((option) => option.key)).toEqual(['1']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('what counts as a transfer', () => {
  it('matches targets by pattern, * standing for any characters and nothing else special', () => {
    expect(isTransfer('+18005551234', ['+1800*'])).toBe(true);
    expect(isTransfer('+18015551234', ['+1800*'])).toBe(false);
    expect(isTransfer('sales', ['sales', 'support'])).toBe(true);
    expect(isTransfer('sales-emea', ['sales'])).toBe(false);
    expect(isTransfer('a.b', ['a?b'])).toBe(false);
    expect(isTransfer('anything', [])).toBe(false);
  });
});
