/**
 * VoiceXML 2.0/2.1 as a phonemaze flow: each `<menu>` a menu, each form item in order (a
 * `<block>` said, a `<field>` an input or a menu, a `<transfer>`), and the `<noinput>`,
 * `<nomatch>` and `<catch>` handlers in scope, by their counts, as tries. docs/import/voicexml.md
 * lists the mapping with its sources.
 */

import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { normalisePhrase } from '../flow/caller-input.js';
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';
import { FlowBuilder, type ImportOptions, type ImportResult } from './document.js';
import { documentUrl, isUrl } from './fetch.js';
import { flowIdOf, slug } from './names.js';
import { type HandlerBuilding, handlersOf } from './voicexml-handlers.js';
import {
  type Building,
  branchesOf,
  grammarItems,
  mergePhrases,
  placedAt,
  type Shared,
} from './voicexml-parts.js';
import {
  childrenNamed,
  type Element,
  forLaterVisits,
  readVoicexml,
  spokenText,
} from './voicexml-read.js';

type Node = Record<string, unknown>;

/** Words that name a line to people: a `<transfer>` so named reaches a person (`humans` in the config says otherwise). */
const PEOPLE = /agent|operator|queue|support|service|representative|person|human|advisor/i;
export function importVoicexml(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  const read = readVoicexml(text, file);
  if (!read.ok) return read;
  const importer = new VoicexmlImport(read.root, file, {
    builder: new FlowBuilder(),
    problems: [],
    documents: new Map(),
    platform: options.platform ?? 'w3c',
    ...(options.documents ? { fetched: options.documents } : {}),
  });
  if (options.entry !== undefined && !importer.hasDialog(options.entry))
    return {
      ok: false,
      problems: [
        {
          file,
          ...read.root.at,
          message: `--entry ${options.entry} names no dialog of this file.`,
          hint: importer.dialogsHint(options.entry),
        },
      ],
    };
  // A document that goes back to this one comes back to its nodes.
  importer.register();
  const imported = importer.run(options.entry);
  return importer.problems.length > 0
    ? { ok: false, problems: importer.problems }
    : { ok: true, imported };
}

class VoicexmlImport implements HandlerBuilding {
  readonly out: Building;
  private readonly made = new Map<Element, string>();
  private readonly dialogs = new Map<string, Element>();
  /** The application root document (`<vxml application="root.vxml">`): its handlers and links are in scope too. */
  private readonly appRootDocument: VoicexmlImport | undefined;

  constructor(
    readonly root: Element,
    private readonly file: string,
    private readonly shared: Shared<VoicexmlImport>,
    /** For a document the call went on into from another: where it went in, and the document's name. */
    private readonly entered?: { readonly at: SourcePosition; readonly name: string },
  ) {
    this.out = entered ? placedAt(shared.builder, entered.at, entered.name) : shared.builder;
    for (const dialog of childrenNamed(root, 'menu', 'form'))
      if (dialog.attributes.id) this.dialogs.set(dialog.attributes.id, dialog);
    const application = root.attributes.application;
    if (application) this.appRootDocument = this.documentNamed(application, root);
  }

  get appRoot(): Element | undefined {
    return this.appRootDocument?.root;
  }

  /** Where an element of `holder` stands in this file: the application root's, at `application=`. */
  placeOf(holder: Element, element: Element): SourcePosition {
    return holder === this.appRoot ? this.root.at : element.at;
  }

  /** Where an element of `holder` goes: the application root's are read in the root document. */
  targetFrom(holder: Element, element: Element, next: string | undefined, from: Element): string {
    const document = holder === this.appRoot ? this.appRootDocument : undefined;
    return (document ?? this).target(element, next, from);
  }

  /** This document, known to the others by its path. */
  register(): void {
    this.shared.documents.set(this.whereIs(this.file), this);
  }

  get problems(): FlowProblem[] {
    return this.shared.problems;
  }

