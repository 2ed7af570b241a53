/** `walk --against URL`: the flow to walk (the given one, or the app crawled first) and the app to follow alongside. */
import type { Flow } from '../flow/types.js';
import { plural } from '../flow/words.js';
import { liveApp } from '../live/app.js';
import { crawlTwimlApp } from '../live/crawl-app.js';
import { expectedOf, LiveMirror, type MirrorNote } from '../live/mirror.js';
import type { WalkSession } from '../walk/session.js';
import type { CommandIO } from './io.js';
import { type LiveOptionValues, liveSettings } from './live-app.js';

export interface LiveWalkOptions extends LiveOptionValues {
  readonly against?: string;
}

export interface LiveWalk {
  readonly url: string;
  readonly mirrorFor: (conditions: Readonly<Record<string, string>>) => LiveMirror;
}

/** How to follow the app under a walk's condition values. Throws LiveAppError for a bad URL. */
export function liveWalk(
  url: string,
  options: LiveWalkOptions,
  flow: Flow,
  transfers: readonly string[],
): LiveWalk {
  const settings = liveSettings(url, options);
  liveApp(settings);
  return {
    url,
    mirrorFor: (conditions) => new LiveMirror(liveApp(settings), flow, conditions, transfers),
  };
}

/** The app crawled into a flow to walk, when no flow file is given; progress on standard error. */
export async function crawledForWalk(
  url: string,
  options: LiveWalkOptions,
  transfers: readonly string[],
  io: CommandIO,
): Promise<Flow> {
  io.stderr.write(`crawling ${url} to learn its menus…\n`);
  const crawled = await crawlTwimlApp({ ...liveSettings(url, options), transfers }, url);
  io.stderr.write(
    `crawled ${plural(crawled.menus, 'menu')} in ${plural(crawled.requests, 'request')}; each input now goes to the app too.\n`,
  );
  return crawled.flow;
}

/** The app's answer to a scripted walk's inputs so far, as a transcript line. */
export async function liveLine(
  mirror: LiveMirror,
  session: WalkSession,
): Promise<MirrorNote & { line: string }> {
  const note = await mirror.follow(session.events, expectedOf(session.call));
  const line = note.agrees
    ? `  app: the same (${note.where})`
    : `  ✗ app: ${note.difference} (${note.where})`;
  return { ...note, line };
}
