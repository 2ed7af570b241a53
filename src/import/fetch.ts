/**
 * Menu documents on a web server: a VoiceXML application is served over HTTP, and its documents
 * name each other by URL. phonemaze fetches only from the servers the user names, a bounded
 * number of documents in a bounded time, and never anything else.
 */
import { dirname, resolve } from 'node:path';
import { isUrl } from '../flow/files.js';
import { MAX_FLOW_BYTES } from '../flow/source.js';

export interface FetchBounds {
  /** URL prefixes documents may be fetched from (`https://ivr.example.com/app/`). */
  readonly servers: readonly string[];
  /** Documents fetched for one file, the file itself included. */
  readonly maxDocuments: number;
  /** Milliseconds all the fetching for one file may take together. */
  readonly timeoutMs: number;
}

export const DEFAULT_FETCH_BOUNDS: FetchBounds = {
  servers: [],
  maxDocuments: 50,
  timeoutMs: 30_000,
};

/** The URL without its `#fragment`: the document it names. */
function documentUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** Where a document is, one way for each: a URL without its `#fragment`, or a file's whole path. */
export function documentKey(file: string): string {
  return isUrl(file) ? documentUrl(file) : resolve(file);
}

/**
 * Where a document that `from` names (`billing.vxml#menu`, `https://...`) is: read against
 * `from`'s URL, or against the folder of `from`'s file.
 */
export function documentAt(name: string, from: string): string {
  if (isUrl(name)) return documentUrl(name);
  const bare = name.split('#')[0] ?? '';
  if (isUrl(from)) return documentUrl(new URL(bare, from).href);
  return resolve(dirname(from), bare);
}

/** Whether a URL is on one of the servers named (a prefix of scheme, host and path). */
export function onNamedServer(url: string, servers: readonly string[]): boolean {
  return servers.some((server) => {
    try {
      const named = new URL(server);
      const wanted = new URL(url);
      return wanted.origin === named.origin && wanted.pathname.startsWith(named.pathname);
    } catch {
      return false;
    }
  });
}

export type FetchResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly why: string };

/** One document, by GET, before `deadline` (a `Date.now()` time). */
export async function fetchText(url: string, deadline: number): Promise<FetchResult> {
  const left = deadline - Date.now();
  if (left <= 0) return { ok: false, why: 'the time for fetching (--fetch-timeout) ran out first' };
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(left),
      headers: { accept: 'application/voicexml+xml, application/xml, text/xml, */*' },
      redirect: 'follow',
    });
    if (!response.ok) return { ok: false, why: `the server answered ${response.status}` };
    const text = await response.text();
    if (text.length > MAX_FLOW_BYTES)
      return { ok: false, why: `it is over ${MAX_FLOW_BYTES / 1024 / 1024} MB` };
    return { ok: true, text };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, why: 'the time for fetching (--fetch-timeout) ran out first' };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      why: `the server could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    };
  }
}
