/** Every output format, by its `--format` name. */
import github from './github.js';
import json from './json.js';
import junit from './junit.js';
import markdown from './markdown.js';
import type { Reporter } from './report.js';
import sarif from './sarif.js';
import text from './text.js';

export const reporters = { text, json, junit, github, sarif, markdown } satisfies Record<
  string,
  Reporter
>;

export type FormatName = keyof typeof reporters;
export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(reporters, name);
}