  get platform(): 'w3c' | 'openvxi' {
    return this.shared.platform;
  }

  /** Where a document named here is: a URL (without `#`), or the path of a file next to this one. */
  private whereIs(name: string): string {
    if (isUrl(name)) return documentUrl(name);
    if (isUrl(this.file)) return documentUrl(new URL(name, this.file).href);
    return resolve(dirname(this.file), name);
  }

  /**
   * Another document of the application, read once: a file next to this one
   * (`next="billing.vxml#main"`), or a document on a server, fetched before the import.
   */
  private documentNamed(name: string, from: Element): VoicexmlImport | undefined {
    const where = this.whereIs(name);
    if (this.shared.documents.has(where)) return this.shared.documents.get(where);
    this.shared.documents.set(where, undefined);
    let text: string | undefined;
    if (isUrl(where)) text = this.shared.fetched?.texts.get(where);
    else
      try {
        text = readFileSync(where, 'utf8');
      } catch {
        text = undefined;
      }
    if (text === undefined) return undefined;
    const read = readVoicexml(text, where);
    if (!read.ok) {
      this.problems.push(...read.problems);
      return undefined;
    }
    const at = this.entered?.at ?? from.at;
    const document = new VoicexmlImport(read.root, where, this.shared, {
      at,
      name: basename(where).replace(/\.\w+$/, ''),
    });
    this.shared.documents.set(where, document);
    return document;
  }

  /** Why a document named here was not read, in a designer's words. */
  private whyUnread(name: string): string {
    const where = this.whereIs(name);
    if (!isUrl(where)) return `${name} is another document that could not be read next to this one`;
    const why =
      this.shared.fetched?.missing.get(where) ?? 'its server is not one named with --fetch';
    return `${where} was not fetched: ${why}`;
  }

  /** A dialog of this document by id, or its first: where a call into the document goes. */
  enter(id: string | undefined, from: Element): string | undefined {
    const dialog = id ? this.dialogs.get(id) : childrenNamed(this.root, 'menu', 'form')[0];
    if (!dialog) {
      this.problems.push({
        file: this.file,
        ...from.at,
        message: `\`${id}\` names no dialog of ${basename(this.file)}.`,
        hint: this.dialogsHint(id ?? ''),
      });
      return undefined;
    }
    return this.dialog(dialog);
  }

  hasDialog(id: string): boolean {
    return this.dialogs.has(id);
  }

  /** The dialog meant by a name that names none, or the dialogs there are. */
  dialogsHint(id: string): string {
    return (
      didYouMean(id, this.dialogs.keys()) ??
      `Its dialogs are: ${[...this.dialogs.keys()].join(', ')}.`
    );
  }

  /** The call starts at the dialog `--entry` names, else at the document's first. */
  run(entry?: string) {
    const first =
      entry !== undefined ? this.dialogs.get(entry) : childrenNamed(this.root, 'menu', 'form')[0];
    const start = first ? this.dialog(first) : this.end(this.root, 'the document has no dialog');
    // Notes on what made no node of its own stand at the start of the call.
    const { builder } = this.shared;
    builder.approximated.forEach((note, i) => {
      if (!note.node) builder.approximated[i] = { ...note, node: start };
    });
    return builder.build(
      'voicexml',
      {
        id: flowIdOf(this.file, 'voicexml'),
        start,
      },
      this.root.at,
    );
  }

  private dialog(dialog: Element): string {
    return dialog.name === 'menu' ? this.menu(dialog) : this.formItem(dialog, 0);
  }

