/**
 * A running TwiML app as phonemaze reaches it: its voice URL and what the provider sends, checked
 * once, so that `crawl`, `test --against` and `walk --against` refuse a bad URL the same way.
 */
import type { LiveApp } from './provider.js';

export interface LiveAppSettings {
  /** The app's voice URL: `http://127.0.0.1:3000/voice`. */
  readonly url: string;
  /** How the provider requests the voice URL, as the phone number is set up (default POST). */
  readonly method?: 'POST' | 'GET';
  readonly params?: Readonly<Record<string, string>>;
  readonly authToken?: string;
  readonly allowHosts?: readonly string[];
  /** Seconds one request may take (default 10; Twilio waits 15). */
  readonly timeoutSeconds?: number;
  /** Requests in all, every call together (default 2000). */
  readonly mostRequests?: number;
}

/** Thrown for a URL or settings phonemaze cannot call. */
export class LiveAppError extends Error {
  override name = 'LiveAppError';
}

export const DEFAULT_MOST_REQUESTS = 2000;
export const DEFAULT_TIMEOUT_SECONDS = 10;

export function liveApp(settings: LiveAppSettings): LiveApp {
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    throw new LiveAppError(
      `"${settings.url}" is not a URL: give the app's voice URL, such as http://127.0.0.1:3000/voice.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LiveAppError(
      `${settings.url} is not an http(s) URL: phonemaze calls a TwiML app as the provider does, over HTTP.`,
    );
  if (url.username || url.password)
    throw new LiveAppError(
      `${url.origin}: leave credentials out of the URL; give --auth-token to sign requests as the provider does.`,
    );
  return {
    url,
    method: settings.method ?? 'POST',
    params: settings.params ?? {},
    ...(settings.authToken ? { authToken: settings.authToken } : {}),
    allowHosts: settings.allowHosts ?? [],
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    budget: { used: 0, most: settings.mostRequests ?? DEFAULT_MOST_REQUESTS },
  };
}
