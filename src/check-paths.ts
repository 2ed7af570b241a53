/** The `check` pipeline as a function: flow files → validated flows → analysis → one report. */
import { type CheckOptions, checkFlow, type FlowReport } from './analysis/check.js';
import type { ProjectConfig } from './analysis/config.js';
import { fileProblem } from './flow/problems.js';
import type { Limits } from './flow/types.js';
import { type ReadMenuOptions, readMenuFile } from './import/read.js';
import { readFlowFiles } from './import/read-files.js';
import { buildReport, type InvalidFlow, type Report } from './report/report.js';
import { VERSION } from './version.js';

export interface CheckPathsOptions extends ReadMenuOptions {
  readonly limits?: Partial<Limits>;
  readonly config?: ProjectConfig;
}

/** Checks one file; a file that cannot be read or is invalid comes back as an InvalidFlow. */
export async function checkFile(
  file: string,
  options: CheckOptions & ReadMenuOptions = {},
): Promise<FlowReport | InvalidFlow> {
  const read = await readMenuFile(file, {
    ...options,
    ...(options.config?.humans ? { humans: options.config.humans } : {}),
  });
  if (!read.ok) return { file, problems: read.problems };
  const checked = checkFlow(read.flow, options);
  return checked.ok ? checked.report : { file, problems: checked.problems };
}

/** Checks every flow file named or found in the folders named. */
export async function checkPaths(
  paths: readonly string[],
  options: CheckPathsOptions = {},
): Promise<Report> {
  const read = await readFlowFiles(paths, undefined, {
    ...options,
    ...(options.config?.humans ? { humans: options.config.humans } : {}),
  });
  const invalid: InvalidFlow[] = [...read.invalid];
  const flows: FlowReport[] = [];
  for (const { file, flow } of read.flows) {
    const checked = checkFlow(flow, options);
    if (checked.ok) flows.push(checked.report);
    else invalid.push({ file, problems: checked.problems });
  }
  const duplicates = duplicateIds(flows);
  const refused = new Set(duplicates.map((duplicate) => duplicate.file));
  return buildReport(
    flows.filter((flow) => !refused.has(flow.file)),
    [...invalid, ...duplicates],
    VERSION,
  );
}

/** Flow ids are unique among the flows checked together (docs/flow-format.md). */
function duplicateIds(flows: readonly FlowReport[]): InvalidFlow[] {
  const first = new Map<string, string>();
  const duplicates: InvalidFlow[] = [];
  for (const flow of [...flows].sort((a, b) => a.file.localeCompare(b.file))) {
    const earlier = first.get(flow.id);
    if (earlier === undefined) first.set(flow.id, flow.file);
    else
      duplicates.push({
        file: flow.file,
        problems: [
          fileProblem(
            flow.file,
            `The flow id \`${flow.id}\` is used by ${earlier} too.`,
            'Give each flow its own id.',
          ),
        ],
      });
  }
  return duplicates;
}
