/** What a rule is: an id, its meta, and a check of one flow. */
import type { Flow, Limits, Severity, SourcePosition } from '../flow/types.js';
import type { FlowFacts } from './facts.js';

/** What a rule says about one place in a flow. */
export interface RuleFinding {
  /** The node the finding is about. */
  readonly node: string;
  readonly message: string;
  /** Where in the file, when more precise than the node itself (an option, a handler). */
  readonly at?: SourcePosition;
}

export interface RuleContext {
  readonly limits: Limits;
  readonly facts: FlowFacts;
}

export interface Rule {
  readonly id: string;
  readonly meta: {
    readonly description: string;
    readonly severity: Severity;
  };
  check(flow: Flow, context: RuleContext): RuleFinding[];
}
