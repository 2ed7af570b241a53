import { createColors } from 'picocolors';
import type { Change } from '../../analysis/compare.js';
import { plural } from '../../flow/words.js';
import type { DiffReporter } from './report.js';
import {
  ARROWS,
  counted,
  type Direction,
  direction,
  endShown,
  shown,
  unchanged,
  wayDirection,
  wayShown,
} from './words.js';

/** For people at a terminal: per flow, each figure before → after, worse in red, better in green. */
const text: DiffReporter = (diff, { color }) => {
  const c = createColors(color);
  const paint = (how: Direction, words: string) =>
    how === 'worse' ? c.red(words) : how === 'better' ? c.green(words) : c.dim(words);
  const figure = (label: string, change: Change<number>, show = (n?: number) => shown(n)) => {
    const how = direction(change);
    return `  ${label.padEnd(24)} ${show(change.before)} → ${show(change.after)}  ${paint(how, `${ARROWS[how]} ${how}`)}`;
  };
  const inSeconds = (n?: number) => shown(n, ' s');
  const lines: string[] = [`Comparing ${diff.before} with ${diff.after}`, ''];
  const same = diff.comparison.flows.filter(unchanged);
  for (const flow of diff.comparison.flows.filter((each) => !unchanged(each))) {
    lines.push(c.bold(`${flow.id} (${flow.after.file})`));
    lines.push(figure('steps to a human', flow.stepsToHuman));
    lines.push(figure('seconds to a human', flow.secondsToHuman, inSeconds));
    for (const group of flow.byConditions) {
      if (direction(group.steps) === 'same' && direction(group.seconds) === 'same') continue;
      lines.push(figure(`  when ${group.conditions}`, group.steps, (n) => counted(n, 'step')));
      lines.push(figure('', group.seconds, inSeconds));
    }
    lines.push(figure('deepest menu', flow.deepestMenu));
    lines.push(figure('most options', flow.mostOptions));
    const moved = flow.ends.filter((end) => wayDirection(end) !== 'same');
    if (moved.length > 0) {
      lines.push('  ways to where calls end:');
      for (const end of moved) {
        const how = wayDirection(end);
        lines.push(
          `    ${endShown(end).padEnd(28)} ${wayShown(end.before)} → ${wayShown(end.after)}  ${paint(how, ARROWS[how])}`,
        );
      }
    }
    for (const finding of flow.added) {
      lines.push(
        `  ${c.red('+')} ${finding.severity} ${finding.rule} at ${flow.after.file}:${finding.line}:${finding.column}  ${finding.message}`,
      );
    }
    for (const finding of flow.removed) {
      lines.push(`  ${c.green('−')} ${finding.severity} ${finding.rule}  ${finding.message}`);
    }
    if (flow.added.length === 0 && flow.removed.length === 0)
      lines.push(c.dim('  findings unchanged'));
    lines.push('');
  }
  for (const added of diff.comparison.added) {
    lines.push(
      `${c.bold(`+ ${added.id}`)} (${added.file}): a new flow, ${plural(added.findings.length, 'finding')}`,
    );
  }
  for (const removed of diff.comparison.removed) {
    lines.push(`${c.bold(`− ${removed.id}`)} (${removed.file}): removed`);
  }
  if (diff.comparison.added.length + diff.comparison.removed.length > 0) lines.push('');
  for (const invalid of diff.invalid) {
    for (const problem of invalid.problems) {
      lines.push(c.red(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`));
    }
  }
  for (const overrun of diff.overruns) {
    lines.push(c.red(`✖ ${overrun.flow ? `${overrun.flow}: ` : ''}${overrun.message}`));
  }
  if (same.length > 0)
    lines.push(
      c.dim(
        `${plural(same.length, 'flow')} unchanged for callers: ${same.map((flow) => flow.id).join(', ')}`,
      ),
    );
  const flows = diff.comparison.flows;
  const added = flows.reduce((sum, flow) => sum + flow.added.length, 0);
  const removed = flows.reduce((sum, flow) => sum + flow.removed.length, 0);
  lines.push(
    `${plural(flows.length, 'flow')} compared, ${diff.comparison.added.length} added, ${diff.comparison.removed.length} removed; ${plural(added, 'finding')} added, ${removed} removed`,
  );
  return `${lines.join('\n')}\n`;
};
export default text;
