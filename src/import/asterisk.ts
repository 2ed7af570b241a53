/**
 * An Asterisk dialplan as a phonemaze flow, read by following the priorities a call runs: a
 * `Background` and `WaitExten` make a menu of the context's other extensions, `i` and `t` its
 * failed attempts (a counter they keep folded into tries), `Dial` and `Queue` a person, running
 * off the end the hang-up it is. docs/import/asterisk.md lists the mapping with its sources.
 */
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';
import { type AsteriskBuilding, menuOf, PASS, SAY, soundsOf } from './asterisk-menus.js';
import { type Context, type Dialplan, readDialplan, type Step } from './asterisk-read.js';
import { FlowBuilder, type ImportOptions, type ImportResult } from './document.js';
import { lastPart, slug } from './names.js';

type Node = Record<string, unknown>;

export function importAsterisk(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  const read = readDialplan(text, file);
  if (!read.ok) return read;
  const { dialplan } = read;
  const entry = entryOf(dialplan, options.entry);
  if ('problem' in entry)
    return { ok: false, problems: [{ file, line: 1, column: 1, ...entry.problem }] };
  const importer = new AsteriskImport(dialplan, file);
  const start = importer.nodeAt(entry.context, entry.exten, 0);
  if (importer.problems.length > 0) return { ok: false, problems: importer.problems };
  const context = dialplan.contexts.get(entry.context) as Context;
  return {
    ok: true,
    imported: importer.build(`${entry.exten}@${entry.context}`, start, context.at),
  };
}

/** `--entry exten@context`, or a context (its `s`), or the first context with an `s`. */
function entryOf(
  dialplan: Dialplan,
  written: string | undefined,
): { context: string; exten: string } | { problem: { message: string; hint: string } } {
  const names = [...dialplan.contexts.keys()];
  if (written === undefined) {
    const first =
      [...dialplan.contexts.values()].find((c) => c.extensions.has('s')) ??
      [...dialplan.contexts.values()][0];
    const exten = first?.extensions.has('s')
      ? 's'
      : ([...(first?.extensions.keys() ?? [])][0] ?? 's');
    return { context: first?.name ?? '', exten };
  }
  const [exten, context] = written.includes('@')
    ? (written.split('@') as [string, string])
    : ['s', written];
  const found = dialplan.contexts.get(context);
  if (!found)
    return {
      problem: {
        message: `--entry names the context \`${context}\`, which this dialplan does not have.`,
        hint: didYouMean(context, names) ?? `The contexts are: ${names.join(', ')}.`,
      },
    };
  if (!found.extensions.has(exten))
    return {
      problem: {
        message: `The context \`${context}\` has no extension \`${exten}\`.`,
        hint: `Its extensions are: ${[...found.extensions.keys()].join(', ')}.`,
      },
    };
  return { context, exten };
}

/** `${TRIES} >= 3` as a condition's name: `tries-3`. */
function conditionName(expression: string): string {
  return slug(expression.replace(/[$[\]{}]/g, ' ')) || 'condition';
}

class AsteriskImport implements AsteriskBuilding {
  readonly out = new FlowBuilder();
  private readonly made = new Map<string, string>();
  private readonly passing = new Set<string>();
  readonly problems: FlowProblem[] = [];

  constructor(
    readonly dialplan: Dialplan,
    private readonly file: string,
  ) {}

  build(entry: string, start: string, at: SourcePosition) {
    // Notes on steps that are no node of their own stand at the start of the call.
    for (const list of [this.out.approximated, this.out.unknown])
      list.forEach((note, i) => {
        if (!note.node) list[i] = { ...note, node: start };
      });
    const context = entry.split('@').at(-1) ?? entry;
    return this.out.build('asterisk', { id: slug(context) || 'dialplan', title: entry, start }, at);
  }

  steps(context: string, exten: string): Step[] {
    return this.dialplan.contexts.get(context)?.extensions.get(exten)?.steps ?? [];
  }

