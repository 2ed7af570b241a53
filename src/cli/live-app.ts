/**
 * The live-app options of the command line (`--param`, `--auth-token`, `--transfer`...) and the
 * project config's `humans.transfers`, as the settings `src/live/` takes.
 */
import { readProjectConfig } from '../analysis/config.js';
import { formatProblem } from '../flow/problems.js';
import type { LiveAppSettings } from '../live/app.js';
import { DEFAULT_MOST_REQUESTS, DEFAULT_TIMEOUT_SECONDS } from '../live/app.js';
import type { CommandIO } from './io.js';
import { parsePairs } from './set-values.js';

export interface LiveOptionValues {
  readonly method?: 'POST' | 'GET';
  readonly param?: readonly string[];
  readonly authToken?: string;
  readonly allowHost?: readonly string[];
  readonly maxRequests?: number;
  readonly requestTimeout?: number;
  readonly transfer?: readonly string[];
  readonly config?: string;
}

export function liveSettings(url: string, options: LiveOptionValues): LiveAppSettings {
  return {
    url,
    method: options.method ?? 'POST',
    params: parsePairs(options.param ?? [], '--param', 'name=value', 'From=+441234567890'),
    ...(options.authToken ? { authToken: options.authToken } : {}),
    allowHosts: options.allowHost ?? [],
    timeoutSeconds: options.requestTimeout ?? DEFAULT_TIMEOUT_SECONDS,
    mostRequests: options.maxRequests ?? DEFAULT_MOST_REQUESTS,
  };
}

/**
 * The targets that are transfers, not people: `--transfer` and the project config's
 * `humans.transfers`. Undefined, with the problems written, when the config is unusable.
 */
export async function transfersOf(
  options: LiveOptionValues,
  io: CommandIO,
): Promise<readonly string[] | undefined> {
  const read = await readProjectConfig(io.cwd, options.config);
  if (!read.ok) {
    for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return undefined;
  }
  return [...(read.config.humans?.transfers ?? []), ...(options.transfer ?? [])];
}
