/**
 * Genesys Cloud Architect inbound call flows (`archy export` YAML) as a phonemaze flow: menus
 * with their choices, tasks as the sequences of actions they are, the menu's repeat count and
 * default choice as tries and `then`. docs/import/architect.md lists the mapping with its sources.
 */
import { basename } from 'node:path';
import type { FlowProblem } from '../flow/problems.js';
import type { PathSegment } from '../flow/source.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';
import {
  type ArchitectDocument,
  CONDITION_WORDS,
  type Data,
  DEFAULT_REPEAT,
  DEFAULT_SELECTION_SECONDS,
  entryOf,
  keyOf,
  literal,
  readArchitect,
  SETUP,
  wordsOf,
} from './architect-read.js';
import { FlowBuilder, type ImportResult } from './document.js';
import { flowIdOf, slug, uniqueNames, words } from './names.js';

type Node = Record<string, unknown>;
type Path = readonly PathSegment[];

export function importArchitect(text: string, file: string): ImportResult {
  const read = readArchitect(text, file);
  if (!read.ok) return read;
  const importer = new ArchitectImport(read.document, file);
  const imported = importer.run();
  return importer.problems.length > 0
    ? { ok: false, problems: importer.problems }
    : { ok: true, imported };
}

class ArchitectImport {
  private readonly out = new FlowBuilder();
  private readonly made = new Map<string, string>();
  private readonly refs = new Map<string, { kind: 'menu' | 'task'; body: Data; path: Path }>();
  private readonly flow: Data;
  /** References to nothing: the export cannot be read as it is. */
  readonly problems: FlowProblem[] = [];

  constructor(
    private readonly doc: ArchitectDocument,
    private readonly file: string,
  ) {
    this.flow = doc.flow;
    for (const kind of ['menu', 'task'] as const) {
      const list = this.flow[`${kind}s`];
      if (!Array.isArray(list)) continue;
      list.forEach((entry, index) => {
        const body = (entry as Data)?.[kind] as Data | undefined;
        if (body && typeof body.refId === 'string')
          this.refs.set(body.refId, { kind, body, path: [`${kind}s`, index, kind] });
      });
    }
  }

  run() {
    const greeting = wordsOf(this.flow.initialGreeting);
    // Named first, so that the file starts with what the caller hears first.
    const greetingId = greeting ? this.out.idFor('initial greeting', 'greeting') : undefined;
    let start = this.ref(String(this.flow.startUpRef), ['startUpRef']);
    if (greeting && greetingId) {
      const id = greetingId;
      this.out.node(
        id,
        { type: 'say', prompt: greeting, next: start },
        this.doc.at(['initialGreeting']),
        'initialGreeting',
      );
      start = id;
    }
    const name =
      typeof this.flow.name === 'string'
        ? this.flow.name
        : basename(this.file).replace(/\.[^.]*$/, '');
    return this.out.build(
      'architect',
      {
        id: flowIdOf(name, 'architect'),
        ...(typeof this.flow.name === 'string' ? { title: this.flow.name } : {}),
        start,
      },
      this.doc.at([]),
    );
  }

