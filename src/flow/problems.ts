import type { SourcePosition } from './types.js';

/** One thing wrong with a flow file, in a designer's words. */
export interface FlowProblem extends SourcePosition {
  readonly file: string;
  /** What is wrong. */
  readonly message: string;
  /** What to do about it, where we can tell. */
  readonly hint?: string;
}

/** A file that could not be read or is not a valid flow, with every problem that stops it. */
export interface InvalidFlow {
  readonly file: string;
  readonly problems: readonly FlowProblem[];
}

/** A problem with a file as a whole (missing, unreadable, not text), placed at its start. */
export function fileProblem(file: string, message: string, hint?: string): FlowProblem {
  return { file, line: 1, column: 1, message, ...(hint ? { hint } : {}) };
}

/** Thrown by `loadFlow` when a file is refused; carries every problem found, not only the first. */
export class FlowLoadError extends Error {
  readonly problems: readonly FlowProblem[];
  constructor(problems: readonly FlowProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'FlowLoadError';
    this.problems = problems;
  }
}

/** `flows/x.yaml:12:9: to: biling names no node. Did you mean billing?` */
export function formatProblem(problem: FlowProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.hint
    ? `${where}: ${problem.message}\n  ${problem.hint}`
    : `${where}: ${problem.message}`;
}
