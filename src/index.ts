/** The programmatic API of phonemaze. Everything public is named here. */

export type { Budget, Overrun } from './analysis/budget.js';
export { DEFAULT_BUDGET, overruns, parseBudget } from './analysis/budget.js';
export type {
  CheckOptions,
  CheckResult,
  Finding,
  FlowReport,
  HumanFigures,
} from './analysis/check.js';
export { checkFlow } from './analysis/check.js';
export type {
  Change,
  Comparison,
  FlowComparison,
  WayTo,
} from './analysis/compare.js';
export { compareFlow, compareFlows, waysToEnds } from './analysis/compare.js';
export type { ProjectConfig } from './analysis/config.js';
export { parseProjectConfig, readProjectConfig } from './analysis/config.js';
export type { FlowFacts, WayToHuman } from './analysis/facts.js';
export { factsOf } from './analysis/facts.js';
export { DEFAULT_LIMITS, limitsFor } from './analysis/limits.js';
export type { Rule, RuleContext, RuleFinding } from './analysis/rule.js';
export type { RuleId } from './analysis/rules/index.js';
export { RULE_IDS, rules } from './analysis/rules/index.js';
export type { FlowShape } from './analysis/shape.js';
export { flowShape } from './analysis/shape.js';
export type { CheckPathsOptions } from './check-paths.js';
export { checkFile, checkPaths } from './check-paths.js';
export type { ComparedSides, Side } from './compare-paths.js';
export { checkedAtRef, checkedOnDisk, compareSides } from './compare-paths.js';
export type { CallerInput } from './flow/caller-input.js';
export { formatCallerInput, parseCallerInput } from './flow/caller-input.js';
export {
  ConditionError,
  conditionCombinations,
  describeConditions,
  resolveConditions,
} from './flow/conditions.js';
export { formatDuration, parseDuration } from './flow/duration.js';
export type { FoundFlowFiles } from './flow/files.js';
export { findFlowFiles } from './flow/files.js';
export { BaselineError } from './flow/git.js';
export { flowJsonSchema } from './flow/json-schema.js';
export type { FlowResult } from './flow/load.js';
export { loadFlow, loadFlowFile, parseFlow, readFlowFile } from './flow/load.js';
export type { FlowProblem } from './flow/problems.js';
export { FlowLoadError, formatProblem } from './flow/problems.js';
export type {
  AgentNode,
  BranchNode,
  Expectation,
  Flow,
  FlowNode,
  Handler,
  HangupNode,
  InputNode,
  Limits,
  MenuNode,
  MenuOption,
  NodeType,
  RuleSetting,
  SayNode,
  Severity,
  SourcePosition,
  TransferNode,
  Within,
} from './flow/types.js';
export type { AgainstOptions, AgainstResult, PathOutcome } from './live/against.js';
export { testAgainst } from './live/against.js';
export type { LiveAppSettings } from './live/app.js';
export { LiveAppError, liveApp } from './live/app.js';
export type { CrawlAppOptions, CrawledApp } from './live/crawl-app.js';
export { CrawledFlowError, crawlTwimlApp } from './live/crawl-app.js';
export type { LiveInput, Observation, Where } from './live/live-call.js';
export { LiveCall } from './live/live-call.js';
export type { LiveApp } from './live/provider.js';
export { RequestBudgetSpent, signature } from './live/provider.js';
export type { CallContext, CallInput, CallMachine } from './machine/compile.js';
export { compile } from './machine/compile.js';
export type { CallerEvent, CallerEventType } from './machine/events.js';
export {
  acceptsValue,
  callerEvents,
  callerEventsAt,
  eventForInput,
  inputForEvent,
  optionChosen,
} from './machine/events.js';
export type { StateMeta } from './machine/states.js';
export { DISCONNECTED, HUNG_UP, nodeIdOf, stateMetaOf } from './machine/states.js';
export type { DiffFormatName } from './report/diff/index.js';
export { DIFF_FORMAT_NAMES, diffReporters } from './report/diff/index.js';
export type { DiffReport, DiffReporter } from './report/diff/report.js';
export type { FlowSimulation, PageOptions } from './report/html/page.js';
export { htmlPage } from './report/html/page.js';
export type { FormatName } from './report/index.js';
export { FORMAT_NAMES, reporters } from './report/index.js';
export type { InvalidFlow, Report, Reporter, ReporterOptions } from './report/report.js';
export { buildReport } from './report/report.js';
export { VERSION } from './version.js';
