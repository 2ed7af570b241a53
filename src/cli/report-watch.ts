/**
 * `report --watch`: the report page served on this machine alone, made again each time a flow
 * file is saved, and the open page told to reload (server-sent events). A designer edits the
 * YAML on one side of the screen and sees the changed menu on the other; a broken save shows
 * the file's problems on the page, and the next good save brings the diagram back.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { interrupted, watchFlows } from './watch.js';

/** Only this machine: the page shows the flows, and nobody else need see them. */
const HOST = '127.0.0.1';

export async function serveReport(
  paths: readonly string[],
  port: number,
  page: () => Promise<string>,
  io: CommandIO,
): Promise<ExitCode> {
  let current = await page();
  const listeners = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', `http://${HOST}`).pathname;
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(current);
    } else if (path === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': phonemaze report --watch\n\n');
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
    } else {
      response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Not here: the report is at /\n');
    }
  });
  const listening = await new Promise<AddressInfo | Error>((done) => {
    server.once('error', done);
    server.listen(port, HOST, () => done(server.address() as AddressInfo));
  });
  if (listening instanceof Error) {
    const busy = (listening as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.stderr.write(
      busy
        ? `error: port ${port} is in use on ${HOST}; choose another with --port (0 picks a free one).\n`
        : `error: cannot serve the report on ${HOST}:${port}: ${listening.message}.\n`,
    );
    return ExitCode.unusable;
  }
  let making = Promise.resolve();
  const watching = await watchFlows(paths, io, () => {
    making = making.then(async () => {
      current = await page();
      for (const listener of listeners) listener.write(`data: changed\n\n`);
      io.stderr.write(`── ${new Date().toLocaleTimeString()} ── the page is made again\n`);
    });
  });
  io.stderr.write(
    `serving the report of ${watching.description} on http://${HOST}:${listening.port}/ (this machine only); Ctrl+C to stop\n`,
  );
  await interrupted();
  await watching.close();
  await making;
  for (const listener of listeners) listener.end();
  await new Promise<void>((closed) => server.close(() => closed()));
  return ExitCode.ok;
}
