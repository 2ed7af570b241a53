import type { Reporter } from './report.js';

/** Workflow commands escape these so that a message cannot end or fake a command. */
const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One workflow command: an annotation at a file's line and column. */
export function annotation(
  level: 'error' | 'warning',
  file: string,
  line: number,
  column: number,
  title: string,
  message: string,
): string {
  return `::${level} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on its line of the pull request. */
const github: Reporter = (report) => {
  const lines: string[] = [];
  for (const invalid of report.invalid) {
    for (const p of invalid.problems) {
      lines.push(
        annotation(
          'error',
          p.file,
          p.line,
          p.column,
          'phonemaze: invalid flow',
          p.hint ? `${p.message} ${p.hint}` : p.message,
        ),
      );
    }
  }
  for (const flow of report.flows) {
    for (const f of flow.findings)
      lines.push(
        annotation(f.severity, flow.file, f.line, f.column, `phonemaze ${f.rule}`, f.message),
      );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
export default github;
