/**
 * A validated flow, as the machine, the analyzer and the walker see it: references resolved,
 * durations in seconds, tries filled in from the settings, every part with its source position.
 */

/** Where something stands in its file, 1-based as editors count. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** `Infinity` stands for `tries: unlimited`. */
export type TryCount = number;

export interface Handler {
  readonly prompt?: string;
  /** Seconds the handler's prompt plays, at the flow's speaking rate; 0 without one. */
  readonly promptSeconds: number;
  /** Node the call goes to when the tries run out; undefined disconnects the caller. */
  readonly then?: string;
  readonly tries: TryCount;
  /** True when the flow wrote this handler; false when it is the implicit "disconnect". */
  readonly written: boolean;
  readonly at: SourcePosition;
}

export interface MenuOption {
  /** The DTMF key as written, e.g. "1", "*", "1234"; undefined for a speech-only option. */
  readonly key?: string;
  readonly say: readonly string[];
  /** Target node; undefined when the option repeats the menu. */
  readonly to?: string;
  readonly repeat: boolean;
  readonly at: SourcePosition;
}

interface NodeBase {
  readonly id: string;
  readonly at: SourcePosition;
}

interface Speaking {
  readonly prompt?: string;
  /** Seconds the prompt plays: its `duration`, else words / wordsPerMinute. 0 without a prompt. */
  readonly promptSeconds: number;
}

interface Listening {
  readonly noMatch: Handler;
  readonly noInput: Handler;
  /** Seconds of silence before a noInput event. */
  readonly timeoutSeconds: number;
}

export interface SayNode extends NodeBase, Speaking {
  readonly type: 'say';
  readonly next: string;
}

export interface MenuNode extends NodeBase, Speaking, Listening {
  readonly type: 'menu';
  readonly options: readonly MenuOption[];
}

export interface InputNode extends NodeBase, Speaking, Listening {
  readonly type: 'input';
  readonly collect?: string;
  /** Accepted length of a digits-only value; undefined accepts anything the caller says. */
  readonly digits?: { readonly min: number; readonly max: number };
  readonly next: string;
}

export interface BranchNode extends NodeBase {
  readonly type: 'branch';
  readonly condition: string;
  readonly cases: Readonly<Record<string, string>>;
  readonly default?: string;
}

export interface AgentNode extends NodeBase, Speaking {
  readonly type: 'agent';
  readonly queue?: string;
  readonly waitSeconds: number;
}

export interface TransferNode extends NodeBase, Speaking {
  readonly type: 'transfer';
  readonly to: string;
}

export interface HangupNode extends NodeBase, Speaking {
  readonly type: 'hangup';
  readonly outcome: 'resolved' | 'unresolved';
}

export type FlowNode =
  | SayNode
  | MenuNode
  | InputNode
  | BranchNode
  | AgentNode
  | TransferNode
  | HangupNode;

export type NodeType = FlowNode['type'];
export type ListeningNode = MenuNode | InputNode;

export type Severity = 'error' | 'warning';

/** A rule's severity as a flow or a project config sets it, and where. */
export interface RuleSetting {
  readonly severity: Severity | 'off';
  readonly at: SourcePosition;
}

export interface Limits {
  readonly maxStepsToHuman: number;
  readonly maxSecondsToHuman: number;
  readonly maxDepth: number;
  readonly maxOptions: number;
  readonly maxPromptSeconds: number;
}

export type Within =
  | { readonly kind: 'steps'; readonly steps: number }
  | { readonly kind: 'seconds'; readonly seconds: number };

export interface Expectation {
  readonly name: string;
  readonly given: Readonly<Record<string, string>>;
  readonly reach?: string;
  readonly within?: Within;
  readonly inputs?: readonly string[];
  readonly ends?: string;
  readonly at: SourcePosition;
}

/** A kind of caller for simulations: their goal, their mistakes, their patience. */
export interface CallerProfile {
  readonly name: string;
  /** Share of callers with this profile; shares are normalised over all profiles. */
  readonly share: number;
  /** A node id, or `human` for any agent. */
  readonly goal: string;
  /** Picks options at random instead of heading for the goal. */
  readonly lost?: boolean;
  /** Chance a key press or an entered value goes wrong. */
  readonly keyMistake: number;
  /** Chance a spoken phrase is not understood. */
  readonly phraseMisunderstood: number;
  /** Chance the caller knows to press 0 for a person. */
  readonly knowsZero: number;
  /** The caller hangs up after this long in the menus, or this many inputs not understood. */
  readonly patience: { readonly seconds: number; readonly errors: number };
}

/** A block of a foreign file that an import could only approximate, or did not know. */
export interface ImportNote {
  /** The block as the user's file names it: its type and label or identifier. */
  readonly block: string;
  /** What the import made of it, in words. */
  readonly what: string;
  readonly at: SourcePosition;
  /** The node the block became, or the node the call reaches through it. */
  readonly node: string;
}

/** Where an imported flow came from: the format, and what the import approximated. */
export interface ImportNotes {
  /** `connect`, `studio`, ... as `--from` names it. */
  readonly format: string;
  readonly approximated: readonly ImportNote[];
  /** Blocks of a type the import does not know, followed through their transitions. */
  readonly unknown: readonly ImportNote[];
  /** Nodes of flows joined into this one (a transfer to another export given too): their findings are that file's. */
  readonly joined?: readonly string[];
}

export interface Flow {
  /** The file it was read from, as given; undefined for text loaded without a name. */
  readonly file?: string;
  readonly id: string;
  readonly title?: string;
  readonly language?: string;
  readonly start: string;
  readonly settings: {
    readonly wordsPerMinute: number;
    readonly timeoutSeconds: number;
    readonly tries: TryCount;
  };
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** Where each condition is declared, by its name. */
  readonly conditionsAt?: Readonly<Record<string, SourcePosition>>;
  /** Only the limits this flow sets; the check fills in the rest. */
  readonly limits: Partial<Limits>;
  /** Severity overrides for this flow, by rule id. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** In the order the file lists them. */
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly expect: readonly Expectation[];
  /** Caller profiles for simulations, when the flow gives them. */
  readonly callers?: readonly CallerProfile[];
  readonly at: SourcePosition;
  /** Set when the flow was imported from another format: positions then point into that file. */
  readonly imported?: ImportNotes;
}