  /** The node a reference names: `/inboundCall/menus/menu[main]`, `/inboundCall/tasks/task[t]`. */
  private ref(reference: string, from: Path): string {
    const match = /(\w+)\[([^\]]+)\]\s*$/.exec(reference);
    const target = match ? this.refs.get(match[2] as string) : undefined;
    if (!target) {
      const names = [...this.refs.keys()];
      this.problems.push({
        file: this.file,
        ...this.doc.at(from),
        message: `\`${reference}\` names no menu or task of this flow.`,
        hint:
          didYouMean(match?.[2] ?? reference, names) ??
          `The refIds are: ${names.join(', ') || 'none'}.`,
      });
      return this.end(from, 'a reference to nothing');
    }
    return target.kind === 'menu'
      ? this.menu(target.body, target.path)
      : this.task(target.body, target.path);
  }

  private menu(menu: Data, path: Path, parent?: string): string {
    const key = JSON.stringify(path);
    const known = this.made.get(key);
    if (known) return known;
    const id = this.out.idFor(String(menu.name ?? 'menu'), 'menu');
    this.made.set(key, id);
    const settings = (menu.settingsMenu ?? {}) as Data;
    const flowSettings = (this.flow.settingsMenu ?? {}) as Data;
    const repeat = Number(
      literal(settings.repeatCount) ?? literal(flowSettings.repeatCount) ?? DEFAULT_REPEAT,
    );
    const selection = (literal(settings.menuSelectionTimeout) ??
      literal(flowSettings.menuSelectionTimeout)) as Data | undefined;
    const timeout = Number(selection?.seconds ?? DEFAULT_SELECTION_SECONDS);
    const options: Node[] = [];
    let fallback: string | undefined;
    const defaultRef =
      typeof menu.defaultChildMenuRef === 'string'
        ? /\[([^\]]+)\]/.exec(menu.defaultChildMenuRef)?.[1]
        : undefined;
    const choices = Array.isArray(menu.choices) ? menu.choices : [];
    choices.forEach((entry, index) => {
      const [type, choice] = entryOf(entry);
      const at: Path = [...path, 'choices', index, type];
      const to = this.choice(type, choice, at, id, parent);
      if (defaultRef !== undefined && choice.refId === defaultRef) fallback = to ?? id;
      const key = keyOf(choice.dtmf);
      const phrases =
        (literal(choice.speechRecTerms) as unknown[] | undefined)?.filter(
          (term): term is string => typeof term === 'string',
        ) ?? [];
      if (key === undefined && phrases.length === 0) return;
      this.out.at.set(`option ${id} ${options.length}`, this.doc.at(at));
      options.push({
        ...(key !== undefined ? { key } : {}),
        ...(phrases.length ? { say: phrases } : {}),
        ...(to === undefined ? { repeat: true } : { to }),
      });
    });
    if (options.length === 0) options.push({ key: '*', repeat: true });
    // "The number of times Architect plays the menu prompt before passing control to the default menu choice (if any)".
    const handler = {
      tries: Number.isInteger(repeat) && repeat > 0 ? repeat : DEFAULT_REPEAT,
      ...(fallback ? { then: fallback } : {}),
    };
    const node: Node = {
      type: 'menu',
      ...(wordsOf(menu.audio) ? { prompt: wordsOf(menu.audio) } : {}),
      options,
      noMatch: handler,
      noInput: handler,
    };
    if (Number.isFinite(timeout) && timeout > 0 && timeout !== 5) node.timeout = `${timeout}s`;
    for (const kind of ['noMatch', 'noInput'] as const)
      this.out.at.set(`handler ${id} ${kind}`, this.doc.at(path));
    this.out.node(id, node, this.doc.at(path), `menu ${String(menu.name ?? '')}`.trim());
    return id;
  }

  /** Where a menu choice goes; undefined when it plays the menu again. */
  private choice(
    type: string,
    choice: Data,
    at: Path,
    menu: string,
    parent?: string,
  ): string | undefined {
    switch (type) {
      case 'menuRepeatMenu':
        return undefined;
      case 'menuPreviousMenu':
        return parent;
      case 'menuSubMenu':
      case 'menuMenu':
        return choice.menu && typeof choice.menu === 'object'
          ? this.menu(choice.menu as Data, [...at, 'menu'], menu)
          : this.ref(String(choice.targetMenuRef), at);
      case 'menuJumpToMenu':
        return this.ref(String(choice.targetMenuRef), at);
      case 'menuJumpToTask':
        return this.ref(String(choice.targetTaskRef), at);
      case 'menuTask':
        return choice.task && typeof choice.task === 'object'
          ? this.task(choice.task as Data, [...at, 'task'])
          : this.ref(String(choice.targetTaskRef), at);
      default:
        return (
          this.terminal(type.replace(/^menu/, ''), choice, at) ?? this.unknown(type, choice, at)
        );
    }
  }

  private task(task: Data, path: Path): string {
    return this.actions(task.actions, [...path, 'actions'], 0, undefined);
  }

  /** The node of the action at `index` of a list; after the list, the `then` it continues to. */
  private actions(list: unknown, path: Path, index: number, then: string | undefined): string {
    const entries = Array.isArray(list) ? list : [];
    if (index >= entries.length)
      return then ?? this.end(path, 'the actions run out: the call is disconnected');
    const key = JSON.stringify([...path, index, then ?? '']);
    const known = this.made.get(key);
    if (known) return known;
    const [type, action] = entryOf(entries[index]);
    const at: Path = [...path, index, type];
    const next = () => this.actions(list, path, index + 1, then);
    if (SETUP.has(type)) {
      const id = next();
      this.made.set(key, id);
      return id;
    }
    switch (type) {
      case 'jumpToMenu':
        return this.ref(String(action.targetMenuRef), at);
      case 'jumpToTask':
        return this.ref(String(action.targetTaskRef), at);
    }
    const terminal = this.terminal(
      type.replace(/^(transferTo|transfer)/, 'Transfer').replace(/^disconnect$/, 'Disconnect'),
      action,
      at,
    );
    if (terminal) return terminal;
    const id = this.out.idFor(String(action.name ?? type), 'action');
    this.made.set(key, id);
    const block = `${type} ${String(action.name ?? '')}`.trim();
    if (type === 'playAudio') {
      this.out.node(
        id,
        { type: 'say', prompt: wordsOf(action.audio) ?? '(audio)', next: next() },
        this.doc.at(at),
        block,
      );
      return id;
    }
    const outputs = (
      action.outputs && typeof action.outputs === 'object' ? action.outputs : {}
    ) as Data;
    const cases: [string, string | undefined][] = Object.entries(outputs).map(([name, output]) => [
      slug(words(name)) || 'output',
      this.actions((output as Data)?.actions, [...at, 'outputs', name, 'actions'], 0, next()),
    ]);
    // An evaluated schedule that is open, and an action's success, go on with the next action.
    if (type === 'evaluateScheduleGroup' && !('open' in outputs)) cases.unshift(['open', next()]);
    if (
      !cases.some(([name]) => name === 'success') &&
      ['callData', 'dataTableLookup', 'callLambda', 'callBridge'].includes(type)
    )
      cases.unshift(['success', next()]);
    const known_ = [
      'decision',
      'switch',
      'evaluateScheduleGroup',
      'evaluateSchedule',
      'callData',
      'dataTableLookup',
      'callLambda',
      'callBridge',
      'loop',
      'collectInput',
    ];
    if (!known_.includes(type))
      this.note(
        'unknown',
        block,
        at,
        id,
        'followed through its outputs and on to the next action, each one possible',
      );
    else
      this.note('approximated', block, at, id, 'its outcome is a condition, each value possible');
    if (cases.length === 0) cases.push(['next', next()]);
    const kind = CONDITION_WORDS[type] ?? words(type);
    const condition = slug(`${kind} ${String(action.name ?? '')}`) || 'decision';
    const written = uniqueNames(cases).filter(
      (one): one is [string, string] => one[1] !== undefined,
    );
    this.out.condition(
      condition,
      written.map(([value]) => value),
    );
    this.out.node(
      id,
      { type: 'branch', condition, cases: Object.fromEntries(written) },
      this.doc.at(at),
      block,
    );
    return id;
  }

  /** A transfer or a disconnect, as a choice (`TransferToAcd`) or an action names it. */
  private terminal(kind: string, body: Data, at: Path): string | undefined {
    const say = wordsOf(body.audio ?? body.preTransferAudio);
    const prompt = say ? { prompt: say } : {};
    let node: Node | undefined;
    const queue = literal(body.targetQueue) as Data | string | undefined;
    if (kind === 'TransferToAcd')
      node = {
        type: 'agent',
        ...prompt,
        ...(typeof queue === 'string'
          ? { queue }
          : typeof queue?.name === 'string'
            ? { queue: queue.name }
            : {}),
      };
    else if (
      kind === 'TransferUser' ||
      kind === 'TransferGroup' ||
      kind === 'TransferToUser' ||
      kind === 'TransferToGroup'
    )
      node = { type: 'agent', ...prompt };
    else if (kind === 'TransferExternal' || kind === 'TransferToNumber')
      node = {
        type: 'transfer',
        ...prompt,
        to: String(
          literal(body.targetNumber ?? body.externalNumber ?? body.number) ?? 'an external number',
        ),
      };
    else if (
      kind === 'TransferFlow' ||
      kind === 'TransferFlowSecure' ||
      kind === 'TransferToFlow' ||
      kind === 'TransferToFlowSecure'
    )
      node = {
        type: 'transfer',
        ...prompt,
        to: `flow ${String((literal(body.targetFlow) as Data | undefined)?.name ?? literal(body.targetFlow) ?? '')}`.trim(),
      };
    else if (kind === 'TransferVoicemail' || kind === 'TransferToVoicemail')
      node = { type: 'hangup', ...prompt };
    else if (kind === 'Disconnect') node = { type: 'hangup', ...prompt };
    if (!node) return undefined;
    const id = this.out.idFor(String(body.name ?? kind), 'end');
    this.out.node(id, node, this.doc.at(at), `${kind} ${String(body.name ?? '')}`.trim());
    if (kind.endsWith('Voicemail'))
      this.note(
        'approximated',
        `${kind} ${String(body.name ?? '')}`.trim(),
        at,
        id,
        'voicemail: the call ends there, the caller not helped by a person',
      );
    return id;
  }

  private unknown(type: string, body: Data, at: Path): string {
    const id = this.end(at, 'a choice of a type phonemaze does not know: the call ends there');
    this.note(
      'unknown',
      `${type} ${String(body.name ?? '')}`.trim(),
      at,
      id,
      'a choice of a type phonemaze does not know, taken as ending the call',
    );
    return id;
  }

  private end(at: Path, why: string): string {
    const id = this.out.idFor('end', 'end');
    this.out.node(id, { type: 'hangup' }, this.doc.at(at), 'end of the flow');
    this.note('approximated', 'end of the flow', at, id, why);
    return id;
  }

  private note(
    kind: 'approximated' | 'unknown',
    block: string,
    at: Path,
    node: string,
    what: string,
  ): void {
    const position: SourcePosition = this.doc.at(at);
    (kind === 'unknown' ? this.out.unknown : this.out.approximated).push({
      block,
      what,
      at: position,
      node,
    });
  }
}
