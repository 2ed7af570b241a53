/** VoiceXML documents on a web server: a real HTTP server, fetched only as the user allows. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuNode } from '../../src/flow/types.js';
import { DEFAULT_FETCH_BOUNDS, type FetchBounds } from '../../src/import/fetch.js';
import { readMenuFile } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { fixture } from '../helpers.js';

const app = (name: string) => readFileSync(fixture(`import/voicexml/app/${name}`), 'utf8');

let server: Server;
let base = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(path);
    // Never answers: the time bound has to end the wait.
    if (path.startsWith('/slow/')) return;
    const name = /^\/app\/(\w+\.vxml)$/.exec(path)?.[1];
    if (!name || !['main.vxml', 'billing.vxml', 'root.vxml', 'agent.vxml'].includes(name)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/voicexml+xml' }).end(app(name));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const bounds = (more: Partial<FetchBounds>): { fetch: FetchBounds } => ({
  fetch: { ...DEFAULT_FETCH_BOUNDS, ...more },
});

/** A document on disk that goes on into the server's. */
function localDocument(next: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'phonemaze-vxml-')), 'main.vxml');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<vxml version="2.1">\n  <menu id="main">\n    <prompt>For billing press 1.</prompt>\n    <choice dtmf="1" next="${next}">billing</choice>\n  </menu>\n</vxml>\n`,
  );
  return file;
}

describe('VoiceXML documents on a server', () => {
  it('reads an application from its URL: the documents it names on the same server are fetched', async () => {
    const read = await readMenuFile(`${base}/app/main.vxml`);
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
    const main = read.flow.nodes.get('main') as MenuNode;
    expect(main.options.map((option) => option.to)).toEqual([
      'billing-menu',
      'agent-agent',
      'agent-agent',
    ]);
    // root.vxml's handler, fetched as the application root.
    expect(main.noMatch).toMatchObject({ tries: 3, then: 'agent-agent' });
    expect((read.flow.nodes.get('billing-menu') as MenuNode).options[1]?.to).toBe('main');
  });

  it('fetches from a server only when the user names it with --fetch', async () => {
    const file = localDocument(`${base}/app/billing.vxml#menu`);
    const closed = await readMenuFile(file);
    if (!closed.ok) throw new Error('not read');
    expect(closed.flow.nodes.has('billing-menu')).toBe(false);
    expect(closed.flow.imported?.approximated[0]?.what).toBe(
      `${base}/app/billing.vxml was not fetched: its server is not one named with --fetch: the call is taken to end`,
    );
    const open = await readMenuFile(file, bounds({ servers: [`${base}/app/`] }));
    if (!open.ok) throw new Error('not read');
    expect((open.flow.nodes.get('main') as MenuNode).options[0]?.to).toBe('billing-menu');
    // A prefix names a folder of the server, not all of it.
    const elsewhere = await readMenuFile(file, bounds({ servers: [`${base}/other/`] }));
    expect(elsewhere.ok && elsewhere.flow.nodes.has('billing-menu')).toBe(false);
  });

  it('stops at --max-documents and --fetch-timeout, and says so', async () => {
    const few = await readMenuFile(`${base}/app/main.vxml`, bounds({ maxDocuments: 1 }));
    if (!few.ok) throw new Error('not read');
    expect(few.flow.imported?.approximated.map((note) => note.what)).toContain(
      `${base}/app/billing.vxml was not fetched: 1 documents (--max-documents) were fetched first: the call is taken to end`,
    );
    const started = Date.now();
    const slow = await readMenuFile(
      localDocument(`${base}/slow/billing.vxml#menu`),
      bounds({ servers: [base], timeoutMs: 300 }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(slow.ok && slow.flow.imported?.approximated[0]?.what).toBe(
      `${base}/slow/billing.vxml was not fetched: the time for fetching (--fetch-timeout) ran out first: the call is taken to end`,
    );
  });

  it('takes a URL on every command, and refuses one the server does not have, with exit 2', async () => {
    const checked = await runCli('check', `${base}/app/main.vxml`);
    expect(checked.stdout).toContain(`${base}/app/main.vxml`);
    expect(checked.stdout).toMatch(/a human in 1 step \(press 0\)/);
    const missing = await runCli('check', `${base}/app/nothing.vxml`);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('The document was not fetched: the server answered 404.');
    const notUrl = await runCli('check', `${base}/app/main.vxml`, '--fetch', 'ivr.example.com');
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toContain('expected an http(s) URL');
    const imported = await runCli('import', `${base}/app/main.vxml`, '--max-documents', '2');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('type: menu');
  });
});
