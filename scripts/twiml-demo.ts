// Runs the test suite's TwiML app on 127.0.0.1 (port 3000, or PORT), to try `crawl`, `test --against`
// and `walk --against` on: `npm run demo:twiml`, then in another terminal
// `npx phonemaze crawl http://127.0.0.1:3000/voice`.
import { startTwimlApp } from '../tests/live/twiml-app.js';

const app = await startTwimlApp({ port: Number(process.env.PORT ?? 3000) });
console.log(`A TwiML app answers at ${app.url} (Ctrl-C stops it).`);
