/**
 * Amazon Connect flow language (Version 2019-10-30) as a phonemaze flow: each action a node, or
 * folded into its neighbours where it only sets something up. What each action means is taken
 * from the flow language reference; docs/import/connect.md lists the mapping with its sources.
 */
import { basename } from 'node:path';
import type { SourcePosition } from '../flow/types.js';
import { type ConnectBuilding, loopBranch, menuOf, storedInputOf } from './connect-menus.js';
import { type ConnectAction, type ConnectDocument, readConnect } from './connect-read.js';
import { caseName, ERROR_VALUE, nameOf, OUTSIDE, promptOf, SETUP } from './connect-words.js';
import { FlowBuilder, type ImportOptions, type ImportResult, type OtherFiles } from './document.js';
import { flowIdOf, slug, uniqueNames, words } from './names.js';

type Node = Record<string, unknown>;

export function importConnect(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  const read = readConnect(text, file);
  if (!read.ok) return read;
  const context: JoinContext = {
    out: new FlowBuilder(),
    others: options.others ?? new Map(),
    joining: new Map(),
  };
  return { ok: true, imported: new ConnectImport(read.document, file, context).run() };
}

/** An action that only sets something up, or says nothing: the call goes straight on. */
function isSetUp(action: ConnectAction): boolean {
  return SETUP.has(action.Type) || (action.Type === 'MessageParticipant' && !promptOf(action));
}

/** What the flows joined into one import share: the nodes made, the other files, and those begun. */
interface JoinContext {
  readonly out: FlowBuilder;
  readonly others: OtherFiles;
  /** The start node of each flow joined so far, by file: a flow that transfers back joins up. */
  readonly joining: Map<string, () => string | undefined>;
}

class ConnectImport implements ConnectBuilding {
  readonly out: FlowBuilder;
  private readonly made = new Map<string, string>();
  private readonly resolving = new Set<string>();
  /** Each note with its action, to name the node the action became once every node is made. */
  private readonly noted: {
    kind: 'approximated' | 'unknown';
    action: string;
    block: string;
    what: string;
    at: SourcePosition;
  }[] = [];

  constructor(
    readonly doc: ConnectDocument,
    private readonly file: string,
    private readonly context: JoinContext,
    /** Set for a flow joined into another: its node ids start with it, and it takes no notes. */
    private readonly prefix = '',
  ) {
    this.out = context.out;
    context.joining.set(file, () => this.made.get(doc.start));
  }

  run() {
    const start = this.nodeFor(this.doc.start);
    const flowAt = this.doc.at(this.doc.start);
    // In the order of the file, as a reader goes through it.
    for (const { kind, action, ...note } of this.noted)
      (kind === 'unknown' ? this.out.unknown : this.out.approximated).push({
        ...note,
        node: this.made.get(action) ?? start,
      });
    return this.out.build(
      'connect',
      {
        id: this.flowId(),
        ...(this.doc.name ? { title: this.doc.name } : {}),
        start,
      },
      flowAt,
    );
  }

  /** The flow's name, else its file's: flows checked together need ids of their own. */
  private flowId(): string {
    return flowIdOf(this.doc.name ?? this.file, 'connect');
  }

  /** How the user's file names an action: its type and its friendly name or identifier. */
  private blockOf(action: ConnectAction): string {
    const label = this.doc.label(action.Identifier);
    return `${action.Type} ${label ? `"${label}" (${action.Identifier})` : action.Identifier}`;
  }

