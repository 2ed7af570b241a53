/** Every output format of `phonemaze diff`, by its `--format` name. */
import github from './github.js';
import json from './json.js';
import markdown from './markdown.js';
import type { DiffReporter } from './report.js';
import text from './text.js';

export const diffReporters = { text, json, markdown, github } satisfies Record<
  string,
  DiffReporter
>;

export type DiffFormatName = keyof typeof diffReporters;
export const DIFF_FORMAT_NAMES = Object.keys(diffReporters) as DiffFormatName[];
