import type { Limits } from '../flow/types.js';

/** docs/checks.md's defaults, from published IVR practice. */
export const DEFAULT_LIMITS: Limits = {
  maxStepsToHuman: 3,
  maxSecondsToHuman: 60,
  maxDepth: 3,
  maxOptions: 5,
  maxPromptSeconds: 30,
};

/** The limits in force for one flow: its own win over the project config, which wins over flags. */
export function limitsFor(
  flowLimits: Partial<Limits>,
  config: Partial<Limits> = {},
  commandLine: Partial<Limits> = {},
): Limits {
  return { ...DEFAULT_LIMITS, ...defined(commandLine), ...defined(config), ...defined(flowLimits) };
}

function defined(limits: Partial<Limits>): Partial<Limits> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}