  /** A `<menu>`: its choices, keyed by `dtmf`, or 1 to 9 in order with `dtmf="true"`. */
  private menu(menu: Element): string {
    const known = this.made.get(menu);
    if (known) return known;
    const id = this.out.idFor(menu.attributes.id ?? 'menu', 'menu');
    this.made.set(menu, id);
    let implicit = 0;
    const options: Node[] = [];
    for (const choice of childrenNamed(menu, 'choice')) {
      const written = choice.attributes.dtmf;
      const key =
        written ??
        (menu.attributes.dtmf === 'true' && implicit < 9 ? String(++implicit) : undefined);
      const phrase = choice.text.trim();
      const to = this.target(choice, choice.attributes.next, menu);
      this.out.at.set(`option ${id} ${options.length}`, choice.at);
      options.push({ ...(key ? { key } : {}), ...(phrase ? { say: [phrase] } : {}), to });
    }
    for (const { option, at } of this.linkOptions([menu], menu, options)) {
      this.out.at.set(`option ${id} ${options.length}`, at);
      options.push(option);
    }
    this.noteLaterPrompts(menu);
    if (options.length === 0) options.push({ key: '*', repeat: true });
    const node: Node = {
      type: 'menu',
      ...(spokenText(menu) ? { prompt: spokenText(menu) } : {}),
      options,
      ...handlersOf(this, menu, [menu], id),
    };
    this.out.node(id, node, menu.at, `menu ${menu.attributes.id ?? ''}`.trim());
    return id;
  }

  /** The form item at `index`, and what follows it; past the last, the form ends the call. */
  private formItem(form: Element, index: number): string {
    const items = form.children.filter((child) =>
      ['block', 'field', 'transfer', 'record', 'subdialog', 'object', 'initial'].includes(
        child.name,
      ),
    );
    const item = items[index];
    if (!item)
      return this.end(
        form,
        `the form ${form.attributes.id ?? ''} runs out of items: the document ends, and the call`,
      );
    const known = this.made.get(item);
    if (known) return known;
    const next = () => this.formItem(form, index + 1);
    if (item.name === 'block') return this.block(item, form, next);
    if (item.name === 'transfer') {
      const dest = item.attributes.dest ?? item.attributes.destexpr ?? 'another line';
      const id = this.out.idFor(item.attributes.name ?? 'transfer', 'transfer');
      this.made.set(item, id);
      // A line to people, by its destination or by what the designer named it.
      const person = PEOPLE.test(
        `${dest} ${item.attributes.name ?? ''} ${form.attributes.id ?? ''}`,
      );
      this.out.node(
        id,
        person
          ? { type: 'agent', ...this.said(item) }
          : { type: 'transfer', ...this.said(item), to: dest.replace(/^tel:/, '') },
        item.at,
        `transfer ${item.attributes.name ?? dest}`,
      );
      return id;
    }
    if (item.name === 'field') return this.field(item, form, next);
    this.note(item, `<${item.name}> is not followed: the form goes on past it`);
    const id = next();
    this.made.set(item, id);
    return id;
  }

  /** A `<block>`: what it says, then its `<goto>`, `<disconnect>` or `<exit>`, else the next item. */
  private block(block: Element, form: Element, next: () => string): string {
    const id = this.out.idFor(
      block.attributes.name ?? `${form.attributes.id ?? 'form'} block`,
      'block',
    );
    this.made.set(block, id);
    const transition = block.children.find((child) =>
      ['goto', 'disconnect', 'exit', 'submit'].includes(child.name),
    );
    const prompt = spokenText(block);
    const onward = transition ? this.target(transition, transition.attributes.next, form) : next();
    this.out.node(
      id,
      prompt
        ? { type: 'say', prompt, next: onward }
        : { type: 'say', prompt: '(silence)', duration: 0, next: onward },
      block.at,
      `block in form ${form.attributes.id ?? ''}`.trim(),
    );
    return id;
  }

