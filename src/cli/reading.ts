/** What the reading options a command takes (READING_OPTIONS) mean to the reader of menu files. */
import type { ImportFormat } from '../import/document.js';
import { DEFAULT_FETCH_BOUNDS } from '../import/fetch.js';
import type { ReadMenuOptions } from '../import/read.js';

export interface ReadingOptionValues {
  readonly from?: ImportFormat;
  readonly entry?: string;
  readonly platform?: 'w3c' | 'openvxi';
  readonly fetch?: readonly string[];
  readonly maxDocuments?: number;
  /** Seconds. */
  readonly fetchTimeout?: number;
}

export function readingOf(values: ReadingOptionValues): ReadMenuOptions {
  return {
    ...(values.from ? { from: values.from } : {}),
    ...(values.entry ? { entry: values.entry } : {}),
    ...(values.platform ? { platform: values.platform } : {}),
    fetch: {
      servers: values.fetch ?? DEFAULT_FETCH_BOUNDS.servers,
      maxDocuments: values.maxDocuments ?? DEFAULT_FETCH_BOUNDS.maxDocuments,
      timeoutMs:
        values.fetchTimeout !== undefined
          ? values.fetchTimeout * 1000
          : DEFAULT_FETCH_BOUNDS.timeoutMs,
    },
  };
}
