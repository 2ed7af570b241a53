/** The exit codes of every command, as docs/checks.md fixes them. */
export const ExitCode = {
  /** Every flow was read and nothing failed. */
  ok: 0,
  /** A check found an error, or a test failed. */
  failed: 1,
  /** A flow file could not be read or is invalid, or the command line is wrong. */
  unusable: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
