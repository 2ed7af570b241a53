import type { DiffReporter } from './report.js';

/** The comparison for other tools: figures before and after, findings added and removed. */
const json: DiffReporter = (diff) => {
  const flows = diff.comparison.flows.map((flow) => ({
    id: flow.id,
    before: flow.before.file,
    after: flow.after.file,
    stepsToHuman: flow.stepsToHuman,
    secondsToHuman: flow.secondsToHuman,
    byConditions: flow.byConditions,
    ends: flow.ends,
    deepestMenu: flow.deepestMenu,
    mostOptions: flow.mostOptions,
    findings: { added: flow.added, removed: flow.removed, existing: flow.existing },
    changedNodes: flow.changedNodes,
  }));
  const summary = (list: typeof diff.comparison.added) =>
    list.map((checked) => ({
      id: checked.id,
      file: checked.file,
      findings: checked.findings,
    }));
  return `${JSON.stringify(
    {
      version: 1,
      before: diff.before,
      after: diff.after,
      flows,
      added: summary(diff.comparison.added),
      removed: summary(diff.comparison.removed),
      invalid: diff.invalid,
      overruns: diff.overruns,
    },
    null,
    2,
  )}\n`;
};
export default json;
