import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { liveApp } from '../../src/live/app.js';
import { LiveCall } from '../../src/live/live-call.js';
import { RequestBudgetSpent, signature } from '../../src/live/provider.js';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly params: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server answering each path with the given status and body; records what it received. */
async function serve(
  routes: Record<
    string,
    (received: Received) => { status?: number; body?: string; headers?: Record<string, string> }
  >,
) {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let body = '';
    for await (const chunk of request) body += chunk;
    const one = {
      method: request.method ?? '',
      path: url.pathname,
      params: new URLSearchParams(request.method === 'GET' ? url.search : body),
      headers: request.headers,
    };
    received.push(one);
    const answer = routes[url.pathname]?.(one) ?? { status: 404 };
    response.writeHead(answer.status ?? 200, { 'content-type': 'text/xml', ...answer.headers });
    response.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received };
}

const twiml = (body: string) => ({ body: `<Response>${body}</Response>` });

describe('the provider side of a call', () => {
  it('signs as Twilio documents it (its example: token 12345)', () => {
    expect(
      signature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', {
        CallSid: 'CA1234567890ABCDE',
        Caller: '+14158675310',
        Digits: '1234',
        From: '+14158675310',
        To: '+18005551212',
      }),
    ).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('rings with the webhook parameters, form-encoded, then sends the digits to the action', async () => {
    const app = await serve({
      '/voice': () => twiml('<Gather action="/pressed" numDigits="1"><Say>Press 1</Say></Gather>'),
      '/pressed': () => twiml('<Say>Thanks</Say><Hangup/>'),
    });
    const call = new LiveCall(liveApp({ url: `${app.base}/voice`, params: { From: '+441234' } }));
    const first = await call.start();
    expect(first.where.kind).toBe('listening');
    expect(first.heard).toEqual(['Press 1']);
    const [ring] = app.received;
    expect(ring?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(ring?.headers['x-twilio-signature']).toBeUndefined();
    expect(Object.fromEntries(ring?.params ?? [])).toMatchObject({
      CallSid: call.sid,
      From: '+441234',
      To: '+15555550199',
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    });
    expect(ring?.params.get('AccountSid')).toMatch(/^AC0{32}$/);
    const after = await call.send({ kind: 'digits', digits: '1' });
    expect(after).toMatchObject({ heard: ['Thanks'], where: { kind: 'ended', by: 'Hangup' } });
    expect(app.received[1]?.params.get('Digits')).toBe('1');
    expect(app.received[1]?.params.get('CallStatus')).toBe('in-progress');
  });

  it('signs every request with --auth-token, over the URL and the sorted parameters', async () => {
    const app = await serve({ '/voice': () => twiml('<Hangup/>') });
    await new LiveCall(liveApp({ url: `${app.base}/voice?x=1`, authToken: 'secret' })).start();
    const ring = app.received[0] as Received;
    expect(ring.headers['x-twilio-signature']).toBe(
      signature('secret', `${app.base}/voice?x=1`, Object.fromEntries(ring.params)),
    );
  });

  it('falls through a Gather on silence; calls the action with actionOnEmptyResult', async () => {
    const app = await serve({
      '/voice': () => twiml('<Gather action="/a"><Say>Menu</Say></Gather><Say>Nothing?</Say>'),
      '/empty': () => twiml('<Gather action="/a" actionOnEmptyResult="true"/>'),
      '/a': (received) => twiml(`<Say>got ${received.params.get('Digits') ?? 'none'}</Say>`),
    });
    const call = new LiveCall(liveApp({ url: `${app.base}/voice` }));
    await call.start();
    expect(await call.send({ kind: 'silence' })).toMatchObject({
      heard: ['Nothing?'],
      where: { kind: 'ended', by: 'end' },
    });
    const empty = new LiveCall(liveApp({ url: `${app.base}/empty` }));
    await empty.start();
    expect((await empty.send({ kind: 'silence' })).heard).toEqual(['got none']);
  });

  it('sends speech as SpeechResult, and keeps cookies for the call', async () => {
    const app = await serve({
      '/voice': () => ({
        ...twiml('<Gather input="speech" action="/said"/>'),
        headers: { 'set-cookie': 'session=abc; Path=/; HttpOnly' },
      }),
      '/said': (received) =>
        twiml(`<Say>${received.params.get('SpeechResult')} ${received.headers.cookie}</Say>`),
    });
    const call = new LiveCall(liveApp({ url: `${app.base}/voice` }));
    await call.start();
    expect((await call.send({ kind: 'speech', text: 'billing' })).heard).toEqual([
      'billing session=abc',
    ]);
  });

  it('uses GET as the document says, with the parameters in the query', async () => {
    const app = await serve({
      '/voice': () => twiml('<Redirect method="GET">/next</Redirect>'),
      '/next': () => twiml('<Hangup/>'),
    });
    await new LiveCall(liveApp({ url: `${app.base}/voice` })).start();
    expect(app.received[1]).toMatchObject({ method: 'GET', path: '/next' });
    expect(app.received[1]?.params.get('CallSid')).toMatch(/^CA[0-9a-f]{32}$/);
  });

  it('makes an HTTP error, an answer that is not TwiML, and a Redirect loop the application error', async () => {
    const app = await serve({
      '/500': () => ({ status: 500, body: 'boom' }),
      '/html': () => ({ body: '<html>hi</html>' }),
      '/loop': () => twiml('<Say>again</Say><Redirect>/loop</Redirect>'),
    });
    const observe = async (path: string) =>
      new LiveCall(liveApp({ url: `${app.base}${path}` })).start();
    expect((await observe('/500')).where).toMatchObject({ kind: 'error', status: 500 });
    expect((await observe('/500')).heard).toEqual([
      'We are sorry, an application error has occurred. Goodbye.',
    ]);
    expect((await observe('/html')).where).toMatchObject({ kind: 'error', status: 200 });
    expect((await observe('/loop')).where).toMatchObject({
      kind: 'error',
      reason: expect.stringMatching(/Redirect>s in a row/),
    });
  });

  it('never leaves the app host: a Redirect or an HTTP redirect elsewhere is not requested', async () => {
    const other = await serve({ '/x': () => twiml('<Hangup/>') });
    const otherUrl = other.base.replace('127.0.0.1', 'localhost');
    const app = await serve({
      '/voice': () => twiml(`<Redirect>${otherUrl}/x</Redirect>`),
      '/moved': () => ({ status: 302, headers: { location: `${otherUrl}/x` } }),
    });
    const seen = await new LiveCall(liveApp({ url: `${app.base}/voice` })).start();
    expect(seen.where).toMatchObject({ kind: 'elsewhere', request: { url: `${otherUrl}/x` } });
    const moved = await new LiveCall(liveApp({ url: `${app.base}/moved` })).start();
    expect(moved.where.kind).toBe('elsewhere');
    expect(other.received).toEqual([]);
    const allowed = await new LiveCall(
      liveApp({ url: `${app.base}/voice`, allowHosts: [new URL(otherUrl).host] }),
    ).start();
    expect(allowed.where).toMatchObject({ kind: 'ended', by: 'Hangup' });
    expect(other.received).toHaveLength(1);
  });

  it('gives up on a request that takes longer than the timeout', async () => {
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/voice`;
    const seen = await new LiveCall(liveApp({ url, timeoutSeconds: 0.2 })).start();
    expect(seen.where).toMatchObject({ kind: 'error', reason: 'no answer within 0.2 s' });
  });

  it('stops at the request budget', async () => {
    const app = await serve({ '/voice': () => twiml('<Hangup/>') });
    const shared = liveApp({ url: `${app.base}/voice`, mostRequests: 2 });
    await new LiveCall(shared).start();
    await new LiveCall(shared).start();
    await expect(new LiveCall(shared).start()).rejects.toBeInstanceOf(RequestBudgetSpent);
  });

  it('refuses a URL it cannot call', () => {
    expect(() => liveApp({ url: 'nonsense' })).toThrow(/not a URL/);
    expect(() => liveApp({ url: 'ftp://x/' })).toThrow(/not an http\(s\) URL/);
    expect(() => liveApp({ url: 'https://user:pw@x/' })).toThrow(/--auth-token/);
  });
});
