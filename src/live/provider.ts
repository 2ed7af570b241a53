/**
 * The telephony provider's side of a voice webhook: the requests Twilio sends a TwiML app
 * (https://www.twilio.com/docs/usage/webhooks/voice-webhooks), signed as Twilio signs them
 * (https://www.twilio.com/docs/usage/security), to the app's own host and nowhere else.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readTwiml, type Verb } from './twiml.js';

export interface LiveApp {
  /** The app's voice URL, where every call starts, and how it is requested. */
  readonly url: URL;
  readonly method: 'POST' | 'GET';
  /** Webhook parameters to add or override (`--param k=v`). */
  readonly params: Readonly<Record<string, string>>;
  /** Signs every request with this auth token (`X-Twilio-Signature`) when given. */
  readonly authToken?: string;
  /** Hosts besides the app's own that requests may go to (`--allow-host`). */
  readonly allowHosts: readonly string[];
  /** How long one request may take before it counts as the app failing. */
  readonly timeoutMs: number;
  /** Shared by every call of a crawl: the requests sent, and how many may be. */
  readonly budget: RequestBudget;
}

export interface RequestBudget {
  used: number;
  readonly most: number;
}

/** Thrown when a crawl or a test has sent as many requests as `--max-requests` allows. */
export class RequestBudgetSpent extends Error {
  override name = 'RequestBudgetSpent';
}

/** One request to the app, as a flow file's comment names it. */
export interface Request {
  readonly method: string;
  readonly url: string;
  /** What the caller did, as the request says it (`Digits=1`); the call's own parameters left out. */
  readonly input: Readonly<Record<string, string>>;
}

export type Answer =
  | {
      readonly ok: true;
      readonly request: Request;
      readonly verbs: readonly Verb[];
      readonly skipped: readonly string[];
    }
  /** The provider would play "an application error has occurred" and hang up. */
  | {
      readonly ok: false;
      readonly request: Request;
      readonly status?: number;
      readonly reason: string;
    }
  /** The app sent the call to a host it may not go to. */
  | { readonly ok: 'elsewhere'; readonly request: Request };

/** Stands for the call's `CallSid` in documents, so that two calls' equal answers read equal. */
export const CALL_SID = '{CallSid}';

const MOST_HTTP_REDIRECTS = 5;

/** The parameters and the cookies of one call, as the provider keeps them. */
export class ProviderCall {
  readonly sid = `CA${randomBytes(16).toString('hex')}`;
  private readonly cookies = new Map<string, string>();
  private first = true;
  /** Every request of the call, in order. */
  readonly sent: Request[] = [];

  constructor(readonly app: LiveApp) {}

  /** The parameters every request of this call carries. */
  private callParams(): Record<string, string> {
    const from = '+15555550100';
    const to = '+15555550199';
    const params: Record<string, string> = {
      CallSid: this.sid,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: from,
      To: to,
      Caller: from,
      Called: to,
      CallStatus: this.first ? 'ringing' : 'in-progress',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
      ...this.app.params,
    };
    this.first = false;
    return params;
  }

  /** Whether a URL is on the app's host or one allowed. */
  allows(url: URL): boolean {
    return (
      url.host === this.app.url.host ||
      this.app.allowHosts.some((host) => host === url.host || host === url.hostname)
    );
  }

  /** Resolves a URL a document names against the document's own. */
  resolve(written: string, base: string): URL {
    const real = (url: string) =>
      url.replaceAll(CALL_SID, this.sid).replaceAll(encodeURIComponent(CALL_SID), this.sid);
    return new URL(real(written), real(base));
  }

  async request(
    url: URL,
    method: string,
    input: Readonly<Record<string, string>>,
  ): Promise<Answer> {
    const request: Request = { method, url: url.href.replaceAll(this.sid, CALL_SID), input };
    this.sent.push(request);
    if (!this.allows(url)) return { ok: 'elsewhere', request };
    let target = url;
    let verb = method;
    let params: Record<string, string> | undefined = { ...this.callParams(), ...input };
    for (let hop = 0; hop <= MOST_HTTP_REDIRECTS; hop++) {
      const response = await this.send(target, verb, params);
      if ('reason' in response) return { ok: false, request, reason: response.reason };
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target);
        if (!this.allows(target))
          return { ok: 'elsewhere', request: { ...request, url: target.href } };
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && verb === 'POST')
        ) {
          verb = 'GET';
          params = undefined;
        }
        continue;
      }
      const text = (await response.text()).replaceAll(this.sid, CALL_SID);
      if (response.status >= 400)
        return { ok: false, request, status: response.status, reason: `HTTP ${response.status}` };
      const read = readTwiml(text);
      if (!read.ok) return { ok: false, request, status: response.status, reason: read.reason };
      return { ok: true, request, verbs: read.verbs, skipped: read.skipped };
    }
    return { ok: false, request, reason: `more than ${MOST_HTTP_REDIRECTS} HTTP redirects` };
  }

  private async send(
    url: URL,
    method: string,
    params: Record<string, string> | undefined,
  ): Promise<Response | { reason: string }> {
    const budget = this.app.budget;
    if (budget.used >= budget.most)
      throw new RequestBudgetSpent(`sent the ${budget.most} requests --max-requests allows`);
    budget.used++;
    const target = new URL(url);
    const headers: Record<string, string> = { 'user-agent': 'phonemaze (TwilioProxy-compatible)' };
    let body: string | undefined;
    if (params && method === 'GET') {
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
    } else if (params) {
      body = new URLSearchParams(params).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (this.app.authToken)
      headers['x-twilio-signature'] = signature(
        this.app.authToken,
        target.href,
        method === 'GET' ? {} : (params ?? {}),
      );
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    try {
      const response = await fetch(target, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.app.timeoutMs),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const equals = pair.indexOf('=');
        if (equals > 0)
          this.cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
      }
      return response;
    } catch (error) {
      const cause = error as Error;
      if (cause.name === 'TimeoutError')
        return { reason: `no answer within ${this.app.timeoutMs / 1000} s` };
      const why =
        cause.cause instanceof Error
          ? ((cause.cause as { code?: string }).code ?? cause.cause.message)
          : cause.message;
      return { reason: `no answer (${why})` };
    }
  }
}

/** `X-Twilio-Signature`: Base64 of HMAC-SHA1 over the URL and the sorted POST parameters. */
export function signature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}
