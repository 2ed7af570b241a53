/** What a check runs with, from the command line and the project config: `check` and `report` share it. */
import { unknownRuleProblems } from '../analysis/check.js';
import { type ProjectConfig, readProjectConfig } from '../analysis/config.js';
import { formatProblem } from '../flow/problems.js';
import type { Limits } from '../flow/types.js';
import type { CommandIO } from './io.js';
import { LIMIT_OPTIONS } from './options.js';
import type { ReadingOptionValues } from './reading.js';

export type CheckFlags = ReadingOptionValues & {
  readonly config?: string;
} & {
  readonly [name in (typeof LIMIT_OPTIONS)[number]]?: number;
};

/** The limits given as flags and the project config; undefined, with its problems written, when the config is unusable. */
export async function checkSettings(
  options: CheckFlags,
  io: CommandIO,
): Promise<{ readonly limits: Partial<Limits>; readonly config: ProjectConfig } | undefined> {
  const configured = await readProjectConfig(io.cwd, options.config);
  const problems = configured.ok
    ? unknownRuleProblems(configured.config.rules, configured.config.file ?? 'config')
    : configured.problems;
  if (!configured.ok || problems.length > 0) {
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
    return undefined;
  }
  const limits: Partial<Limits> = Object.fromEntries(
    LIMIT_OPTIONS.filter((name) => options[name] !== undefined).map((name) => [
      name,
      options[name],
    ]),
  );
  return { limits, config: configured.config };
}
