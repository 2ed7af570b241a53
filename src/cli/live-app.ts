/** The live-app options of the command line (`--param`, `--auth-token`...) as the settings `src/live/` takes. */
import type { LiveAppSettings } from '../live/app.js';
import { parsePairs } from './set-values.js';

export interface LiveOptionValues {
  readonly param?: readonly string[];
  readonly authToken?: string;
  readonly allowHost?: readonly string[];
  readonly maxRequests: number;
  readonly requestTimeout: number;
}

export function liveSettings(url: string, options: LiveOptionValues): LiveAppSettings {
  return {
    url,
    params: parsePairs(options.param ?? [], '--param', 'name=value', 'From=+441234567890'),
    ...(options.authToken ? { authToken: options.authToken } : {}),
    allowHosts: options.allowHost ?? [],
    timeoutSeconds: options.requestTimeout,
    mostRequests: options.maxRequests,
  };
}
