/** What a walk leaves behind: a recording (`--record`), and an expect entry in the flow (`--save-expect`). */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import type { Call } from '../call/call.js';
import { addExpectation } from '../flow/add-expectation.js';
import { describeOutcome } from '../walk/words.js';
import { OutputError, writeWhole } from './write-whole.js';

export const recordingSchema = z.object({
  version: z.literal(1),
  flow: z.string(),
  conditions: z.record(z.string(), z.string()),
  inputs: z.array(z.string()),
  ends: z.string().optional(),
  outcome: z.string().optional(),
});
export type Recording = z.infer<typeof recordingSchema>;

export function recordingOf(flowId: string, call: Call, inputs: readonly string[]): Recording {
  const outcome = call.outcome();
  return {
    version: 1,
    flow: flowId,
    conditions: { ...call.conditions },
    inputs: [...inputs],
    ends: call.node,
    ...(outcome ? { outcome: describeOutcome(outcome, call) } : {}),
  };
}

export async function readRecording(file: string): Promise<Recording> {
  const parsed = recordingSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a walk recorded with --record: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}

/** Adds the walk to the flow file's `expect` list, leaving every other byte as written. */
export async function saveExpectation(
  flowFile: string,
  name: string,
  recording: Recording,
  hasConditions: boolean,
): Promise<void> {
  const added = addExpectation(await readFile(flowFile, 'utf8'), {
    name,
    ...(hasConditions ? { given: recording.conditions } : {}),
    inputs: recording.inputs,
    ends: recording.ends ?? '',
  });
  if (!added.ok) throw new OutputError(`could not save the walk in ${flowFile}: ${added.reason}.`);
  await writeWhole(flowFile, added.text);
}
