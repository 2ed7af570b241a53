import type { SourcePosition } from '../flow/types.js';
import { FlowBuilder, type ImportResult } from './document.js';
import { flowIdOf, slug, uniqueNames, words } from './names.js';
import {
  readStudio,
  type StudioDocument,
  type StudioTransition,
  type StudioWidget,
} from './studio-read.js';
import {
  boundOf,
  choicesOf,
  counterOf,
  OUTSIDE,
  PASS,
  promptOf,
  readsGather,
} from './studio-words.js';

type Node = Record<string, unknown>;

export function importStudio(text: string, file: string): ImportResult {
  const read = readStudio(text, file);
  if (!read.ok) return read;
  return { ok: true, imported: new StudioImport(read.document, file).run() };
}

class StudioImport {
  private readonly out = new FlowBuilder();
  private readonly made = new Map<string, string>();
  private readonly passing = new Set<string>();
  private readonly noted: {
    kind: 'approximated' | 'unknown';
    widget: string;
    what: string;
    at: SourcePosition;
  }[] = [];

  constructor(
    private readonly doc: StudioDocument,
    private readonly file: string,
  ) {}

  run() {
    const start = this.nodeFor(this.doc.start);
    for (const { kind, widget, ...note } of this.noted)
      (kind === 'unknown' ? this.out.unknown : this.out.approximated).push({
        ...note,
        block: this.blockOf(widget),
        node: this.made.get(widget) ?? start,
      });
    const id = flowIdOf(this.doc.name ?? this.file, 'studio');
    const title = this.doc.name ?? this.doc.description;
    return this.out.build(
      'studio',
      { id, ...(title ? { title } : {}), start },
      this.doc.at(this.doc.start),
    );
  }

  private blockOf(widget: string): string {
    return `${this.doc.widgets.get(widget)?.type ?? 'widget'} ${widget}`;
  }

  private transition(widget: StudioWidget, event: string): StudioTransition | undefined {
    return widget.transitions?.find((t) => t.event === event);
  }

  /** The node where the call goes by a transition: its widget's, or the end of the call when it has no `next`. */
  private follow(widget: StudioWidget, event: string | undefined): string {
    const next = event === undefined ? undefined : this.transition(widget, event)?.next;
    return next ? this.nodeFor(next) : this.ends(widget, event);
  }

  /** "A transition that omits next ends the branch": on a call, the call ends there. */
  private ends(widget: StudioWidget, event: string | undefined): string {
    const id = this.out.idFor(`${widget.name} ends`, 'ends');
    this.out.node(
      id,
      { type: 'hangup' },
      this.doc.at(widget.name),
      `${widget.type} ${widget.name} (${event ?? 'no'} transition, no next)`,
    );
    return id;
  }

  private nodeFor(name: string): string {
    const known = this.made.get(name);
    if (known) return known;
    const widget = this.doc.widgets.get(name) as StudioWidget;
    if (PASS.has(widget.type) && !this.passing.has(name)) {
      this.passing.add(name);
      const target = this.follow(widget, widget.transitions?.[0]?.event);
      this.made.set(name, target);
      return target;
    }
    const id = this.out.idFor(name, 'widget');
    this.made.set(name, id);
    this.out.node(id, this.nodeOf(widget, id), this.doc.at(name), this.blockOf(name));
    return id;
  }

  private nodeOf(widget: StudioWidget, id: string): Node {
    const p = widget.properties ?? {};
    const prompt = promptOf(p);
    const speaking = prompt ? { prompt } : {};
    switch (widget.type) {
      case 'say-play':
        return {
          type: 'say',
          ...(prompt ? { prompt } : { prompt: '(silence)' }),
          next: this.follow(widget, 'audioComplete'),
        };
      case 'gather-input-on-call':
        return this.gather(widget, id);
      case 'split-based-on':
        return this.split(widget);
      case 'enqueue-call':
        return {
          type: 'agent',
          ...(typeof p.queue_name === 'string' ? { queue: p.queue_name } : {}),
        };
      case 'send-to-flex':
        return { type: 'agent', ...(typeof p.workflow === 'string' ? { queue: p.workflow } : {}) };
      case 'connect-call-to':
        return this.connectCall(widget);
      case 'record-voicemail':
        this.note(
          'approximated',
          widget,
          'a voicemail: the call ends there, the caller not helped by a person',
        );
        return { type: 'hangup', ...speaking };
      default:
        if (OUTSIDE.has(widget.type)) return this.outside(widget, 'approximated');
        if (PASS.has(widget.type)) return { type: 'hangup' };
        return this.outside(widget, 'unknown');
    }
  }

