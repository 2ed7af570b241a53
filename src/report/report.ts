/** The result of checking a set of flow files, as every reporter reads it. */
import type { FlowReport } from '../analysis/check.js';
import { describeInputs } from '../analysis/ways.js';
import type { InvalidFlow } from '../flow/problems.js';
import { plural } from '../flow/words.js';

export type { InvalidFlow };

export interface Report {
  readonly version: 1;
  readonly tool: { readonly name: 'phonemaze'; readonly version: string };
  readonly flows: readonly FlowReport[];
  /** Files that could not be read or are not valid flows: never half analysed. */
  readonly invalid: readonly InvalidFlow[];
  readonly summary: {
    readonly flows: number;
    readonly errors: number;
    readonly warnings: number;
    readonly invalid: number;
  };
}

export interface ReporterOptions {
  /** Whether the output may use terminal colours. */
  readonly color: boolean;
  /** List each block an import approximated (`--verbose`), not only how many. */
  readonly verbose?: boolean;
}

/** A reporter turns a report into the text of one output format. It must not change the report. */
export type Reporter = (report: Readonly<Report>, options: ReporterOptions) => string;

export function buildReport(
  flows: readonly FlowReport[],
  invalid: readonly InvalidFlow[],
  toolVersion: string,
): Report {
  const sorted = [...flows].sort((a, b) => a.file.localeCompare(b.file));
  const count = (severity: string) =>
    sorted.reduce(
      (sum, flow) => sum + flow.findings.filter((finding) => finding.severity === severity).length,
      0,
    );
  return {
    version: 1,
    tool: { name: 'phonemaze', version: toolVersion },
    flows: sorted,
    invalid: [...invalid].sort((a, b) => a.file.localeCompare(b.file)),
    summary: {
      flows: sorted.length,
      errors: count('error'),
      warnings: count('warning'),
      invalid: invalid.length,
    },
  };
}

/** The report without warnings, for `--quiet`. */
export function errorsOnly(report: Report): Report {
  const flows = report.flows.map((flow) => ({
    ...flow,
    findings: flow.findings.filter((f) => f.severity === 'error'),
  }));
  // The summary keeps counting the warnings: left out of the list is not gone.
  return { ...report, flows };
}

export { plural };

/** "a human in 1 step (press 0), 8.3 s in the menus" or "no human can be reached". */
export function humanHeadline(flow: FlowReport): string {
  const { human } = flow;
  if (!human.reachable) return 'no human can be reached';
  const inputs = human.inputs?.length ? ` (${describeInputs(human.inputs)})` : '';
  return `a human in ${plural(human.minSteps ?? 0, 'step')}${inputs}, ${human.minSeconds} s in the menus`;
}
