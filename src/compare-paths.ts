/**
 * Comparing two versions of a set of flows as functions: flow files on disk, or as they are at a
 * git ref (`--baseline`), each checked alike and paired by flow id.
 */
import { type CheckOptions, checkFlow, type FlowReport } from './analysis/check.js';
import { type Comparison, compareFlows } from './analysis/compare.js';
import { checkPaths } from './check-paths.js';
import { commitOf, flowFilesAt } from './flow/git.js';
import { parseFlow } from './flow/load.js';
import type { InvalidFlow } from './flow/problems.js';

/** One side of a comparison: the flows that checked, and the files that could not be read. */
export interface Side {
  readonly flows: readonly FlowReport[];
  readonly invalid: readonly InvalidFlow[];
  /** Paths named that did not exist (at the baseline: new files). */
  readonly missing: readonly string[];
}

/** The flows under the paths on disk, checked. */
export async function checkedOnDisk(
  paths: readonly string[],
  options: CheckOptions = {},
): Promise<Side> {
  const report = await checkPaths(paths, options);
  return { flows: report.flows, invalid: report.invalid, missing: [] };
}

/** The flows under the paths as they were at a git ref, checked. Throws a BaselineError. */
export async function checkedAtRef(
  ref: string,
  paths: readonly string[],
  cwd: string,
  options: CheckOptions = {},
): Promise<Side> {
  const commit = await commitOf(ref, cwd);
  const { files, missing } = await flowFilesAt(commit, paths, cwd);
  const flows: FlowReport[] = [];
  const invalid: InvalidFlow[] = [];
  for (const file of files) {
    const name = `${ref}:${file.path}`;
    const read = parseFlow(file.text, file.path);
    const checked = read.ok ? checkFlow(read.flow, options) : read;
    if (!checked.ok) invalid.push({ file: name, problems: checked.problems });
    else flows.push({ ...checked.report, file: name });
  }
  return { flows, invalid, missing };
}

export interface ComparedSides {
  readonly comparison: Comparison;
  readonly before: Side;
  readonly after: Side;
}

/**
 * Compares two sides. `same` names a file as both sides would (a path without its side's root or
 * ref), so that a flow whose file is not valid any more is not taken for a flow removed.
 */
export function compareSides(
  before: Side,
  after: Side,
  same: (file: string, side: 'before' | 'after') => string = (file) => file,
): ComparedSides {
  const compared = compareFlows(before.flows, after.flows);
  const broken = new Set(after.invalid.map((invalid) => same(invalid.file, 'after')));
  const removed = compared.removed.filter((report) => !broken.has(same(report.file, 'before')));
  return { comparison: { ...compared, removed }, before, after };
}