  /** A `<field>`: a menu when it offers `<option>`s, else an input; `<filled>` says where it goes. */
  private field(field: Element, form: Element, next: () => string): string {
    const id = this.out.idFor(field.attributes.name ?? 'field', 'field');
    this.made.set(field, id);
    const filled = childrenNamed(field, 'filled')[0];
    const gotoIn = (within: Element | undefined) =>
      within?.children.find((child) => child.name === 'goto');
    const onward = () => {
      const go = gotoIn(filled);
      return go ? this.target(go, go.attributes.next, form) : next();
    };
    const scope = [field, form];
    // The choices a field takes: its `<option>`s, or the items of an inline SRGS grammar.
    const options = [...childrenNamed(field, 'option'), ...grammarItems(field)];
    let node: Node;
    if (options.length > 0) {
      const made = mergePhrases(
        options.map((option) => {
          const value = option.attributes.value ?? option.text.trim();
          // `<if cond="color == 'red'"><goto next="#red"/>`: the option's own way on.
          const branch = branchesOf(filled).find((one) => one.cond.includes(`'${value}'`));
          const go = branch?.elements.find((child) => child.name === 'goto');
          const to = go ? this.target(go, go.attributes.next, form) : onward();
          return {
            option: {
              ...(option.attributes.dtmf ? { key: option.attributes.dtmf } : {}),
              ...(option.text.trim() ? { say: [option.text.trim()] } : {}),
              to,
            },
            at: option.at,
          };
        }),
      );
      const links = this.linkOptions(
        scope,
        form,
        made.map(({ option }) => option),
      );
      for (const [k, { at }] of [...made, ...links].entries())
        this.out.at.set(`option ${id} ${k}`, at);
      node = { type: 'menu', options: [...made, ...links].map(({ option }) => option) };
    } else {
      const type = field.attributes.type ?? '';
      const digits = /^digits(?:\?length=(\d+))?/.exec(type);
      node = {
        type: 'input',
        collect: slug(field.attributes.name ?? 'value') || 'value',
        ...(digits?.[1] ? { digits: Number(digits[1]) } : {}),
        next: onward(),
      };
      if (!digits && !childrenNamed(field, 'grammar').length)
        this.note(field, 'a field whose grammar phonemaze does not read: any answer goes on');
      if (this.linkOptions(scope, form, [], false).length > 0)
        this.note(
          field,
          'the <link>s in scope are not choices at an input field: an input takes a value',
        );
    }
    this.noteLaterPrompts(field);
    const prompt = spokenText(field);
    this.out.node(
      id,
      { ...node, ...(prompt ? { prompt } : {}), ...handlersOf(this, field, scope, id) },
      field.at,
      `field ${field.attributes.name ?? ''}`.trim(),
    );
    return id;
  }

  /**
   * The `<link>`s in scope (the dialog's and its item's, the document's, the application root's)
   * as choices the caller has here too: a key by `dtmf` or a DTMF grammar's items, phrases by a
   * voice grammar's. A key or a phrase a choice already has stays the choice's.
   */
  private linkOptions(
    scope: readonly Element[],
    from: Element,
    choices: readonly Node[],
    follow = true,
  ): { option: Node; at: SourcePosition }[] {
    const keys = new Set(choices.flatMap((choice) => (choice.key ? [String(choice.key)] : [])));
    const phrases = new Set(
      choices.flatMap((choice) => (choice.say as string[] | undefined) ?? []).map(normalisePhrase),
    );
    const made: { option: Node; at: SourcePosition }[] = [];
    const holders = [...scope, this.root, ...(this.appRoot ? [this.appRoot] : [])];
    for (const holder of holders)
      for (const link of childrenNamed(holder, 'link')) {
        const items = grammarItems(link);
        const key = [link.attributes.dtmf, ...items.map((item) => item.attributes.dtmf)].find(
          (one): one is string => one !== undefined && !keys.has(one),
        );
        const say = items
          .filter((item) => !item.attributes.dtmf && !phrases.has(normalisePhrase(item.text)))
          .map((item) => item.text);
        if (key === undefined && say.length === 0) continue;
        if (!link.attributes.next) {
          if (follow)
            this.note(link, 'a <link> that throws an event or computes its target is not a choice');
          continue;
        }
        if (key !== undefined) keys.add(key);
        for (const phrase of say) phrases.add(normalisePhrase(phrase));
        const to = follow ? this.targetFrom(holder, link, link.attributes.next, from) : '';
        made.push({
          option: { ...(key !== undefined ? { key } : {}), ...(say.length ? { say } : {}), to },
          at: this.placeOf(holder, link),
        });
      }
    return made;
  }

