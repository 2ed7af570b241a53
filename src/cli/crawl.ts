/** `phonemaze crawl`: a running TwiML app crawled into a flow file. */
import { formatProblem } from '../flow/problems.js';
import { plural } from '../flow/words.js';
import { LiveAppError, liveApp } from '../live/app.js';
import { CrawledFlowError, crawlTwimlApp } from '../live/crawl-app.js';
import { describeRequest } from '../live/crawled-flow.js';
import { RequestBudgetSpent } from '../live/provider.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { type LiveOptionValues, liveSettings, transfersOf } from './live-app.js';
import { PairError, parsePairs } from './set-values.js';
import { writeWhole } from './write-whole.js';

export interface CrawlCommandOptions extends LiveOptionValues {
  readonly output?: string;
  readonly id?: string;
  readonly value?: readonly string[];
  readonly parallel: number;
  readonly quiet?: boolean;
}

export async function crawlCommand(
  url: string,
  options: CrawlCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  const say = (line: string) => {
    if (!options.quiet) io.stderr.write(`${line}\n`);
  };
  const transfers = await transfersOf(options, io);
  if (!transfers) return ExitCode.unusable;
  try {
    const values = Object.entries(
      parsePairs(options.value ?? [], '--value', 'word=digits', 'account=12345678'),
    ).map(([word, digits]) => ({ word, digits }));
    const settings = liveSettings(url, options);
    const origin = liveApp(settings).url;
    const crawled = await crawlTwimlApp(
      {
        ...settings,
        values,
        parallel: options.parallel,
        ...(options.id ? { id: options.id } : {}),
        transfers,
        onMenu: (menu, done) =>
          say(
            `crawled ${describeRequest(menu.where.request, origin)}: ${plural(menu.choices.length, 'choice')} (${plural(done.menus, 'menu')}, ${plural(done.requests, 'request')} so far)`,
          ),
      },
      options.output ?? 'crawled.yaml',
    );
    if (options.output) await writeWhole(options.output, crawled.text);
    else io.stdout.write(crawled.text);
    say(
      `${options.output ? `wrote ${options.output}: ` : ''}${plural(crawled.menus, 'menu')}, ${plural(crawled.flow.nodes.size, 'node')}, from ${plural(crawled.requests, 'request')} to ${origin.host}.`,
    );
    for (const deadEnd of crawled.deadEnds) say(`dead end: ${deadEnd}`);
    if (crawled.skipped.length > 0)
      say(
        `stepped over TwiML a crawl does not act on: ${crawled.skipped.map((verb) => `<${verb}>`).join(', ')}`,
      );
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CrawledFlowError) {
      for (const problem of error.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      return ExitCode.unusable;
    }
    if (error instanceof RequestBudgetSpent) {
      io.stderr.write(
        `error: the crawl ${error.message} before it had tried every input; raise --max-requests to crawl the whole app.\n`,
      );
      return ExitCode.unusable;
    }
    if (error instanceof LiveAppError || error instanceof PairError) {
      io.stderr.write(`error: ${error.message}\n`);
      return ExitCode.unusable;
    }
    throw error;
  }
}
