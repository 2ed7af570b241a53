/** `phonemaze walk`: a caller's walk through a flow, in the terminal or scripted from standard input. */
import { createInterface } from 'node:readline';
import { render } from 'ink';
import { createElement } from 'react';
import { resolveConditions } from '../flow/conditions.js';
import { formatProblem } from '../flow/problems.js';
import type { Flow } from '../flow/types.js';
import { plural } from '../flow/words.js';
import { readMenuFile } from '../import/read.js';
import { LiveAppError } from '../live/app.js';
import type { LiveMirror } from '../live/mirror.js';
import { RequestBudgetSpent } from '../live/provider.js';
import { App } from '../tui/App.js';
import { WalkSession } from '../walk/session.js';
import { describeInput, describeOutcome } from '../walk/words.js';
import { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import { transfersOf } from './live-app.js';
import { type ReadingOptionValues, readingOf } from './reading.js';
import { PairError, parseSet } from './set-values.js';
import { type Recording, readRecording, recordingOf, saveExpectation } from './walk-file.js';
import {
  crawledForWalk,
  type LiveWalk,
  type LiveWalkOptions,
  liveLine,
  liveWalk,
} from './walk-live.js';
import { writeWhole } from './write-whole.js';

export interface WalkCommandOptions extends LiveWalkOptions, ReadingOptionValues {
  readonly set?: readonly string[];
  readonly record?: string;
  readonly replay?: string;
  readonly saveExpect?: string;
}

export async function walkCommand(
  file: string | undefined,
  options: WalkCommandOptions,
  io: CommandIO,
): Promise<ExitCode> {
  if (file === undefined && options.against === undefined) {
    io.stderr.write(
      'error: walk needs a flow file, or --against URL to walk a running TwiML app: phonemaze walk flows/ivr.yaml\n',
    );
    return ExitCode.unusable;
  }
  if (file === undefined && options.saveExpect) {
    io.stderr.write(
      'error: --save-expect adds the walk to a flow file; give the flow file to walk.\n',
    );
    return ExitCode.unusable;
  }
  let flow: Flow;
  let live: LiveWalk | undefined;
  const transfers = options.against !== undefined ? await transfersOf(options, io) : [];
  if (!transfers) return ExitCode.unusable;
  try {
    if (file !== undefined) {
      const read = await readMenuFile(file, readingOf(options));
      if (!read.ok) {
        for (const problem of read.problems) io.stderr.write(`${formatProblem(problem)}\n`);
        return ExitCode.unusable;
      }
      flow = read.flow;
    } else flow = await crawledForWalk(options.against as string, options, transfers, io);
    if (options.against !== undefined) live = liveWalk(options.against, options, flow, transfers);
  } catch (error) {
    if (
      !(
        error instanceof LiveAppError ||
        error instanceof PairError ||
        error instanceof RequestBudgetSpent
      )
    )
      throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return ExitCode.unusable;
  }
  if (options.saveExpect && flow.expect.some((entry) => entry.name === options.saveExpect)) {
    io.stderr.write(
      `error: ${file} already has an expectation named "${options.saveExpect}"; remove it first, or choose another name.\n`,
    );
    return ExitCode.unusable;
  }
  let replayed: Recording | undefined;
  let conditions: Record<string, string>;
  try {
    if (options.replay) replayed = await readRecording(options.replay);
    if (replayed && replayed.flow !== flow.id) {
      io.stderr.write(
        `The replay differs from the recording:\n  - it was recorded on the flow \`${replayed.flow}\`, and this is \`${flow.id}\`\n`,
      );
      return ExitCode.failed;
    }
    conditions = { ...(replayed?.conditions ?? {}), ...parseSet(options.set ?? []) };
    resolveConditions(flow, conditions);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return ExitCode.unusable;
  }

  let session: WalkSession | undefined;
  if (replayed || !io.stdin?.isTTY) {
    // Scripted: one input a line, the transcript printed, never ink's raw mode.
    session = new WalkSession(flow, conditions);
    const inputs = replayed?.inputs ?? (io.stdin ? await linesOf(io.stdin) : []);
    const mirror = live?.mirrorFor(session.conditions);
    const code = await scripted(session, inputs, io, mirror);
    if (code !== ExitCode.ok) {
      if (code === ExitCode.failed) await keep(flow, file, session, options, io);
      return code;
    }
    if (replayed && !replayMatches(replayed, flow, session, io)) {
      if (session) await keep(flow, file, session, options, io);
      return ExitCode.failed;
    }
  } else {
    const instance = render(
      createElement(App, {
        flow,
        conditions,
        onSession: (created) => (session = created),
        ...(live ? { live } : {}),
      }),
      {
        stdout: io.stdout as NodeJS.WriteStream,
        stdin: io.stdin as NodeJS.ReadStream,
        exitOnCtrlC: true,
      },
    );
    await instance.waitUntilExit();
    instance.cleanup();
  }
  if (session) await keep(flow, file, session, options, io);
  return ExitCode.ok;
}

async function linesOf(stream: NodeJS.ReadableStream): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({
    input: stream,
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    const input = line.trim();
    if (input !== '' && !input.startsWith('#')) lines.push(input);
  }
  return lines;
}

/** A walk from written inputs, one a line; with a running app, each step's answer from it too (exit 1 when it differs). */
async function scripted(
  session: WalkSession,
  inputs: readonly string[],
  io: CommandIO,
  mirror?: LiveMirror,
): Promise<ExitCode> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  let differs = false;
  const follow = async () => {
    if (!mirror) return;
    const note = await liveLine(mirror, session);
    differs ||= !note.agrees;
    out(note.line);
  };
  const call = session.call;
  out(
    `${session.flow.title ?? session.flow.id}${
      Object.keys(session.conditions).length
        ? ` (${Object.entries(session.conditions)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')})`
        : ''
    }`,
  );
  for (const heard of call.transcript[0]?.heard ?? []) out(`  “${heard.prompt}”`);
  await follow();
  for (const [index, input] of inputs.entries()) {
    if (call.ended) {
      const left = inputs.length - index;
      out(`(the call has ended; ${plural(left, 'more input', 'more inputs')} not used)`);
      break;
    }
    try {
      session.sendWritten(input);
    } catch (error) {
      io.stderr.write(`line ${index + 1}: ${(error as Error).message}\n`);
      return ExitCode.unusable;
    }
    const entry = session.call.transcript.at(-1);
    out(
      `> ${describeInput(input)} [${entry?.effect ?? ''}] → ${entry?.node} (step ${entry?.steps}, ${Math.round((entry?.seconds ?? 0) * 10) / 10} s)`,
    );
    for (const heard of entry?.heard ?? []) out(`  “${heard.prompt}”`);
    await follow();
  }
  const outcome = session.call.outcome();
  out(
    outcome
      ? describeOutcome(outcome, session.call)
      : `The call is at ${session.call.node}, waiting for the caller (${plural(session.call.stepCount, 'step')}, ${Math.round(session.call.secondsInMenus * 10) / 10} s).`,
  );
  if (differs) {
    io.stderr.write('The app differs from the flow (✗ above).\n');
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

/**
 * Whether a replayed walk ends as it was recorded; says where it differs when not. A replay is a
 * regression check: a flow changed since the recording, or another flow, is a failure.
 */
function replayMatches(
  recording: Recording,
  flow: Flow,
  session: WalkSession,
  io: CommandIO,
): boolean {
  const now = recordingOf(flow.id, session.call, session.inputs);
  const differences = [
    ...(recording.ends !== undefined && recording.ends !== now.ends
      ? [`it ended at ${recording.ends}, and now ends at ${now.ends}`]
      : []),
    ...(recording.outcome !== now.outcome
      ? [
          `it ended "${recording.outcome ?? 'with the call still open'}", and now "${now.outcome ?? 'with the call still open'}"`,
        ]
      : []),
    ...(now.inputs.length < recording.inputs.length
      ? [`the call now ends before all ${recording.inputs.length} recorded inputs are used`]
      : []),
  ];
  if (differences.length === 0) return true;
  io.stderr.write(
    `\nThe replay differs from the recording:\n${differences.map((line) => `  - ${line}`).join('\n')}\n`,
  );
  return false;
}

async function keep(
  flow: Flow,
  file: string | undefined,
  session: WalkSession,
  options: WalkCommandOptions,
  io: CommandIO,
): Promise<void> {
  const recording = recordingOf(flow.id, session.call, session.inputs);
  if (options.record) {
    await writeWhole(options.record, `${JSON.stringify(recording, null, 2)}\n`);
    io.stderr.write(`recorded the walk in ${options.record}\n`);
  }
  if (options.saveExpect && file !== undefined) {
    await saveExpectation(
      file,
      options.saveExpect,
      recording,
      Object.keys(flow.conditions).length > 0,
    );
    io.stderr.write(`saved the walk as the expectation "${options.saveExpect}" in ${file}\n`);
  }
}
