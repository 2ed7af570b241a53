/**
 * Checking a flow: every rule with the severities and limits in force, and the figures of the
 * report (docs/checks.md).
 */
import { inputForEvent } from '../call/events.js';
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { Flow, Limits, RuleSetting, Severity } from '../flow/types.js';
import { EMPTY_CONFIG, type ProjectConfig } from './config.js';
import { type FlowFacts, factsOf } from './facts.js';
import type { Edge, EdgeKind } from './graph.js';
import { limitsFor } from './limits.js';
import { RULE_IDS, type RuleId, rules } from './rules/index.js';

export interface Finding {
  readonly rule: RuleId;
  /** Which of the rule's messages (its `meta.messages`). */
  readonly messageId: string;
  readonly severity: Severity;
  readonly node: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface HumanFigures {
  readonly reachable: boolean;
  readonly minSteps?: number;
  readonly inputs?: readonly string[];
  readonly path?: readonly string[];
  readonly minSeconds?: number;
  readonly queueSeconds?: number;
}

/** The flow's nodes and moves, for diagrams. */
export interface FlowShape {
  /** The node a call starts at. */
  readonly start: string;
  readonly nodes: readonly {
    readonly id: string;
    readonly type: string;
    /** Fewest caller steps from the start, under any condition values; absent when unreachable. */
    readonly steps?: number;
    readonly prompt?: string;
  }[];
  readonly moves: readonly {
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly label: string;
  }[];
}

export interface FlowReport {
  readonly file: string;
  readonly id: string;
  readonly title?: string;
  readonly stats: {
    readonly nodes: number;
    readonly menus: number;
    readonly maxDepth: number;
    readonly maxOptions: number;
  };
  readonly human: HumanFigures;
  /** The figures for each combination of condition values, when the flow has conditions. */
  readonly byConditions?: readonly ({
    readonly conditions: Readonly<Record<string, string>>;
  } & HumanFigures)[];
  readonly limits: Limits;
  readonly shape: FlowShape;
  /** The rules that ran: every rule not turned off. */
  readonly rulesRun: readonly RuleId[];
  readonly findings: readonly Finding[];
}

export interface CheckOptions {
  /** Limits from the command line; the project config and the flow win over them. */
  readonly limits?: Partial<Limits>;
  readonly config?: ProjectConfig;
}

export type CheckResult =
  | { readonly ok: true; readonly report: FlowReport }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** The largest of many numbers, 0 for none (no spread: flows can have more menus than a call stack has room for). */
function largest(values: Iterable<number>): number {
  let most = 0;
  for (const value of values) if (value > most) most = value;
  return most;
}

/** Settings that name no rule, as problems at their place in the flow or config file. */
export function unknownRuleProblems(
  settings: Readonly<Record<string, RuleSetting>>,
  file: string,
): FlowProblem[] {
  return Object.entries(settings)
    .filter(([id]) => !Object.hasOwn(rules, id))
    .map(([id, setting]) => ({
      file,
      ...setting.at,
      message: `There is no rule \`${id}\`.`,
      hint: didYouMean(id, RULE_IDS) ?? `The rules are: ${RULE_IDS.join(', ')}.`,
    }));
}

export function checkFlow(flow: Flow, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? EMPTY_CONFIG;
  const file = flow.file ?? '<flow>';
  const problems = unknownRuleProblems(flow.rules, file);
  if (problems.length > 0) return { ok: false, problems };

  const limits = limitsFor(flow.limits, config.limits, options.limits);
  const facts = factsOf(flow);
  const findings: Finding[] = [];
  const rulesRun: RuleId[] = [];
  for (const id of RULE_IDS) {
    const rule = rules[id];
    const severity = flow.rules[id]?.severity ?? config.rules[id]?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    rulesRun.push(id);
    for (const finding of rule.check(flow, { limits, facts })) {
      const at = finding.at ?? flow.nodes.get(finding.node)?.at ?? flow.at;
      findings.push({
        rule: id,
        messageId: finding.messageId,
        severity,
        node: finding.node,
        line: at.line,
        column: at.column,
        message: finding.message,
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );

  const menus = [...flow.nodes.values()].filter((node) => node.type === 'menu');
  const humanOf = (human: typeof facts.human, seconds: number | undefined): HumanFigures =>
    human
      ? {
          reachable: true,
          minSteps: human.steps,
          inputs: human.inputs,
          path: human.path,
          minSeconds: round(seconds ?? human.seconds),
          queueSeconds: human.queueSeconds,
        }
      : { reachable: false };
  const figures = {
    file,
    id: flow.id,
    ...(flow.title !== undefined ? { title: flow.title } : {}),
    stats: {
      nodes: flow.nodes.size,
      menus: menus.length,
      maxDepth: largest(facts.depth.values()),
      maxOptions: largest(menus.map((menu) => menu.options.length)),
    },
    human: humanOf(facts.human, facts.humanSeconds),
    ...(Object.keys(flow.conditions).length > 0
      ? {
          byConditions: facts.byConditions.map((each) => ({
            conditions: each.conditions,
            ...humanOf(each.human, each.humanSeconds),
          })),
        }
      : {}),
    limits,
    rulesRun,
    findings,
  } satisfies Omit<FlowReport, 'shape'>;
  return { ok: true, report: withShapeWhenRead(figures, facts) };
}

/** Only the diagrams read the shape (100,000 moves on a large flow): it is made when first read. */
function withShapeWhenRead(figures: Omit<FlowReport, 'shape'>, facts: FlowFacts): FlowReport {
  let shape: FlowShape | undefined;
  return Object.defineProperty(figures, 'shape', {
    get: () => {
      shape ??= shapeOf(facts);
      return shape;
    },
    enumerable: true,
  }) as FlowReport;
}

function moveLabel(edge: Edge): string {
  if (edge.when) return `${edge.when.condition}=${edge.when.value}`;
  if (edge.otherwise) return `${edge.otherwise.condition}: other`;
  if (edge.kind === 'noMatch' || edge.kind === 'noInput') return `${edge.steps}× ${edge.kind}`;
  if (edge.event?.type === 'enter') return 'value';
  return edge.event ? inputForEvent(edge.event) : '';
}

function shapeOf(facts: FlowFacts): FlowShape {
  const { graph } = facts;
  const steps = new Float64Array(graph.ids.length).fill(Number.POSITIVE_INFINITY);
  for (const each of facts.byRouting) {
    each.steps.distance.forEach((distance, vertex) => {
      if (distance < (steps[vertex] as number)) steps[vertex] = distance;
    });
  }
  const reached = (vertex: number) =>
    Number.isFinite(steps[vertex]) ? { steps: steps[vertex] as number } : {};
  const used = new Set<number>();
  const moves = graph.out.flatMap((edges) =>
    edges.map((edge) => {
      used.add(edge.from).add(edge.to);
      return {
        from: graph.ids[edge.from] as string,
        to: graph.ids[edge.to] as string,
        kind: edge.kind,
        label: moveLabel(edge),
      };
    }),
  );
  const nodes = graph.ids.flatMap((id, vertex) => {
    const node = graph.nodes[vertex];
    if (node) {
      const prompt = 'prompt' in node && node.prompt !== undefined ? { prompt: node.prompt } : {};
      return [{ id, type: node.type, ...reached(vertex), ...prompt }];
    }
    return used.has(vertex) ? [{ id, type: 'disconnected', ...reached(vertex) }] : [];
  });
  return { start: graph.ids[graph.start] as string, nodes, moves };
}
