import { benchLive } from '../bench/live.ts';

await benchLive();
