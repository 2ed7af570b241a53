/**
 * `check --baseline REF` and `diff`: the flows compared with another version of them, and the
 * budget of how much worse a change may make things for callers.
 */

import { basename, relative } from 'node:path';
import { type Budget, DEFAULT_BUDGET, overruns, parseBudget } from '../analysis/budget.js';
import type { CheckOptions } from '../analysis/check.js';
import type { ProjectConfig } from '../analysis/config.js';
import {
  type ComparedSides,
  checkedAtRef,
  checkedOnDisk,
  compareSides,
  type Side,
} from '../compare-paths.js';
import { BaselineError } from '../flow/git.js';
import type { DiffReport } from '../report/diff/report.js';
import type { CommandIO } from './io.js';

/** The budget in force: the defaults, then the project config, then `--budget`. */
export function budgetOf(config: ProjectConfig, flag: string | undefined): Budget {
  const configured = { ...DEFAULT_BUDGET, ...config.budget };
  return flag === undefined ? configured : parseBudget(flag, configured);
}

/** The flows under the paths now and at the ref; undefined, with the reason written, when there is no baseline. */
export async function againstRef(
  ref: string,
  paths: readonly string[],
  options: CheckOptions,
  io: CommandIO,
): Promise<ComparedSides | undefined> {
  let before: Side;
  try {
    before = await checkedAtRef(ref, paths, io.cwd, options);
  } catch (error) {
    if (!(error instanceof BaselineError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return undefined;
  }
  for (const path of before.missing) {
    io.stderr.write(`note: ${path} did not exist at ${ref}; its flows count as new.\n`);
  }
  // The baseline names its files `REF:path`; the working tree, `path`.
  const prefix = `${ref}:`;
  return compareSides(before, await checkedOnDisk(paths, options), (file) =>
    file.startsWith(prefix) ? file.slice(prefix.length) : file,
  );
}

/** Two paths on disk, the old and the new. */
export async function betweenPaths(
  old: string,
  now: string,
  options: CheckOptions,
): Promise<ComparedSides> {
  const within = (root: string, file: string) => relative(root, file) || basename(file);
  return compareSides(
    await checkedOnDisk([old], options),
    await checkedOnDisk([now], options),
    (file, side) => within(side === 'before' ? old : now, file),
  );
}

export function diffReportOf(
  sides: ComparedSides,
  before: string,
  after: string,
  budget: Budget | undefined,
): DiffReport {
  return {
    before,
    after,
    comparison: sides.comparison,
    invalid: [...sides.before.invalid, ...sides.after.invalid],
    overruns: budget ? overruns(sides.comparison, budget) : [],
  };
}
