import { startTwimlApp } from '../tests/live/twiml-app.ts';

const app = await startTwimlApp();
console.log(app.url);
