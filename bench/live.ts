/**
 * `npm run bench`, section 3: a running TwiML app (the test suite's, on 127.0.0.1), answering at
 * once and in 20 ms (a webhook behind a framework and a database), crawled with one request at a
 * time and with the default four in flight, and tested against its own crawl: what `--parallel`
 * buys, and what a crawl costs per request, measured in one run.
 */
import { testAgainst } from '../dist/live/against.js';
import { crawlTwimlApp } from '../dist/live/crawl-app.js';
import { startTwimlApp } from '../tests/live/twiml-app.js';

const ms = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const RUNS = 3;

export async function benchLive(): Promise<void> {
  console.log(`\nA running TwiML app (tests/live/twiml-app.ts on 127.0.0.1), best of ${RUNS}:\n`);
  console.log('| app answers in | what | requests | ms | ms per request |');
  console.log('|---:|---|---:|---:|---:|');
  for (const delayMs of [0, 20]) await benchApp(delayMs);
}

async function benchApp(delayMs: number): Promise<void> {
  const app = await startTwimlApp({ delayMs });
  const row = (what: string, requests: number, best: number) =>
    console.log(
      `| ${delayMs} ms | ${what} | ${requests} | ${best.toFixed(0)} | ${(best / requests).toFixed(2)} |`,
    );
  try {
    let text = '';
    for (const parallel of [1, 4]) {
      let best = Number.POSITIVE_INFINITY;
      let requests = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = process.hrtime.bigint();
        const crawled = await crawlTwimlApp({ url: app.url, parallel });
        best = Math.min(best, ms(start));
        requests = crawled.requests;
        text = crawled.text;
      }
      row(`crawl, --parallel ${parallel}`, requests, best);
    }
    const { parseFlow } = await import('../dist/flow/load.js');
    const read = parseFlow(text, 'crawled.yaml');
    if (!read.ok) throw new Error('the crawled flow does not load');
    for (const parallel of [1, 4]) {
      let best = Number.POSITIVE_INFINITY;
      let requests = 0;
      for (let run = 0; run < RUNS; run++) {
        const start = process.hrtime.bigint();
        const result = await testAgainst(read.flow, { url: app.url }, { parallel });
        best = Math.min(best, ms(start));
        requests = result.requests;
      }
      row(`test --against its crawl, --parallel ${parallel}`, requests, best);
    }
  } finally {
    await app.close();
  }
}
