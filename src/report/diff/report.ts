/** A comparison as every diff reporter reads it. */
import type { Overrun } from '../../analysis/budget.js';
import type { Comparison } from '../../analysis/compare.js';
import type { InvalidFlow, ReporterOptions } from '../report.js';

export interface DiffReport {
  /** What the old side is: a path, or `origin/main`. */
  readonly before: string;
  readonly after: string;
  readonly comparison: Comparison;
  readonly invalid: readonly InvalidFlow[];
  /** What got worse beyond the budget (empty without one). */
  readonly overruns: readonly Overrun[];
}

/** A diff reporter turns a comparison into the text of one output format, and changes nothing. */
export type DiffReporter = (diff: Readonly<DiffReport>, options: ReporterOptions) => string;