  /** The node a call is at when it runs this priority (made the first time). */
  nodeAt(context: string, exten: string, index: number): string {
    const key = `${context}|${exten}|${index}`;
    const known = this.made.get(key);
    if (known) return known;
    const steps = this.steps(context, exten);
    const step = steps[index];
    if (!step)
      return this.ranOff(
        context,
        exten,
        steps.at(-1)?.at ?? (this.dialplan.contexts.get(context) as Context).at,
      );
    const app = step.app.toLowerCase();
    if (this.passesOver(app)) {
      // Steps that change nothing are walked over, up to the first that does: never recursively,
      // so that a way back into the middle of a chain still being made meets no false loop.
      let at = index;
      while (steps[at] && this.passesOver((steps[at] as Step).app.toLowerCase())) {
        this.noteOnce(context, exten, at, steps[at] as Step);
        at++;
      }
      const target = this.nodeAt(context, exten, at);
      this.made.set(key, target);
      return target;
    }
    if (app === 'goto') {
      // Gotos alone in a ring, with nothing a caller hears, are a loop the call never leaves.
      if (this.passing.has(key))
        return this.end(
          step,
          `${context} ${exten} loop`,
          'the dialplan loops here without asking the caller anything',
        );
      this.passing.add(key);
      const target = this.jump(context, exten, step.args, step);
      this.made.set(key, target);
      return target;
    }
    const id = this.out.idFor(`${context} ${exten} ${step.label ?? index + 1}`, 'step');
    this.made.set(key, id);
    this.out.node(
      id,
      this.nodeOf(context, exten, index, step, id),
      step.at,
      `${context},${exten},${index + 1} ${step.app}(${step.args})`,
    );
    return id;
  }

  /** Whether the call goes straight on past an application: set-ups, and what is not followed. */
  private passesOver(app: string): boolean {
    return (
      PASS.has(app) ||
      ['agi', 'eagi', 'fastagi', 'gosub', 'macro', 'return'].includes(app) ||
      !this.known(app)
    );
  }

  private readonly noted = new Set<string>();

  /** Says once that a step was not followed, or is an application phonemaze does not know. */
  private noteOnce(context: string, exten: string, index: number, step: Step): void {
    const app = step.app.toLowerCase();
    const key = `${context}|${exten}|${index}`;
    if (PASS.has(app) || this.noted.has(key)) return;
    this.noted.add(key);
    this.note(
      step,
      this.known(app)
        ? `${step.app}: not followed, the call taken to go on`
        : `${step.app}: an application phonemaze does not know, the call taken to go on`,
      !this.known(app),
    );
  }

  private known(app: string): boolean {
    return (
      PASS.has(app) ||
      SAY.has(app) ||
      [
        'background',
        'waitexten',
        'read',
        'goto',
        'gotoif',
        'gotoiftime',
        'dial',
        'queue',
        'voicemail',
        'hangup',
        'busy',
        'congestion',
        'agi',
        'eagi',
        'fastagi',
        'gosub',
        'macro',
        'return',
      ].includes(app)
    );
  }

  private nodeOf(context: string, exten: string, index: number, step: Step, id: string): Node {
    const app = step.app.toLowerCase();
    const next = () => this.nodeAt(context, exten, index + 1);
    const args = step.args.split(',');
    if (SAY.has(app)) return { type: 'say', prompt: soundsOf(step.args), next: next() };
    if (app === 'background' || app === 'waitexten')
      return menuOf(this, context, exten, index, step, id);
    if (app === 'read') {
      const max = Number(args[2]);
      return {
        type: 'input',
        ...(args[1] ? { prompt: soundsOf(args[1]) } : {}),
        collect: slug(args[0] ?? 'value') || 'value',
        ...(max > 0 ? { digits: [1, max] } : {}),
        next: next(),
        noInput: { tries: 1, then: next() },
        noMatch: { tries: 1, then: next() },
      };
    }
    if (app === 'gotoif' || app === 'gotoiftime') {
      const [condition = '', targets = ''] = step.args.split('?');
      const [whenTrue = '', whenFalse = ''] = targets.split(':');
      const name = app === 'gotoiftime' ? 'hours' : conditionName(condition);
      const values: [string, string, string] =
        app === 'gotoiftime' ? ['open', 'closed', ''] : ['true', 'false', ''];
      const cases = {
        [values[0]]: whenTrue.trim() ? this.jump(context, exten, whenTrue, step) : next(),
        [values[1]]: whenFalse.trim() ? this.jump(context, exten, whenFalse, step) : next(),
      };
      this.out.condition(name, [values[0], values[1]]);
      this.note(step, `${step.app}: a condition of the call, each value possible`);
      return { type: 'branch', condition: name, cases };
    }
    if (app === 'dial') return this.dial(step);
    if (app === 'queue') return { type: 'agent', queue: (args[0] ?? '').trim() };
    if (app === 'voicemail') {
      this.note(step, 'voicemail: the call ends there, the caller not helped by a person');
      return { type: 'hangup', prompt: '(voicemail)' };
    }
    return { type: 'hangup' };
  }