  /** The node the call is at when it reaches an action (made the first time). */
  nodeFor(id: string): string {
    const known = this.made.get(id);
    if (known) return known;
    const action = this.doc.actions.get(id) as ConnectAction;
    // A set-up action is no node: the call goes straight on to what follows it. The chain is
    // walked, not recursed, so that a way back into it while it is being made meets no false loop.
    if (isSetUp(action)) {
      const seen = new Set<string>();
      let at: ConnectAction = action;
      while (isSetUp(at) && !seen.has(at.Identifier)) {
        seen.add(at.Identifier);
        const next = at.Transitions?.NextAction;
        if (!next) {
          const end = this.end(at, 'the flow ends after it: the call is disconnected');
          for (const one of seen) this.made.set(one, end);
          return end;
        }
        at = this.doc.actions.get(next) as ConnectAction;
      }
      const target = isSetUp(at)
        ? this.end(at, 'set-up blocks in a ring: the call never goes on')
        : this.nodeFor(at.Identifier);
      for (const one of seen) this.made.set(one, target);
      return target;
    }
    if (action.Type === 'Loop') return this.loop(action);
    if (action.Type === 'TransferToFlow') {
      const joined = this.join(action);
      if (joined) {
        this.made.set(id, joined);
        return joined;
      }
    }
    // A readable identifier names the node; a generated one (a UUID) gives way to the prompt.
    const readable = /^[0-9a-f]{8}-[0-9a-f-]{20,}$/i.test(id) ? undefined : id;
    const label = this.doc.label(id) ?? readable ?? promptOf(action) ?? words(action.Type);
    const nodeId = this.idFor(label, 'block');
    this.made.set(id, nodeId);
    this.out.node(nodeId, this.nodeOf(action, nodeId), this.doc.at(id), this.blockOf(action));
    return nodeId;
  }

  /** A node id, in a joined flow's own namespace. */
  private idFor(label: string, fallback: string): string {
    const id = this.out.idFor(this.prefix ? `${this.prefix} ${label}` : label, fallback);
    if (this.prefix) this.out.joined.push(id);
    return id;
  }

  /**
   * A transfer to a flow given on the same command line: that flow's start, its nodes made here.
   * They stand at the transfer in this file (a position names no other file); their findings are
   * the other file's, reported there.
   */
  private join(action: ConnectAction): string | undefined {
    const name = nameOf(action.Parameters?.ContactFlowId);
    const other = this.context.others.get(name.toLowerCase());
    if (!other || other.file === this.file) return undefined;
    const begun = this.context.joining.get(other.file);
    if (begun) return begun();
    const read = readConnect(other.text, other.file);
    if (!read.ok) return undefined;
    const at = this.doc.at(action.Identifier);
    const document: ConnectDocument = { ...read.document, at: () => at };
    const flowName = read.document.name ?? basename(other.file).replace(/\.[^.]*$/, '');
    this.note(
      'approximated',
      action,
      `joined with the flow ${flowName} (${other.file}): its findings are reported in that file`,
    );
    return new ConnectImport(document, other.file, this.context, flowName).nodeFor(document.start);
  }

  private nodeOf(action: ConnectAction, nodeId: string): Node {
    const t = action.Transitions ?? {};
    const prompt = promptOf(action);
    const speaking = prompt ? { prompt } : {};
    switch (action.Type) {
      case 'MessageParticipant':
        return { type: 'say', ...speaking, next: this.next(action, t.NextAction) };
      case 'MessageParticipantIteratively': {
        // A queue flow's messages, played in turn while the caller waits: heard once here.
        const messages = ((action.Parameters?.Messages ?? []) as { Text?: unknown }[])
          .map((message) => (typeof message.Text === 'string' ? message.Text.trim() : ''))
          .filter(Boolean);
        return {
          type: 'say',
          prompt: messages.join(' ') || '(plays messages)',
          next: this.next(action, t.NextAction),
        };
      }
      case 'GetParticipantInput':
        return action.Parameters?.StoreInput === 'True'
          ? storedInputOf(this, action, nodeId)
          : menuOf(this, action, nodeId, 'key');
      case 'ConnectParticipantWithLexBot':
        return menuOf(this, action, nodeId, 'intent');
      case 'TransferContactToQueue':
      case 'DequeueContactAndTransferToQueue':
      case 'TransferContactToAgent':
        return { type: 'agent', ...speaking, ...this.queueOf(action) };
      case 'TransferParticipantToThirdParty':
        return {
          type: 'transfer',
          ...speaking,
          to: String(action.Parameters?.ThirdPartyPhoneNumber ?? 'a third party'),
        };
      case 'TransferToFlow':
        this.note(
          'approximated',
          action,
          'a transfer to a flow that was not given (give its export too, to follow the call into it): the call leaves this flow there',
        );
        return {
          type: 'transfer',
          to: `flow ${nameOf(action.Parameters?.ContactFlowId)}`,
        };
      case 'DisconnectParticipant':
      case 'EndFlowExecution':
        return { type: 'hangup', ...speaking };
      case 'CheckHoursOfOperation':
        return this.branch(action, this.hoursCondition(action), [
          ['open', this.conditionTarget(action, 'True')],
          ['closed', this.conditionTarget(action, 'False')],
        ]);
      case 'Compare':
        return this.compare(action);
      default:
        return OUTSIDE.has(action.Type) ? this.outside(action) : this.unknownBlock(action);
    }
  }

