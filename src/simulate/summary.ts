/**
 * What became of simulated callers, per profile: shares of each end and of goals reached,
 * percentiles of steps and seconds, and a histogram of steps. Callers travel as compact columns,
 * which worker threads hand back without copying and which merge exactly.
 */
import type { CallerProfile } from '../flow/types.js';
import type { CallerEnd, ProfileResult, SimulatedCaller } from './simulate.js';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

const ENDS: readonly CallerEnd[] = ['human', 'abandoned', 'disconnected', 'ended'];

/** Callers as compact columns, which worker threads hand back without copying. */
export interface CallerColumns {
  readonly profile: Uint8Array;
  readonly end: Uint8Array;
  /** 1 where the caller reached their goal. */
  readonly goal: Uint8Array;
  readonly steps: Uint16Array;
  readonly seconds: Float64Array;
}

export function toColumns(
  callers: readonly SimulatedCaller[],
  profiles: readonly CallerProfile[],
): CallerColumns {
  const index = new Map(profiles.map((profile, i) => [profile.name, i]));
  const columns = {
    profile: new Uint8Array(callers.length),
    end: new Uint8Array(callers.length),
    goal: new Uint8Array(callers.length),
    steps: new Uint16Array(callers.length),
    seconds: new Float64Array(callers.length),
  };
  callers.forEach((caller, i) => {
    columns.profile[i] = index.get(caller.profile) ?? 0;
    columns.end[i] = ENDS.indexOf(caller.end);
    columns.goal[i] = caller.reachedGoal ? 1 : 0;
    columns.steps[i] = caller.steps;
    columns.seconds[i] = caller.seconds;
  });
  return columns;
}

/** Each profile's shares, percentiles and histogram, over callers from one or many workers. */
export function summarise(
  profiles: readonly CallerProfile[],
  parts: readonly CallerColumns[],
): ProfileResult[] {
  const round = (value: number) => Math.round(value * 10) / 10;
  return profiles.map((profile, p) => {
    const ends = [0, 0, 0, 0];
    let goals = 0;
    const histogram: number[] = [];
    const steps: number[] = [];
    const seconds: number[] = [];
    for (const part of parts) {
      for (let i = 0; i < part.profile.length; i++) {
        if (part.profile[i] !== p) continue;
        const taken = part.steps[i] as number;
        ends[part.end[i] as number] = (ends[part.end[i] as number] as number) + 1;
        goals += part.goal[i] as number;
        histogram[taken] = (histogram[taken] ?? 0) + 1;
        steps.push(taken);
        seconds.push(part.seconds[i] as number);
      }
    }
    steps.sort((a, b) => a - b);
    seconds.sort((a, b) => a - b);
    const n = Math.max(1, steps.length);
    return {
      profile: profile.name,
      callers: steps.length,
      share: {
        goal: goals / n,
        ...(Object.fromEntries(ENDS.map((end, i) => [end, (ends[i] as number) / n])) as Record<
          CallerEnd,
          number
        >),
      },
      steps: { median: percentile(steps, 0.5), p90: percentile(steps, 0.9) },
      seconds: { median: round(percentile(seconds, 0.5)), p90: round(percentile(seconds, 0.9)) },
      histogram: Array.from(histogram, (count) => count ?? 0),
    };
  });
}
