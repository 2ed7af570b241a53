/**
 * Caller profiles from a `--profiles` file: read as a flow file is (YAML, or JSON for `.json`),
 * each problem with its file, line and column, each field left out taking its default.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { type FlowProblem, fileProblem } from '../flow/problems.js';
import { callerProfileProblems } from '../flow/profile-references.js';
import { callerProfileSchema } from '../flow/schema.js';
import { describePath } from '../flow/shape-errors.js';
import { type PathSegment, readFlowText } from '../flow/source.js';
import type { CallerProfile, Flow } from '../flow/types.js';

const profilesSchema = z.array(callerProfileSchema).min(1, 'The file lists no profile.');

export type ProfilesResult =
  | { readonly ok: true; readonly profiles: CallerProfile[] }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

export async function readProfiles(file: string, flow: Flow): Promise<ProfilesResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          missing
            ? 'There is no such profiles file.'
            : `The file cannot be read: ${(error as Error).message}`,
          'Check the path given to --profiles.',
        ),
      ],
    };
  }
  return parseProfiles(text, file, flow);
}

export function parseProfiles(text: string, file: string, flow: Flow): ProfilesResult {
  const read = readFlowText(text, file, { list: true });
  if (!read.ok) return read;
  const problems: FlowProblem[] = [];
  const report = (path: readonly PathSegment[], message: string, hint?: string, key = false) =>
    problems.push({ file, ...read.source.at(path, { key }), message, ...(hint ? { hint } : {}) });
  if (!Array.isArray(read.data)) {
    report(
      [],
      'A profiles file is a list of caller profiles, but this file holds a mapping.',
      'Start each profile with `- name: ...`; see "Simulated callers" in the README.',
    );
    return { ok: false, problems };
  }
  const parsed = profilesSchema.safeParse(read.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PathSegment[];
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (keys.length > 0) {
        for (const key of keys) {
          const where = `Unknown key \`${key}\` in profile ${Number(path[0]) + 1}.`;
          report([...path, key], where, KEYS_HINT, true);
        }
      } else {
        report(path, `${capitalised(describePath(path))}: ${issue.message}`, KEYS_HINT);
      }
    }
    return { ok: false, problems };
  }
  callerProfileProblems(parsed.data, [...flow.nodes.keys()], report);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profiles: parsed.data };
}

const KEYS_HINT =
  'A profile has name and share, and may have goal, lost, keyMistake, phraseMisunderstood, knowsZero and patience { seconds, errors }.';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
