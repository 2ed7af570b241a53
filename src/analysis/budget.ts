/**
 * Budgets against a baseline: how much worse a change may make things for callers before a
 * check fails. The default is none at all: a ratchet, as Lighthouse CI budgets and ratcheting
 * linters hold a codebase to where it stands.
 */
import { plural } from '../flow/words.js';
import type { Comparison } from './compare.js';

export interface Budget {
  /** Steps to a human a change may add (best case, and for any group of condition values). */
  readonly steps: number;
  /** Seconds in the menus before a human a change may add. */
  readonly seconds: number;
  /** New findings (errors and warnings) a change may bring, over all flows. */
  readonly findings: number;
}

export const DEFAULT_BUDGET: Budget = { steps: 0, seconds: 0, findings: 0 };
export const BUDGET_NAMES = ['steps', 'seconds', 'findings'] as const;

/** `steps=0,seconds=5,findings=0` over the budget given so far; throws with what is wrong. */
export function parseBudget(text: string, base: Budget = DEFAULT_BUDGET): Budget {
  const budget: Record<string, number> = { ...base };
  for (const part of text
    .split(',')
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const [name, value, ...rest] = part.split('=').map((piece) => piece.trim());
    const amount = Number(value);
    if (!name || !(BUDGET_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `--budget names ${BUDGET_NAMES.join(', ')}, not "${name ?? part}" (e.g. --budget steps=0,seconds=5,findings=0).`,
      );
    }
    if (
      rest.length > 0 ||
      value === undefined ||
      value === '' ||
      !Number.isFinite(amount) ||
      amount < 0
    ) {
      throw new Error(`--budget ${name} takes a number of at least 0, not "${value ?? ''}".`);
    }
    budget[name] = amount;
  }
  return budget as unknown as Budget;
}

/** One way a change went over its budget, in words. */
export interface Overrun {
  readonly flow: string;
  readonly file: string;
  readonly message: string;
}

const more = (before: number | undefined, after: number | undefined) =>
  before === undefined || after === undefined ? 0 : after - before;

/** Everything that got worse beyond the budget. */
export function overruns(comparison: Comparison, budget: Budget): Overrun[] {
  const found: Overrun[] = [];
  for (const flow of comparison.flows) {
    const over = (message: string) => found.push({ flow: flow.id, file: flow.after.file, message });
    const figures = [
      { where: '', steps: flow.stepsToHuman, seconds: flow.secondsToHuman },
      ...flow.byConditions.map((group) => ({
        where: ` when ${group.conditions}`,
        steps: group.steps,
        seconds: group.seconds,
      })),
    ];
    for (const { where, steps, seconds } of figures) {
      if (steps.before !== undefined && steps.after === undefined) {
        over(`no human can be reached any more${where} (it took ${plural(steps.before, 'step')})`);
        continue;
      }
      const addedSteps = more(steps.before, steps.after);
      if (addedSteps > budget.steps) {
        over(
          `the way to a human${where} is ${plural(addedSteps, 'step')} longer (${steps.before} → ${steps.after}); the budget is ${budget.steps}`,
        );
      }
      const addedSeconds = Math.round(more(seconds.before, seconds.after) * 10) / 10;
      if (addedSeconds > budget.seconds) {
        over(
          `the way to a human${where} takes ${addedSeconds} s longer (${seconds.before} → ${seconds.after} s); the budget is ${budget.seconds} s`,
        );
      }
    }
  }
  const added =
    comparison.flows.reduce((sum, flow) => sum + flow.added.length, 0) +
    comparison.added.reduce((sum, report) => sum + report.findings.length, 0);
  if (added > budget.findings) {
    found.push({
      flow: '',
      file: '',
      message: `the change brings ${plural(added, 'new finding')}; the budget is ${budget.findings}`,
    });
  }
  return found;
}
