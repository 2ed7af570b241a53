import { flowShape } from '../analysis/shape.js';
import { formatProblem } from '../flow/problems.js';
import { MAX_DIAGRAM_NODES, mermaidOf } from './mermaid.js';
import { humanHeadline, plural, type Reporter } from './report.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A pull-request comment: a summary table, then each flow's findings and diagram. */
const markdown: Reporter = (report) => {
  const out: string[] = ['## phonemaze check', ''];
  const { summary } = report;
  const invalid = summary.invalid ? `, **${plural(summary.invalid, 'file')} not valid**` : '';
  out.push(
    `${plural(summary.flows, 'flow')} checked: **${plural(summary.errors, 'error')}**, ${plural(summary.warnings, 'warning')}${invalid}.`,
    '',
  );
  if (report.flows.length > 0) {
    out.push(
      '| Flow | Steps to a human | Seconds in the menus | Deepest menu | Errors | Warnings |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const flow of report.flows) {
      const errors = flow.findings.filter((f) => f.severity === 'error').length;
      const human = flow.human.reachable
        ? [String(flow.human.minSteps), String(flow.human.minSeconds)]
        : ['none', '–'];
      out.push(
        `| ${cell(flow.id)} | ${human[0]} | ${human[1]} | ${flow.stats.maxDepth} | ${errors} | ${flow.findings.length - errors} |`,
      );
    }
    out.push('');
  }
  for (const invalid of report.invalid) {
    out.push(
      `### \`${invalid.file}\` is not a valid flow`,
      '',
      '```',
      ...invalid.problems.map(formatProblem),
      '```',
      '',
    );
  }
  for (const flow of report.flows) {
    out.push(
      `### ${cell(flow.title ?? flow.id)} (\`${flow.file}\`)`,
      '',
      `${flow.id}: ${humanHeadline(flow)}; deepest menu ${flow.stats.maxDepth}.`,
      '',
    );
    if (flow.findings.length > 0) {
      out.push('| | Line | Rule | Node | Finding |', '|---|---:|---|---|---|');
      for (const f of flow.findings) {
        out.push(
          `| ${f.severity === 'error' ? '❌' : '⚠️'} | ${f.line}:${f.column} | \`${f.rule}\` | ${cell(f.node)} | ${cell(f.message)} |`,
        );
      }
      out.push('');
    }
    if (flowShape(flow).nodes.length <= MAX_DIAGRAM_NODES) {
      out.push(
        '<details><summary>Diagram: the way to a human in green, findings outlined</summary>',
        '',
        '```mermaid',
        mermaidOf(flow),
        '```',
        '',
        '</details>',
        '',
      );
    } else {
      out.push(
        `_The flow has ${flowShape(flow).nodes.length} nodes, too many for a readable diagram here._`,
        '',
      );
    }
  }
  return `${out.join('\n')}\n`;
};
export default markdown;
