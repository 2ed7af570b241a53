/** Before and after in words, with which way is worse: the diff reporters share them. */
import type { Change, FlowComparison, WayTo } from '../../analysis/compare.js';

/** `changed`: moved, but neither better nor worse for callers (a hang-up now reached, or not). */
export type Direction = 'worse' | 'better' | 'same' | 'changed';

/** For figures where more is worse (steps, seconds, depth, options); losing a figure is worse. */
export function direction(change: Change<number>): Direction {
  const { before, after } = change;
  if (before === after) return 'same';
  if (after === undefined) return 'worse';
  if (before === undefined) return 'better';
  return after > before ? 'worse' : after < before ? 'better' : 'same';
}

/**
 * For the way to an end. To a person: longer, or gone, is worse. To the system's disconnect:
 * being there at all is worse. To a hang-up or a transfer: longer is worse, but one that comes
 * or goes is only a change (callers may now reach a person instead).
 */
export function wayDirection(change: Change<WayTo> & { readonly type: string }): Direction {
  const steps = direction({ before: change.before?.steps, after: change.after?.steps });
  const seconds = direction({ before: change.before?.seconds, after: change.after?.seconds });
  const longer = steps !== 'same' ? steps : seconds;
  if (longer === 'same') return 'same';
  if (change.type === 'disconnected') return longer === 'worse' ? 'better' : 'worse';
  const comesOrGoes = (change.before === undefined) !== (change.after === undefined);
  if (comesOrGoes && change.type !== 'agent') return 'changed';
  return longer;
}

/** An end as a designer names it: the node, or the system's disconnect in words. */
export const endShown = (end: { readonly node: string; readonly type: string }) =>
  end.type === 'disconnected' ? 'disconnected by the system' : `${end.node} (${end.type})`;

export const ARROWS: Readonly<Record<Direction, string>> = {
  worse: '▲',
  better: '▼',
  same: '=',
  changed: '~',
};

/** A count with its word: "1 step", "2 steps"; "none" where there is none. */
export const counted = (value: number | undefined, word: string) =>
  value === undefined ? 'none' : `${value} ${value === 1 ? word : `${word}s`}`;

export const shown = (value: number | undefined, unit = '') =>
  value === undefined ? 'none' : `${value}${unit}`;

export const wayShown = (way: WayTo | undefined) =>
  way === undefined
    ? 'not reachable'
    : `${way.steps} ${way.steps === 1 ? 'step' : 'steps'}, ${way.seconds} s`;

/** Whether a change leaves a flow as callers meet it: no figure moved, no finding came or went. */
export function unchanged(flow: FlowComparison): boolean {
  return (
    flow.changedNodes.length === 0 &&
    flow.added.length === 0 &&
    flow.removed.length === 0 &&
    [flow.stepsToHuman, flow.secondsToHuman, flow.deepestMenu, flow.mostOptions].every(
      (change) => direction(change) === 'same',
    ) &&
    flow.ends.every((end) => wayDirection(end) === 'same')
  );
}
