/**
 * A small TwiML app, as a developer would write one on Node's `http` module: a main menu with a
 * retry limit kept in the URL, a billing sub-menu counting retries by `CallSid` on the server,
 * a speech menu, a hours message that redirects back to the menu, a `<Dial>`, an `<Enqueue>`,
 * and a route that answers 500. It listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signature } from '../../src/live/provider.js';

export interface TwimlApp {
  readonly url: string;
  /** Every request the app received, as `METHOD /path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface TwimlAppOptions {
  /** Refuse requests whose `X-Twilio-Signature` is not made with this token (403). */
  readonly authToken?: string;
  /** The key of the main menu that reaches a person (default 0), to make an app that differs by one key. */
  readonly humanKey?: string;
  /** The port to listen on (default: any free one). */
  readonly port?: number;
  /** Milliseconds each answer takes, as an app behind a framework and a database does (default 0). */
  readonly delayMs?: number;
}

const xml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response>${body}</Response>`;

const MAIN_PROMPT =
  'For billing, press 1. For internet or phone support, press 2. For our opening hours, press 3. To speak to someone, press 0.';

export async function startTwimlApp(options: TwimlAppOptions = {}): Promise<TwimlApp> {
  const requests: string[] = [];
  const billingMisses = new Map<string, number>();
  const humanKey = options.humanKey ?? '0';
  const routes: Record<
    string,
    (params: URLSearchParams, query: URLSearchParams) => string | number
  > = {
    '/voice': () =>
      xml('<Say>Welcome to Test Telecom.</Say><Redirect method="POST">/menu</Redirect>'),
    '/menu': (_params, query) => {
      const attempt = Number(query.get('attempt') ?? 0);
      const silent = Number(query.get('silent') ?? 0);
      const counts = `attempt=${attempt}&amp;silent=${silent}`;
      return xml(
        `<Gather numDigits="1" action="/menu/choice?${counts}" timeout="4"><Say>${MAIN_PROMPT}</Say></Gather>` +
          (silent + 1 >= 3
            ? '<Say>We did not hear a choice.</Say><Redirect>/goodbye</Redirect>'
            : `<Say>We did not hear a choice.</Say><Redirect>/menu?attempt=${attempt}&amp;silent=${silent + 1}</Redirect>`),
      );
    },
    '/goodbye': () => xml('<Say>Sorry, we could not help you. Goodbye.</Say><Hangup/>'),
    '/menu/choice': (params, query) => {
      const attempt = Number(query.get('attempt') ?? 0);
      const silent = Number(query.get('silent') ?? 0);
      const digits = params.get('Digits');
      if (digits === '1') return xml('<Redirect>/billing</Redirect>');
      if (digits === '2') return xml('<Redirect>/support</Redirect>');
      if (digits === '3')
        return xml(
          '<Say>We are open from 8 to 8, Monday to Saturday.</Say><Redirect>/menu</Redirect>',
        );
      if (digits === humanKey)
        return xml(
          '<Say>Please hold for the next available agent.</Say><Dial><Number>+15555550123</Number></Dial>',
        );
      if (digits === '9') return 500;
      if (attempt + 1 >= 3) return xml('<Redirect>/goodbye</Redirect>');
      return xml(
        `<Say>Sorry, that is not an option.</Say><Redirect>/menu?attempt=${attempt + 1}&amp;silent=${silent}</Redirect>`,
      );
    },
    '/billing': () =>
      xml(
        '<Gather numDigits="1" action="/billing/choice"><Say>For your balance, press 1. To pay by card, press 2. To go back, press star.</Say></Gather><Redirect>/billing</Redirect>',
      ),
    '/billing/choice': (params) => {
      const digits = params.get('Digits');
      if (digits === '1') return xml('<Say>Your balance is 42 dollars. Goodbye.</Say><Hangup/>');
      if (digits === '2') return xml('<Enqueue>billing</Enqueue>');
      if (digits === '*') return xml('<Redirect>/menu</Redirect>');
      const sid = params.get('CallSid') ?? '';
      const misses = (billingMisses.get(sid) ?? 0) + 1;
      billingMisses.set(sid, misses);
      if (misses >= 2) return xml('<Say>Let me put you through.</Say><Enqueue>billing</Enqueue>');
      return xml('<Say>Please choose 1 or 2.</Say><Redirect>/billing</Redirect>');
    },
    '/support': () =>
      xml(
        '<Gather input="speech" hints="internet, phone" action="/support/choice"><Say>Please say internet or phone.</Say></Gather><Say>Goodbye.</Say><Hangup/>',
      ),
    '/support/choice': (params) => {
      const said = (params.get('SpeechResult') ?? '').toLowerCase();
      if (said.includes('internet')) return xml('<Enqueue>internet</Enqueue>');
      if (said.includes('phone')) return xml('<Redirect>/broken</Redirect>');
      return xml('<Say>Sorry, I did not catch that.</Say><Redirect>/support</Redirect>');
    },
    '/broken': () => 500,
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await bodyOf(request);
    const params = new URLSearchParams(request.method === 'GET' ? url.search : body);
    requests.push(`${request.method} ${url.pathname}`);
    if (options.authToken) {
      const given = request.headers['x-twilio-signature'];
      const full = `http://${request.headers.host}${request.url}`;
      const wanted = signature(
        options.authToken,
        full,
        request.method === 'GET' ? {} : Object.fromEntries(params),
      );
      if (given !== wanted) {
        response.writeHead(403).end('bad signature');
        return;
      }
    }
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const route = routes[url.pathname];
    const answer = route ? route(params, url.searchParams) : 404;
    if (typeof answer === 'number') {
      response.writeHead(answer, { 'content-type': 'text/plain' }).end('failed');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/xml' }).end(answer);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/voice`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