  /** A Loop met on the way in: the call goes on to its first pass (or past it, at LoopCount 0). */
  private loop(action: ConnectAction): string {
    const count = Number(action.Parameters?.LoopCount);
    const branch = count === 0 ? 'DoneLooping' : 'ContinueLooping';
    const target = loopBranch(action, branch) ?? action.Transitions?.NextAction;
    if (!target) return this.end(action, 'the Loop leads nowhere: the call is disconnected');
    // Met again while its pass is being made: that pass's node, once it has one.
    if (this.resolving.has(action.Identifier))
      return this.made.get(target) ?? this.end(action, 'Loops in a ring: the call never goes on');
    this.resolving.add(action.Identifier);
    const node = this.nodeFor(target);
    this.resolving.delete(action.Identifier);
    this.made.set(action.Identifier, node);
    return node;
  }

  /** A branch on a condition, its error branch the value `otherwise` (`error` for an outside call). */
  private branch(
    action: ConnectAction,
    condition: string,
    cases: [string, string | undefined][],
    otherwise?: { readonly value: string; readonly errors: readonly string[] },
  ): Node {
    const error = otherwise && this.errorOf(action, otherwise.errors);
    const written = cases.filter((one): one is [string, string] => one[1] !== undefined);
    const all = error
      ? [...written, [otherwise.value, this.nodeFor(error.target)] as [string, string]]
      : written;
    if (all.length === 0)
      return this.endNode(action, 'none of its branches is connected: the call is disconnected');
    this.out.condition(
      condition,
      all.map(([value]) => value),
    );
    return { type: 'branch', condition, cases: Object.fromEntries(all) };
  }

  private compare(action: ConnectAction): Node {
    const value = String(action.Parameters?.ComparisonValue ?? 'value');
    const condition = slug(value.replace(/^\$\./, '')) || 'compared-value';
    const cases = (action.Transitions?.Conditions ?? []).map((c): [string, string | undefined] => [
      caseName(c.Condition?.Operator, c.Condition?.Operands?.[0]),
      c.NextAction ? this.nodeFor(c.NextAction) : undefined,
    ]);
    // "No defined condition resolves to true": the value that matches none.
    return this.branch(action, condition, uniqueNames(cases), {
      value: 'other',
      errors: ['NoMatchingCondition'],
    });
  }

  /** A Lambda, a module, a metric...: its outcomes, each as a value of a condition. */
  private outside(action: ConnectAction): Node {
    const t = action.Transitions ?? {};
    const p = action.Parameters ?? {};
    const name =
      typeof p.LambdaFunctionARN === 'string'
        ? slug(`lambda ${nameOf(p.LambdaFunctionARN)}`)
        : typeof p.FlowModuleId === 'string'
          ? slug(`module ${nameOf(p.FlowModuleId)}`)
          : slug(`${words(action.Type)} ${action.Identifier}`);
    const cases: [string, string | undefined][] = [
      ...(t.Conditions ?? []).map((c): [string, string | undefined] => [
        caseName(c.Condition?.Operator, c.Condition?.Operands?.[0]),
        c.NextAction ? this.nodeFor(c.NextAction) : undefined,
      ]),
      ['success', t.NextAction ? this.nodeFor(t.NextAction) : undefined],
    ];
    this.note('approximated', action, 'its outcome is a condition, each value possible');
    return this.branch(action, name, uniqueNames(cases), ERROR_VALUE);
  }

