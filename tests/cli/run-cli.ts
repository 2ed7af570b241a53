import { run } from '../../src/cli/main.js';

/** Runs the command in-process, collecting what it writes. */
export async function runCli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1' },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
