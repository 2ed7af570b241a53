/** What a rule is: an id, its meta, and a check of one flow. */
import type { Flow, Limits, Severity, SourcePosition } from '../flow/types.js';
import type { FlowFacts } from './facts.js';

/** What a rule says about one place in a flow. */
export interface RuleFinding {
  /** The node the finding is about. */
  readonly node: string;
  /** Which of the rule's messages this is (its `meta.messages`), for tests that pin findings, not wording. */
  readonly messageId: string;
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
    /** Each kind of finding the rule makes, by message id, in a few words. */
    readonly messages: Readonly<Record<string, string>>;
  };
  check(flow: Flow, context: RuleContext): RuleFinding[];
}
