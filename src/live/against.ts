/**
 * A flow as the specification of a running TwiML app: the flow's generated paths (the same as
 * `phonemaze/testing`'s) driven against the app, step by step, what it says and where it goes.
 */

import pLimit from 'p-limit';
import { Call } from '../call/call.js';
import type { Flow } from '../flow/types.js';
import { DeviationError, type FlowPath, flowPaths } from '../testing/model.js';
import { LiveAdapter } from './adapter.js';
import { type LiveAppSettings, liveApp } from './app.js';
import type { LiveApp } from './provider.js';

export interface AgainstOptions {
  /** The condition values the app has now; the flow's paths are generated for these only. */
  readonly conditions?: Readonly<Record<string, string>>;
  /** Patterns of `<Dial>` and `<Enqueue>` targets that are a transfer, not a person (`--transfer`). */
  readonly transfers?: readonly string[];
  /** Paths driven at once, each its own call (default 4). */
  readonly parallel?: number;
}

export interface PathOutcome {
  readonly description: string;
  readonly passed: boolean;
  /** Where the app first differed from the flow, in words. */
  readonly message?: string;
  /** Each side's call up to that step, one line per input or prompt. */
  readonly flowSide: readonly string[];
  readonly appSide: readonly string[];
}

export interface AgainstResult {
  readonly paths: readonly PathOutcome[];
  readonly passed: number;
  readonly failed: number;
  readonly requests: number;
}

export async function testAgainst(
  flow: Flow,
  settings: LiveAppSettings,
  options: AgainstOptions = {},
): Promise<AgainstResult> {
  const app = liveApp(settings);
  const paths = flowPaths(flow, options.conditions ? { conditions: [options.conditions] } : {});
  const limit = pLimit(options.parallel ?? 4);
  const outcomes = await Promise.all(
    paths.map((path) => limit(() => drive(path, app, flow, options.transfers ?? []))),
  );
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  return { paths: outcomes, passed, failed: outcomes.length - passed, requests: app.budget.used };
}

/** One path as a call to the app: passed, or both sides up to the first difference. */
async function drive(
  path: FlowPath,
  app: LiveApp,
  flow: Flow,
  transfers: readonly string[],
): Promise<PathOutcome> {
  const adapter = new LiveAdapter(app, flow, transfers);
  try {
    await path.test(adapter);
    return { description: path.description, passed: true, flowSide: [], appSide: [] };
  } catch (error) {
    if (!(error instanceof DeviationError)) throw error;
    const call = new Call(flow, path.conditions);
    const flowSide = [`call starts → ${call.node}`, ...heardLines(call.transcript[0]?.heard ?? [])];
    for (const step of path.steps.slice(0, error.step)) {
      call.send(step.event);
      const entry = call.transcript.at(-1);
      flowSide.push(`> ${step.input} → ${entry?.node}`, ...heardLines(entry?.heard ?? []));
    }
    return {
      description: path.description,
      passed: false,
      message: error.message,
      flowSide,
      appSide: adapter.transcript,
    };
  }
}

function heardLines(heard: readonly { readonly prompt: string }[]): string[] {
  return heard.map((one) => `  “${one.prompt}”`);
}