  /** A gather and the split that reads it: one menu, its options the split's conditions. */
  private gather(widget: StudioWidget, id: string): Node {
    const p = widget.properties ?? {};
    const prompt = promptOf(p);
    const options: Node[] = [];
    let noMatch: Node | undefined;
    for (const event of ['keypress', 'speech'] as const) {
      const transition = this.transition(widget, event);
      if (!transition?.next) continue;
      const split = this.doc.widgets.get(transition.next);
      const reads = readsGather(split, widget.name);
      if (!split || !reads) {
        // Any key or any phrase goes on: an input, not a menu.
        return this.input(widget, id, transition.next);
      }
      this.made.set(split.name, id);
      for (const [k, match] of (split.transitions ?? []).entries()) {
        if (match.event !== 'match' || !match.next) continue;
        const condition = match.conditions?.[0];
        const values = choicesOf(condition?.type, condition?.value);
        if (values.length === 0) {
          this.note(
            'approximated',
            split,
            `its condition ${k + 1} (${condition?.type} ${condition?.value}) is not a choice a caller makes; left out`,
          );
          continue;
        }
        const to = this.nodeFor(match.next);
        for (const value of values) {
          // A phrase that goes where a key goes is that key's option, said instead.
          const keyed = options.find((option) => option.to === to && option.key !== undefined);
          if (reads === 'SpeechResult' && keyed) {
            keyed.say = [...((keyed.say as string[] | undefined) ?? []), value];
            continue;
          }
          this.out.at.set(
            `option ${id} ${options.length}`,
            this.doc.at(split.name, 'transitions', k),
          );
          options.push(reads === 'Digits' ? { key: value, to } : { say: [value], to });
        }
      }
      const other = split.transitions?.find((t) => t.event === 'noMatch');
      if (!noMatch) noMatch = this.handler(widget, id, 'noMatch', other?.next, split);
    }
    const node: Node = { type: 'menu', ...(prompt ? { prompt } : {}), options };
    if (options.length === 0) {
      options.push({ key: '*', repeat: true });
      this.note(
        'approximated',
        widget,
        'no split reads a choice from it: written as a menu that repeats',
      );
    }
    if (noMatch) node.noMatch = noMatch;
    node.noInput = this.timeoutOf(widget, id);
    const timeout = Number(p.timeout);
    if (Number.isFinite(timeout) && timeout > 0 && timeout !== 5) node.timeout = `${timeout}s`;
    return node;
  }

  /** A gather's `timeout` transition as the node's noInput. */
  private timeoutOf(widget: StudioWidget, id: string): Node {
    return this.handler(widget, id, 'noInput', this.transition(widget, 'timeout')?.next, widget);
  }

  private input(widget: StudioWidget, id: string, next: string): Node {
    const p = widget.properties ?? {};
    const node: Node = {
      type: 'input',
      ...(promptOf(p) ? { prompt: promptOf(p) } : {}),
      collect: widget.name,
      next: this.nodeFor(next),
    };
    // Whatever is pressed goes on: number_of_digits only says when the entry is complete.
    node.noMatch = { tries: 1, then: node.next };
    node.noInput = this.timeoutOf(widget, id);
    return node;
  }

