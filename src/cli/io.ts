/** Where a command writes, so that tests can run commands in-process. */
export interface CommandIO {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where a scripted walk reads its inputs; a terminal makes the walk interactive. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

export function processIO(): CommandIO {
  for (const stream of [process.stdout, process.stderr]) {
    // `phonemaze check | head`: the reader has gone; what is left to write has no one to read it.
    if (stream.listenerCount('error') === 0) stream.on('error', ignoreClosedPipe);
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/**
 * Whether output may use terminal colours: only when it goes to a terminal (not a file), and
 * never with NO_COLOR or a dumb terminal.
 */
export function colourWanted(io: CommandIO, toFile: boolean): boolean {
  return !toFile && io.stdout.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}