  /** Tapered prompts: a later visit's `<prompt count>` has no place in a flow, so it is said. */
  private noteLaterPrompts(dialog: Element): void {
    if (childrenNamed(dialog, 'prompt').some(forLaterVisits))
      this.note(
        dialog,
        'its prompts for later visits (<prompt count="2"> and up) are not said: every visit says the first visit\'s prompt',
      );
  }

  handlerTransfer(transfer: Element): string {
    const id = this.out.idFor(transfer.attributes.name ?? 'transfer', 'transfer');
    this.out.node(
      id,
      { type: 'transfer', to: (transfer.attributes.dest ?? 'another line').replace(/^tel:/, '') },
      transfer.at,
      'transfer',
    );
    return id;
  }

  /** Where a `<goto>`, a `<choice>` or a handler takes the call: `#dialog`, or the end of the call. */
  target(element: Element, next: string | undefined, from: Element): string {
    if (element.name === 'disconnect' || element.name === 'exit')
      return this.end(element, '', false);
    if (element.name === 'submit' && !next)
      return this.end(
        element,
        `<submit> to ${element.attributes.expr ?? 'a server'}: where it goes is computed (crawl the application instead)`,
      );
    if (element.name === 'submit')
      // The document at that address, as a server that answers it with a fixed document would.
      this.note(
        element,
        `<submit> to ${next} is followed as a <goto>: an answer the server makes from the values sent is not known`,
      );
    if (!next) {
      if (element.attributes.expr || element.attributes.nextitem)
        return this.end(
          element,
          `a target phonemaze does not follow (${element.attributes.expr ?? element.attributes.nextitem})`,
        );
      return this.end(element, 'a transition to nowhere');
    }
    if (!next.startsWith('#')) {
      const [name = '', id] = next.split('#');
      const document = this.documentNamed(name, element);
      const entered = document?.enter(id, element);
      return entered ?? this.end(element, `${this.whyUnread(name)}: the call is taken to end`);
    }
    const dialog = this.dialogs.get(next.slice(1));
    if (!dialog) {
      this.problems.push({
        file: this.file,
        ...element.at,
        message: `\`next="${next}"\` names no dialog of this document.`,
        hint:
          didYouMean(next.slice(1), this.dialogs.keys()) ??
          `The dialogs are: ${[...this.dialogs.keys()].join(', ')}.`,
      });
      return this.end(from, 'a transition to nothing');
    }
    return this.dialog(dialog);
  }

  private said(element: Element): Node {
    const prompt = spokenText(element);
    return prompt ? { prompt } : {};
  }

  /** The call ends here: `<disconnect>`, `<exit>`, or what the import cannot follow (said). */
  end(element: Element, why: string, approximated = true): string {
    const id = this.out.idFor(`${element.name} end`, 'end');
    this.out.node(id, { type: 'hangup' }, element.at, `<${element.name}>`);
    if (approximated && why) this.note(element, why, id);
    return id;
  }

  private note(element: Element, what: string, node = ''): void {
    // A document gone on into is checked as part of this flow; its notes would stand at the way in.
    if (this.entered) return;
    const said = this.out.approximated.some(
      (one) =>
        one.what === what && one.at.line === element.at.line && one.at.column === element.at.column,
    );
    if (said) return;
    this.out.approximated.push({
      block: `<${element.name}${element.attributes.id ? ` id="${element.attributes.id}"` : element.attributes.name ? ` name="${element.attributes.name}"` : ''}>`,
      what,
      at: element.at,
      node: node || (this.made.get(element) ?? ''),
    });
  }
}
