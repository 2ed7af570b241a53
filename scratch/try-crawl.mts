import { crawl } from '/work/main/src/live/crawl.ts';
import { crawledFlow } from '/work/main/src/live/crawled-flow.ts';
import { startTwimlApp } from '/work/main/tests/live/twiml-app.ts';

const app = await startTwimlApp();
const live = {
  url: new URL(app.url),
  params: {},
  allowHosts: [],
  timeoutMs: 5000,
  budget: { used: 0, most: 5000 },
};
const t = performance.now();
const result = await crawl(live);
const out = crawledFlow(result, new URL(app.url));
console.log(out.text);
console.log(out.deadEnds, result.requests, performance.now() - t);
await app.close();
