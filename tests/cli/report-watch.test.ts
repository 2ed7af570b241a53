/**
 * `report --watch` as a designer uses it: the real command serving on 127.0.0.1, the page read
 * over HTTP, a flow saved broken and then mended, the page told to reload each time.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;
const phone = new URL('../../flows/4-phone-computer.mended.yaml', import.meta.url).pathname;

/** The lines of server-sent events from /events, as they come. */
function events(port: number): { received: string[]; close: () => void } {
  const received: string[] = [];
  const call = request({ host: '127.0.0.1', port, path: '/events' }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => received.push(chunk));
  });
  call.on('error', () => {});
  call.end();
  return { received, close: () => call.destroy() };
}

async function until(check: () => boolean, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never ${what}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('phonemaze report --watch', () => {
  it('refuses a port no server can listen on, in words', async () => {
    const { runCli } = await import('./run-cli.js');
    const { code, stderr } = await runCli('report', phone, '--watch', '--port', '99999');
    expect(code).toBe(2);
    expect(stderr).toContain('expected a whole number from 0 to 65535, got "99999"');
  });

  it('serves the page on 127.0.0.1, makes it again on each save, and tells the page to reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-serve-'));
    const flow = join(dir, 'phone.yaml');
    copyFileSync(phone, flow);
    const child = spawn('node', [bin, 'report', flow, '--watch', '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => (output += chunk));
    try {
      await until(
        () => /http:\/\/127\.0\.0\.1:\d+\//.test(output),
        'served',
        () => output,
      );
      expect(output).toContain('(this machine only)');
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
      const page = async () => (await fetch(`http://127.0.0.1:${port}/`)).text();
      const first = await page();
      expect(first).toContain('data-flow="phone-computer-mended"');
      // The page may ask its own server, and nothing else, when to reload.
      expect(first).toContain("connect-src 'self'");
      expect(first).toContain("new EventSource('/events')");
      const listening = events(port);
      await until(
        () => listening.received.length > 0,
        'subscribed',
        () => output,
      );

      // A broken save: the page shows the file's problems instead of the diagram.
      writeFileSync(
        flow,
        readFileSync(phone, 'utf8').replace('start: begruessung', 'start: begrussung'),
      );
      await until(
        () => listening.received.some((chunk) => chunk.includes('data: changed')),
        'told',
        () => output,
      );
      const broken = await page();
      expect(broken).toContain('`start: begrussung` names no node.');
      expect(broken).not.toContain('data-flow="phone-computer-mended"');

      // The next good save brings the diagram back.
      const told = listening.received.length;
      writeFileSync(flow, readFileSync(phone, 'utf8'));
      await until(
        () => listening.received.length > told,
        'told again',
        () => output,
      );
      expect(await page()).toContain('data-flow="phone-computer-mended"');
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
      listening.close();
    } finally {
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exit).toBe(0);
    }
  }, 30_000);
});
