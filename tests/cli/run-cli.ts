import { Readable } from 'node:stream';
import { run } from '../../src/cli/main.js';

/** Runs the command in-process, collecting what it writes. */
export async function runCli(...argv: string[]) {
  return runCliWith({}, ...argv);
}

/** As `runCli`, with a terminal or environment of the test's choosing. */
export async function runCliWith(
  setting: { tty?: boolean; env?: Record<string, string>; cwd?: string; stdin?: string },
  ...argv: string[]
) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: setting.tty ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    env: setting.env ?? { NO_COLOR: '1' },
    cwd: setting.cwd ?? process.cwd(),
    // Lines piped in, as a scripted walk reads them.
    ...(setting.stdin !== undefined
      ? { stdin: Object.assign(Readable.from([setting.stdin]), { isTTY: false }) }
      : {}),
  });
  return { code, stdout, stderr };
}
