/**
 * The project config file: limits and rule severities for every flow of a project.
 * `phonemaze.config.json` or `.phonemazerc.json` in the current folder, or `--config FILE`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { HumanPatterns } from '../flow/humans.js';
import { formatOf } from '../flow/json-text.js';
import { type FlowProblem, fileProblem } from '../flow/problems.js';
import { limitsSchema } from '../flow/schema.js';
import { shapeProblems } from '../flow/shape-errors.js';
import { readFlowText } from '../flow/source.js';
import type { Limits, RuleSetting } from '../flow/types.js';
import type { Budget } from './budget.js';

export const CONFIG_FILES = ['phonemaze.config.json', '.phonemazerc.json'] as const;

export const projectConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  limits: limitsSchema.optional(),
  rules: z.record(z.string(), z.enum(['error', 'warning', 'off'])).optional(),
  budget: z
    .strictObject({
      steps: z.number().nonnegative().optional(),
      seconds: z.number().nonnegative().optional(),
      findings: z.number().int().nonnegative().optional(),
    })
    .optional(),
  humans: z
    .strictObject({
      transfers: z
        .array(z.string().min(1))
        .optional()
        .describe(
          'Dialled numbers, clients or queues (`*` matches any characters), or `type:<block type>`, that are a transfer to another line, not a person.',
        ),
      people: z
        .array(z.string().min(1))
        .optional()
        .describe(
          'Transfers (a number, a flow, `type:<block type>`) that reach a person after all: a line staffed by people.',
        ),
    })
    .optional(),
});

export interface ProjectConfig {
  readonly file?: string;
  readonly limits: Partial<Limits>;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** How much worse a change may make things against a baseline (`check --baseline`). */
  readonly budget?: Partial<Budget>;
  /** What counts as a person in apps and exports: patterns of targets that are transfers instead. */
  readonly humans?: HumanPatterns;
}

export const EMPTY_CONFIG: ProjectConfig = { limits: {}, rules: {} };

export type ConfigResult =
  | { readonly ok: true; readonly config: ProjectConfig }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

/** Reads the config named, or the first default one in `cwd`; no file at all is an empty config. */
export async function readProjectConfig(cwd: string, named?: string): Promise<ConfigResult> {
  const candidates = named ? [named] : CONFIG_FILES.map((file) => join(cwd, file));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (named) {
        return {
          ok: false,
          problems: [
            fileProblem(file, 'There is no such config file.', 'Check the path given to --config.'),
          ],
        };
      }
      continue;
    }
    return parseProjectConfig(text, file);
  }
  return { ok: true, config: EMPTY_CONFIG };
}

/** Validates config text (JSON, or YAML), naming each problem's line and column. */
export function parseProjectConfig(text: string, file: string): ConfigResult {
  const read = readFlowText(text, file, { format: formatOf(file, true) });
  if (!read.ok) return read;
  const parsed = projectConfigSchema.safeParse(read.data);
  if (!parsed.success)
    return { ok: false, problems: shapeProblems(parsed.error, read.data, read.source, file) };
  return {
    ok: true,
    config: {
      file,
      limits: parsed.data.limits ?? {},
      ...(parsed.data.budget ? { budget: parsed.data.budget } : {}),
      ...(parsed.data.humans
        ? {
            humans: {
              transfers: parsed.data.humans.transfers ?? [],
              people: parsed.data.humans.people ?? [],
            },
          }
        : {}),
      rules: Object.fromEntries(
        Object.entries(parsed.data.rules ?? {}).map(([rule, severity]) => [
          rule,
          { severity, at: read.source.at(['rules', rule], { key: true }) },
        ]),
      ),
    },
  };
}