  /**
   * Where a failed attempt goes. A transition with no `next` ends the call at once. A counter
   * (`set-variables` adding to a variable, a split on it going on past a bound, else back to the
   * gather) is folded into tries; a way straight back asks for ever.
   */
  private handler(
    gather: StudioWidget,
    id: string,
    kind: 'noMatch' | 'noInput',
    next: string | undefined,
    from: StudioWidget,
  ): Node {
    const transitionIndex = (from.transitions ?? []).findIndex(
      (t) => t.event === (kind === 'noMatch' ? 'noMatch' : 'timeout'),
    );
    this.out.at.set(
      `handler ${id} ${kind}`,
      this.doc.at(from.name, ...(transitionIndex >= 0 ? ['transitions', transitionIndex] : [])),
    );
    if (!next)
      return { tries: 1, then: this.ends(from, kind === 'noMatch' ? 'noMatch' : 'timeout') };
    const said: string[] = [];
    let at = next;
    let counter: string | undefined;
    for (let hops = 0; hops < 20; hops++) {
      const one = this.doc.widgets.get(at) as StudioWidget;
      const onward = one.transitions?.[0]?.next;
      if (one.type === 'say-play' && promptOf(one.properties ?? {}) && onward)
        said.push(promptOf(one.properties ?? {}) as string);
      else if (one.type === 'set-variables' && onward) counter ??= counterOf(one);
      else break;
      at = onward;
    }
    const prompt = said.length > 0 ? { prompt: said.join(' ') } : {};
    if (at === gather.name) return { ...prompt, tries: 'unlimited' };
    const check = this.doc.widgets.get(at) as StudioWidget;
    const bound = counter ? boundOf(check, counter, gather.name) : undefined;
    if (bound) return { ...prompt, tries: bound.tries, then: this.nodeFor(bound.then) };
    return { tries: 1, then: this.nodeFor(next) };
  }

  private split(widget: StudioWidget): Node {
    const input = String(widget.properties?.input ?? 'value')
      .replace(/[{}]/g, '')
      .trim();
    const condition = slug(input) || 'value';
    const cases: [string, string | undefined][] = (widget.transitions ?? [])
      .filter((t) => t.event === 'match')
      .map((t) => [
        slug(
          t.conditions?.[0]?.friendly_name ??
            `${t.conditions?.[0]?.type} ${t.conditions?.[0]?.value}`,
        ) || 'match',
        t.next ? this.nodeFor(t.next) : this.ends(widget, 'match'),
      ]);
    cases.push(['other', this.follow(widget, 'noMatch')]);
    return this.branch(condition, uniqueNames(cases));
  }

  private connectCall(widget: StudioWidget): Node {
    const p = widget.properties ?? {};
    const prompt = promptOf(p);
    if (p.noun === 'number' || p.noun === 'number-multi')
      return { type: 'transfer', ...(prompt ? { prompt } : {}), to: String(p.to ?? 'a number') };
    if (p.noun === 'conference')
      this.note('approximated', widget, 'a conference, taken as a person');
    return { type: 'agent', ...(prompt ? { prompt } : {}) };
  }

  /** A widget whose events the caller does not steer: a condition with each event as a value. */
  private outside(widget: StudioWidget, kind: 'approximated' | 'unknown'): Node {
    const transitions = widget.transitions ?? [];
    this.note(
      kind,
      widget,
      kind === 'unknown'
        ? 'followed through its transitions, each one possible'
        : 'its outcome is a condition, each value possible',
    );
    if (transitions.length === 0) return { type: 'hangup' };
    const cases = transitions.map((t): [string, string | undefined] => [
      slug(words(t.event)) || 'event',
      this.follow(widget, t.event),
    ]);
    return this.branch(slug(`${widget.type} ${widget.name}`), uniqueNames(cases));
  }

  private branch(condition: string, cases: [string, string | undefined][]): Node {
    const written = cases.filter((one): one is [string, string] => one[1] !== undefined);
    this.out.condition(
      condition,
      written.map(([value]) => value),
    );
    return { type: 'branch', condition, cases: Object.fromEntries(written) };
  }

  private note(kind: 'approximated' | 'unknown', widget: StudioWidget, what: string): void {
    this.noted.push({ kind, widget: widget.name, what, at: this.doc.at(widget.name) });
  }
}