  /** A type phonemaze does not know: followed through its transitions, and said. */
  private unknownBlock(action: ConnectAction): Node {
    const t = action.Transitions ?? {};
    const targets = (t.Conditions ?? []).length + (t.NextAction ? 1 : 0) + (t.Errors ?? []).length;
    this.note(
      'unknown',
      action,
      targets === 0
        ? 'the call ends there, as it has no transitions'
        : 'followed through its transitions, each one possible',
    );
    if (targets === 0) return { type: 'hangup' };
    const cases: [string, string | undefined][] = [
      ...(t.Conditions ?? []).map((c): [string, string | undefined] => [
        caseName(c.Condition?.Operator, c.Condition?.Operands?.[0]),
        c.NextAction ? this.nodeFor(c.NextAction) : undefined,
      ]),
      ['next', t.NextAction ? this.nodeFor(t.NextAction) : undefined],
    ];
    return this.branch(action, slug(words(action.Type)), uniqueNames(cases), ERROR_VALUE);
  }

  private hoursCondition(action: ConnectAction): string {
    const hours = action.Parameters?.Hours ?? action.Parameters?.HoursOfOperationId;
    return typeof hours === 'string' && hours
      ? `hours-${slug(nameOf(hours))}`.slice(0, 40).replace(/-+$/, '')
      : 'hours';
  }

  private conditionTarget(action: ConnectAction, operand: string): string | undefined {
    const target = action.Transitions?.Conditions?.find(
      (c) => c.Condition?.Operands?.[0] === operand,
    )?.NextAction;
    return target ? this.nodeFor(target) : undefined;
  }

  private queueOf(action: ConnectAction): Node {
    for (const one of this.doc.actions.values()) {
      if (
        one.Type === 'UpdateContactTargetQueue' &&
        one.Transitions?.NextAction === action.Identifier
      ) {
        const queue = one.Parameters?.QueueId ?? one.Parameters?.AgentId;
        if (typeof queue === 'string') return { queue: nameOf(queue) };
      }
    }
    return {};
  }

  next(action: ConnectAction, target: string | undefined): string {
    return target
      ? this.nodeFor(target)
      : this.end(action, 'it has no NextAction: the call is disconnected after it');
  }

  errorOf(
    action: ConnectAction,
    types: readonly string[],
  ): { target: string; index: number } | undefined {
    const errors = action.Transitions?.Errors ?? [];
    for (const type of types) {
      const index = errors.findIndex((error) => error.ErrorType === type && error.NextAction);
      if (index >= 0) return { target: errors[index]?.NextAction as string, index };
    }
    return undefined;
  }

  /** A hang-up made where the flow runs out, said as approximated. */
  private end(action: ConnectAction, why: string): string {
    const id = this.idFor(`${this.doc.label(action.Identifier) ?? action.Type} end`, 'end');
    this.out.node(
      id,
      this.endNode(action, why),
      this.doc.at(action.Identifier),
      this.blockOf(action),
    );
    return id;
  }

  private endNode(action: ConnectAction, why: string): Node {
    this.note('approximated', action, why);
    return { type: 'hangup' };
  }

  note(kind: 'approximated' | 'unknown', action: ConnectAction, what: string): void {
    if (this.prefix) return;
    this.noted.push({
      kind,
      action: action.Identifier,
      block: this.blockOf(action),
      what,
      at: this.doc.at(action.Identifier),
    });
  }
}
