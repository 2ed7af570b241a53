// `npm start`: the demo. It checks every bundled flow as CI would, then says what the exit code
// means instead of passing it on: the as-was flows fail on purpose, and npm would print its own
// failure lines over the findings. `phonemaze check` itself keeps its exit codes.
import { run } from '../dist/cli/main.js';

const code = await run(['check', 'flows']);
const meaning = {
  0: 'nothing failed',
  1: 'a flow has an error: the *.as-was.yaml flows and acme-support.yaml fail on purpose, each with the findings of its story',
  2: 'a flow file or the command line is unusable',
};
process.stdout.write(
  `\nphonemaze check exited ${code} (${meaning[code] ?? 'see --help'}).\nThe mended flows pass: npx phonemaze check flows/*.mended.yaml\n`,
);
if (code === 2) process.exitCode = 2;
