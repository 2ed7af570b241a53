import { createServer } from 'node:http';
import { crawlTwimlApp } from '../src/live/crawl-app.ts';

const server = createServer((q, r) => {
  r.writeHead(200, { 'content-type': 'text/xml' });
  r.end(
    q.url === '/loop'
      ? '<Response><Redirect>/loop</Redirect></Response>'
      : q.url === '/sms'
        ? '<Response><Sms>hi</Sms><Say>Bye</Say></Response>'
        : '<Response><Say>We are closed.</Say><Hangup/></Response>',
  );
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
for (const path of ['/voice', '/loop', '/sms']) {
  const c = await crawlTwimlApp({ url: `http://127.0.0.1:${port}${path}` });
  console.log(c.text, c.deadEnds, c.skipped);
}
server.close();
