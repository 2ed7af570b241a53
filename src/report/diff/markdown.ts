import type { Change, FlowComparison } from '../../analysis/compare.js';
import { flowShape } from '../../analysis/shape.js';
import { plural } from '../../flow/words.js';
import { MAX_DIAGRAM_NODES, mermaidOf } from '../mermaid.js';
import type { DiffReporter } from './report.js';
import {
  ARROWS,
  counted,
  direction,
  endShown,
  shown,
  unchanged,
  wayDirection,
  wayShown,
} from './words.js';

const MARKS = { worse: '🔺 worse', better: '🟢 better', same: '', changed: '〰 changed' } as const;

function row(label: string, before: string, after: string, how: keyof typeof MARKS): string {
  return `| ${label} | ${before} | ${after} | ${MARKS[how] || ARROWS.same} |`;
}

/** A figure's row: before, after, and which way it went. */
function figureRow(label: string, change: Change<number>): string {
  return row(label, shown(change.before), shown(change.after), direction(change));
}

function flowSection(flow: FlowComparison): string[] {
  const lines = [
    `### ${flow.id} (\`${flow.after.file}\`)`,
    '',
    '| | before | after | |',
    '|---|---:|---:|---|',
    figureRow('Steps to a human', flow.stepsToHuman),
    figureRow('Seconds to a human', flow.secondsToHuman),
    ...flow.byConditions
      .filter((group) => direction(group.steps) !== 'same' || direction(group.seconds) !== 'same')
      .map((group) =>
        row(
          `… when ${group.conditions}`,
          `${counted(group.steps.before, 'step')}, ${shown(group.seconds.before)} s`,
          `${counted(group.steps.after, 'step')}, ${shown(group.seconds.after)} s`,
          direction(group.steps) === 'same' ? direction(group.seconds) : direction(group.steps),
        ),
      ),
    figureRow('Deepest menu', flow.deepestMenu),
    figureRow('Most options', flow.mostOptions),
    ...flow.ends
      .filter((end) => wayDirection(end) !== 'same')
      .map((end) =>
        row(
          `Way to ${endShown(end)}`,
          wayShown(end.before),
          wayShown(end.after),
          wayDirection(end),
        ),
      ),
    '',
  ];
  for (const finding of flow.added) {
    lines.push(
      `- ➕ **${finding.severity}** \`${finding.rule}\` at \`${flow.after.file}:${finding.line}:${finding.column}\`: ${finding.message}`,
    );
  }
  for (const finding of flow.removed) {
    lines.push(`- ➖ ~~${finding.severity} \`${finding.rule}\`: ${finding.message}~~`);
  }
  if (flow.added.length + flow.removed.length > 0) lines.push('');
  const small =
    Math.max(flowShape(flow.before).nodes.length, flowShape(flow.after).nodes.length) <=
    MAX_DIAGRAM_NODES;
  if (small) {
    const changed = new Set(flow.changedNodes);
    lines.push(
      `<details><summary>Diagrams, before and after (${plural(changed.size, 'changed node')} marked)</summary>`,
      '',
      '**Before**',
      '',
      '```mermaid',
      mermaidOf(flow.before),
      '```',
      '',
      '**After**',
      '',
      '```mermaid',
      mermaidOf(flow.after, changed),
      '```',
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

/** A pull-request comment: what the change does to callers, flow by flow, with both diagrams. */
const markdown: DiffReporter = (diff) => {
  const flows = diff.comparison.flows;
  const worse = flows.filter(
    (flow) => direction(flow.stepsToHuman) === 'worse' || flow.added.length > 0,
  );
  const lines = [
    '## phonemaze diff',
    '',
    `${diff.before} → ${diff.after}: ${plural(flows.length, 'flow')} compared, ${plural(worse.length, 'worse for callers', 'worse for callers')}.`,
    '',
    ...diff.overruns.map(
      (overrun) => `- ❌ ${overrun.flow ? `**${overrun.flow}**: ` : ''}${overrun.message}`,
    ),
    ...(diff.overruns.length > 0 ? [''] : []),
    ...flows.filter((flow) => !unchanged(flow)).flatMap(flowSection),
    ...(flows.some(unchanged)
      ? [
          `_Unchanged for callers: ${flows
            .filter(unchanged)
            .map((flow) => flow.id)
            .join(', ')}._`,
          '',
        ]
      : []),
    ...diff.comparison.added.map(
      (added) =>
        `- ➕ new flow **${added.id}** (\`${added.file}\`), ${plural(added.findings.length, 'finding')}`,
    ),
    ...diff.comparison.removed.map(
      (removed) => `- ➖ removed flow **${removed.id}** (\`${removed.file}\`)`,
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
};
export default markdown;