  /** Where a `Goto` argument (`ctx,ext,prio`, `ext,prio`, `label`) takes the call. */
  jump(context: string, exten: string, target: string, step: Step): string {
    if (target.includes('${'))
      return this.end(
        step,
        `${context} ${exten} dynamic`,
        `${step.app}(${step.args}) goes where a variable says: not followed, the call taken to end`,
      );
    const parts = target.split(',').map((part) => part.trim());
    const [ctx, ext, priority] =
      parts.length >= 3
        ? parts
        : parts.length === 2
          ? [context, parts[0], parts[1]]
          : [context, exten, parts[0]];
    const steps = this.steps(ctx as string, ext as string);
    // Dialplans include other files (FreePBX's app-blackhole, ext-queues...): a context not here is
    // said, not refused, unless its name is a slip of one that is.
    if (
      !this.dialplan.contexts.has(ctx as string) &&
      !didYouMean(String(ctx), this.dialplan.contexts.keys())
    )
      return this.end(
        step,
        `${ctx} ${ext}`,
        `${ctx} is not in this file (an #include, or another file): the call is taken to end there`,
      );
    const byLabel = steps.findIndex((one) => one.label === priority);
    const index = byLabel >= 0 ? byLabel : Number(priority) - 1;
    if (
      !this.dialplan.contexts.get(ctx as string)?.extensions.has(ext as string) ||
      !(index >= 0 && index < steps.length)
    ) {
      this.problems.push({
        file: this.file,
        ...step.at,
        message: `${step.app}(${target}) goes to ${ext}@${ctx} priority ${priority}, which this dialplan does not have.`,
        hint:
          (this.dialplan.contexts.has(ctx as string)
            ? didYouMean(
                String(ext),
                this.dialplan.contexts.get(ctx as string)?.extensions.keys() ?? [],
              )
            : didYouMean(String(ctx), this.dialplan.contexts.keys())) ??
          'Check the context, the extension and the priority or label.',
      });
      return this.end(step, `${context} ${exten} broken`, 'a jump to nothing');
    }
    return this.nodeAt(ctx as string, ext as string, index);
  }

  private dial(step: Step): Node {
    const target = step.args.split(',')[0] ?? '';
    // A local endpoint (PJSIP/1001, SIP/alice) is a person; a trunk, a gateway or a number is another line.
    const external = /@|DAHDI\/g|\/\+?\d{7,}|trunk|gateway/i.test(target);
    return external
      ? { type: 'transfer', to: target }
      : { type: 'agent', queue: lastPart(target.split('&')[0] ?? target) };
  }

  /** Running off the end of an extension: with autofallthrough (the default), the call hangs up. */
  private ranOff(context: string, exten: string, at: SourcePosition): string {
    const key = `${context}|${exten}|end`;
    const known = this.made.get(key);
    if (known) return known;
    const id = this.out.idFor(`${context} ${exten} end`, 'end');
    this.made.set(key, id);
    this.out.node(id, { type: 'hangup' }, at, `${context},${exten} runs out`);
    if (!this.dialplan.autofallthrough)
      this.out.approximated.push({
        block: `${context},${exten}`,
        what: 'autofallthrough=no waits for digits when an extension runs out; taken as the call ending',
        at,
        node: id,
      });
    return id;
  }

  private end(step: Step, label: string, why: string): string {
    const id = this.out.idFor(label, 'end');
    this.out.node(id, { type: 'hangup' }, step.at, `${step.app}(${step.args})`);
    this.out.approximated.push({
      block: `${step.app}(${step.args})`,
      what: why,
      at: step.at,
      node: id,
    });
    return id;
  }

  note(step: Step, what: string, unknown = false): void {
    (unknown ? this.out.unknown : this.out.approximated).push({
      block: `${step.app}(${step.args})`,
      what,
      at: step.at,
      node: '',
    });
  }
}
