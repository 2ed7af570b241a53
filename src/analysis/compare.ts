/**
 * What a change does to callers: two versions of a flow, checked alike, compared figure by
 * figure (the way to a human, the way to every end, depth and options) and finding by finding.
 */

import type { Flow } from '../flow/types.js';
import type { Finding, FlowReport, HumanFigures } from './check.js';
import { factsOf } from './facts.js';
import { distanceTo } from './live.js';
import { flowShape } from './shape.js';

/** The fewest steps and the shortest time from the start to a node, under any condition values. */
export interface WayTo {
  readonly steps: number;
  readonly seconds: number;
}

/** A figure before and after; `undefined` where there is none (no human can be reached). */
export interface Change<T> {
  readonly before: T | undefined;
  readonly after: T | undefined;
}

export interface FlowComparison {
  readonly id: string;
  readonly before: FlowReport;
  readonly after: FlowReport;
  readonly stepsToHuman: Change<number>;
  readonly secondsToHuman: Change<number>;
  /** Per group of condition values (`hours=closed`), where the flow has conditions. */
  readonly byConditions: readonly {
    readonly conditions: string;
    readonly steps: Change<number>;
    readonly seconds: Change<number>;
  }[];
  /** Every agent and every node a call can end at, in either version. */
  readonly ends: readonly ({ readonly node: string; readonly type: string } & Change<WayTo>)[];
  readonly deepestMenu: Change<number>;
  readonly mostOptions: Change<number>;
  readonly added: readonly Finding[];
  readonly removed: readonly Finding[];
  /** Findings in both versions: there before the change. */
  readonly existing: readonly Finding[];
  /** Nodes added, or whose type, prompt or moves changed. */
  readonly changedNodes: readonly string[];
}

export interface Comparison {
  readonly flows: readonly FlowComparison[];
  /** Flows only in the new version: every finding of theirs is new. */
  readonly added: readonly FlowReport[];
  readonly removed: readonly FlowReport[];
}

const END_TYPES = new Set(['agent', 'transfer', 'hangup']);

/** The way to every node a call can end at (and the system's disconnect), best over conditions. */
export function waysToEnds(flow: Flow): Map<string, { type: string } & WayTo> {
  const facts = factsOf(flow);
  const ways = new Map<string, { type: string } & WayTo>();
  facts.graph.ids.forEach((id, vertex) => {
    const node = facts.graph.nodes[vertex];
    const type = node ? node.type : 'disconnected';
    if (node && !END_TYPES.has(node.type)) return;
    const steps = distanceTo(facts.live, facts.steps, vertex);
    const seconds = distanceTo(facts.live, facts.seconds, vertex);
    if (Number.isFinite(steps)) ways.set(id, { type, steps, seconds: round(seconds) });
  });
  return ways;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** A finding's identity across versions: lines move when a file is edited, the rest does not. */
export const findingKey = (finding: Finding) =>
  `${finding.rule}\u0000${finding.node}\u0000${finding.message}`;

function humanSteps(human: HumanFigures): number | undefined {
  return human.reachable ? human.minSteps : undefined;
}

function humanSeconds(human: HumanFigures): number | undefined {
  return human.reachable ? human.minSeconds : undefined;
}

const describeConditions = (conditions: Readonly<Record<string, string>>) =>
  Object.entries(conditions)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');

export function compareFlow(old: FlowReport, now: FlowReport): FlowComparison {
  const oldKeys = new Map(old.findings.map((finding) => [findingKey(finding), finding]));
  const newKeys = new Set(now.findings.map(findingKey));
  const oldEnds = waysToEnds(old.flow);
  const newEnds = waysToEnds(now.flow);
  const endIds = [...new Set([...oldEnds.keys(), ...newEnds.keys()])].sort();
  // A value a side does not list leaves the way to a human as at best: its overall figures.
  const listed = (report: FlowReport) =>
    new Map((report.byConditions ?? []).map((each) => [describeConditions(each.conditions), each]));
  const oldGroups = listed(old);
  const newGroups = listed(now);
  const groups = new Map<string, { steps: Change<number>; seconds: Change<number> }>();
  for (const key of new Set([...oldGroups.keys(), ...newGroups.keys()])) {
    const before = oldGroups.get(key) ?? old.human;
    const after = newGroups.get(key) ?? now.human;
    groups.set(key, {
      steps: { before: humanSteps(before), after: humanSteps(after) },
      seconds: { before: humanSeconds(before), after: humanSeconds(after) },
    });
  }
  return {
    id: now.id,
    before: old,
    after: now,
    stepsToHuman: { before: humanSteps(old.human), after: humanSteps(now.human) },
    secondsToHuman: { before: humanSeconds(old.human), after: humanSeconds(now.human) },
    byConditions: [...groups].map(([conditions, change]) => ({ conditions, ...change })),
    ends: endIds.map((node) => ({
      node,
      type: newEnds.get(node)?.type ?? oldEnds.get(node)?.type ?? 'agent',
      before: pick(oldEnds.get(node)),
      after: pick(newEnds.get(node)),
    })),
    deepestMenu: { before: old.stats.maxDepth, after: now.stats.maxDepth },
    mostOptions: { before: old.stats.maxOptions, after: now.stats.maxOptions },
    added: now.findings.filter((finding) => !oldKeys.has(findingKey(finding))),
    removed: old.findings.filter((finding) => !newKeys.has(findingKey(finding))),
    existing: now.findings.filter((finding) => oldKeys.has(findingKey(finding))),
    changedNodes: changedNodes(old, now),
  };
}

function pick(way: WayTo | undefined): WayTo | undefined {
  return way ? { steps: way.steps, seconds: way.seconds } : undefined;
}

/** Nodes that are new, or differ in type, prompt or where their moves lead. */
function changedNodes(before: FlowReport, after: FlowReport): string[] {
  const describe = (report: FlowReport) => {
    const moves = new Map<string, string[]>();
    for (const move of flowShape(report).moves) {
      moves.set(move.from, [
        ...(moves.get(move.from) ?? []),
        `${move.kind}:${move.label}>${move.to}`,
      ]);
    }
    return new Map(
      flowShape(report).nodes.map((node) => [
        node.id,
        `${node.type}|${node.prompt ?? ''}|${(moves.get(node.id) ?? []).sort().join(';')}`,
      ]),
    );
  };
  const old = describe(before);
  return [...describe(after)].filter(([id, shape]) => old.get(id) !== shape).map(([id]) => id);
}

/** Pairs two sets of checked flows by id and compares each pair. */
export function compareFlows(
  before: readonly FlowReport[],
  after: readonly FlowReport[],
): Comparison {
  const old = new Map(before.map((report) => [report.id, report]));
  const now = new Map(after.map((report) => [report.id, report]));
  return {
    flows: [...now]
      .filter(([id]) => old.has(id))
      .map(([id, checked]) => compareFlow(old.get(id) as FlowReport, checked))
      .sort((a, b) => a.after.file.localeCompare(b.after.file)),
    added: [...now].filter(([id]) => !old.has(id)).map(([, checked]) => checked),
    removed: [...old].filter(([id]) => !now.has(id)).map(([, checked]) => checked),
  };
}
