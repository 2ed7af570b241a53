/** A test run as a test runner prints it: each scenario, the transcript of each failure, coverage. */
import { createColors } from 'picocolors';
import type { TranscriptEntry } from '../call/call.js';
import { formatProblem } from '../flow/problems.js';
import type { TestRun } from '../testing/run.js';

export function transcriptLines(transcript: readonly TranscriptEntry[]): string[] {
  return transcript.map((entry) => {
    const heard = entry.heard.map((h) => `"${h.prompt}"`).join(' ');
    const what =
      entry.input === undefined
        ? 'call starts'
        : `${entry.input}${entry.effect ? ` (${entry.effect})` : ''}`;
    return `${what} → ${entry.node}${heard ? `  ${heard}` : ''}`;
  });
}

export function testRunText(run: TestRun, { color }: { color: boolean }): string {
  const c = createColors(color);
  const out: string[] = [];
  for (const invalid of run.invalid) {
    out.push(
      c.underline(invalid.file),
      ...invalid.problems.map(
        (p) => `  ${c.red('invalid')}  ${formatProblem(p).replace(/\n/g, '\n  ')}`,
      ),
      '',
    );
  }
  for (const flow of run.flows) {
    out.push(c.underline(flow.file));
    if (flow.results.length === 0) out.push(c.dim('  no expectations'));
    for (const result of flow.results) {
      const mark = result.passed ? c.green('✓') : c.red('✗');
      out.push(`  ${mark} ${result.expectation.name} ${c.dim(`(${result.message})`)}`);
      if (!result.passed) {
        out.push(`      ${c.red(result.message)}`);
        if (result.transcript.length > 0)
          out.push(
            '      transcript:',
            ...transcriptLines(result.transcript).map((line) => `        ${line}`),
          );
      }
    }
    const { nodes, options, percent } = flow.coverage;
    out.push(
      `  coverage ${percent}%: ${nodes.covered}/${nodes.total} nodes, ${options.covered}/${options.total} options`,
    );
    const missing = [...nodes.missing, ...options.missing];
    if (missing.length > 0)
      out.push(
        c.dim(
          `  not covered: ${missing.slice(0, 12).join(', ')}${missing.length > 12 ? `, and ${missing.length - 12} more` : ''}`,
        ),
      );
    out.push('');
  }
  const summary = `${run.passed} passed, ${run.failed} failed`;
  out.push(run.failed > 0 || run.invalid.length > 0 ? c.red(summary) : c.green(summary));
  return `${out.join('\n')}\n`;
}
