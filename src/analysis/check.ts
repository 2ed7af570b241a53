/**
 * Checking a flow: every rule with the severities and limits in force, and the figures of the
 * report (docs/checks.md).
 */
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { Flow, Limits, RuleSetting, Severity } from '../flow/types.js';
import { EMPTY_CONFIG, type ProjectConfig } from './config.js';
import { type FlowFacts, factsOf, valueFactsOf } from './facts.js';
import { limitsFor } from './limits.js';
import { TooManyStatesError } from './live.js';
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
  /** The condition values the way reads, when it reads any. */
  readonly given?: Readonly<Record<string, string>>;
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
  /**
   * When the flow has conditions: each condition value that changes the way to a human, with
   * the way when it holds (the other conditions free), at most `MOST_GROUPS` of them.
   */
  readonly byConditions?: readonly ({
    readonly conditions: Readonly<Record<string, string>>;
  } & HumanFigures)[];
  /** How many more values change the way to a human than `byConditions` lists. */
  readonly byConditionsLeftOut?: number;
  readonly limits: Limits;
  /** The figures behind the report; diagrams read the flow's shape from them (`flowShape`). */
  readonly facts: FlowFacts;
  /** The flow checked, for reporters that need more than its figures (the report page's phone). */
  readonly flow: Flow;
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
  let facts: FlowFacts;
  try {
    facts = factsOf(flow);
  } catch (error) {
    if (!(error instanceof TooManyStatesError)) throw error;
    return {
      ok: false,
      problems: [{ file, ...flow.at, message: error.message, hint: error.hint }],
    };
  }
  const findings: Finding[] = [];
  const rulesRun: RuleId[] = [];
  // A flow joined in from another export is checked in its own file; its findings belong there.
  const joined = new Set(flow.imported?.joined ?? []);
  for (const id of RULE_IDS) {
    const rule = rules[id];
    const severity = flow.rules[id]?.severity ?? config.rules[id]?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    rulesRun.push(id);
    for (const finding of rule.check(flow, { limits, facts })) {
      if (joined.has(finding.node)) continue;
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
    ...(Object.keys(flow.conditions).length > 0 ? byConditions(facts) : {}),
    limits,
    facts,
    flow,
    rulesRun,
    findings,
  } satisfies FlowReport;
  return { ok: true, report: figures };
}

/** The most condition values `byConditions` lists. */
const MOST_GROUPS = 50;

/** The condition values under which a human is further (or out of reach) than at best. */
function byConditions(facts: FlowFacts): Pick<FlowReport, 'byConditions' | 'byConditionsLeftOut'> {
  const best = humanOf(facts.human, facts.humanSeconds);
  const differing = valueFactsOf(facts)
    .map(({ condition, value, search }) => ({
      conditions: { [condition]: value },
      ...humanOf(search.human, search.humanSeconds),
    }))
    .filter(
      (group) =>
        group.reachable !== best.reachable ||
        group.minSteps !== best.minSteps ||
        group.minSeconds !== best.minSeconds,
    );
  return {
    byConditions: differing.slice(0, MOST_GROUPS),
    ...(differing.length > MOST_GROUPS
      ? { byConditionsLeftOut: differing.length - MOST_GROUPS }
      : {}),
  };
}

/** A way to a human as the report gives it, seconds rounded to a tenth. */
function humanOf(human: FlowFacts['human'], seconds: number | undefined): HumanFigures {
  return human
    ? {
        reachable: true,
        minSteps: human.steps,
        inputs: human.inputs,
        path: human.path,
        minSeconds: round(seconds ?? human.seconds),
        queueSeconds: human.queueSeconds,
        ...(Object.keys(human.given).length > 0 ? { given: human.given } : {}),
      }
    : { reachable: false };
}
