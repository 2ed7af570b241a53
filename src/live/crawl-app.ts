/** `phonemaze crawl` as a function: a running TwiML app in, a flow file's text and its `Flow` out. */
import { parseFlow } from '../flow/load.js';
import type { FlowProblem } from '../flow/problems.js';
import type { Flow } from '../flow/types.js';
import { type LiveAppSettings, liveApp } from './app.js';
import { type CrawledMenu, type CrawlOptions, crawl } from './crawl.js';
import { type CrawledFlowOptions, crawledFlow } from './crawled-flow.js';

export interface CrawlAppOptions extends LiveAppSettings, CrawledFlowOptions {
  readonly values?: CrawlOptions['values'];
  readonly parallel?: number;
  /** Told of each menu once its inputs are all tried: for progress. */
  readonly onMenu?: (menu: CrawledMenu, crawled: { menus: number; requests: number }) => void;
}

export interface CrawledApp {
  /** The flow file, ready to write. */
  readonly text: string;
  /** The flow as the loader reads that text, positions into it. */
  readonly flow: Flow;
  readonly menus: number;
  readonly requests: number;
  /** App errors and hosts not followed, each with its request. */
  readonly deadEnds: readonly string[];
  /** TwiML verbs the crawl stepped over (`<Sms>`, `<Pay>`...). */
  readonly skipped: readonly string[];
}

/** Thrown when the crawl's own flow does not load: a phonemaze bug, reported with the problems. */
export class CrawledFlowError extends Error {
  override name = 'CrawledFlowError';
  constructor(readonly problems: readonly FlowProblem[]) {
    super('the crawled flow does not load');
  }
}

export async function crawlTwimlApp(
  options: CrawlAppOptions,
  file = 'crawled.yaml',
): Promise<CrawledApp> {
  const app = liveApp(options);
  const crawled = await crawl(app, {
    ...(options.values ? { values: options.values } : {}),
    ...(options.parallel ? { parallel: options.parallel } : {}),
    ...(options.onMenu ? { onMenu: options.onMenu } : {}),
  });
  const written = crawledFlow(crawled, app.url, options);
  const read = parseFlow(written.text, file);
  if (!read.ok) throw new CrawledFlowError(read.problems);
  return {
    text: written.text,
    flow: read.flow,
    menus: crawled.menus.size,
    requests: crawled.requests,
    deadEnds: written.deadEnds,
    skipped: crawled.skipped,
  };
}
