import { annotation } from '../github.js';
import type { DiffReporter } from './report.js';

/** Annotations on the pull request for what the change brings: new findings only, and overruns. */
const github: DiffReporter = (diff) => {
  const lines: string[] = [];
  for (const flow of diff.comparison.flows) {
    for (const f of flow.added) {
      lines.push(
        annotation(
          f.severity,
          flow.after.file,
          f.line,
          f.column,
          `phonemaze ${f.rule} (new)`,
          f.message,
        ),
      );
    }
  }
  for (const added of diff.comparison.added) {
    for (const f of added.findings) {
      lines.push(
        annotation(
          f.severity,
          added.file,
          f.line,
          f.column,
          `phonemaze ${f.rule} (new flow)`,
          f.message,
        ),
      );
    }
  }
  for (const overrun of diff.overruns) {
    // A figure that got worse belongs to a flow, not to a line of it: the file's first line.
    lines.push(
      overrun.file
        ? annotation(
            'error',
            overrun.file,
            1,
            1,
            'phonemaze budget',
            `${overrun.flow}: ${overrun.message}`,
          )
        : `::error title=phonemaze budget::${overrun.message}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
export default github;
