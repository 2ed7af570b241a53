/**
 * VoiceXML 2.0/2.1 as a phonemaze flow: each `<menu>` a menu, each form item in order (a
 * `<block>` said, a `<field>` an input or a menu, a `<transfer>`), and the `<noinput>`,
 * `<nomatch>` and `<catch>` handlers in scope, by their counts, as tries. docs/import/voicexml.md
 * lists the mapping with its sources.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isUrl } from '../flow/files.js';
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';
import { FlowBuilder, type ImportOptions, type ImportResult } from './document.js';
import { documentAt, documentKey } from './fetch.js';
import { flowIdOf } from './names.js';
import { type DialogBuilding, fieldNode, menuNode } from './voicexml-dialogs.js';
import { type Building, placedAt, type Shared } from './voicexml-parts.js';
import {
  childrenNamed,
  type Element,
  readVoicexml,
  spokenText,
  type VoicexmlRead,
} from './voicexml-read.js';

type Node = Record<string, unknown>;

/** Words that name a line to people: a `<transfer>` so named reaches a person (`humans` in the config says otherwise). */
const PEOPLE = /agent|operator|queue|support|service|representative|person|human|advisor/i;
export function importVoicexml(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  const read = options.documents?.read.get(documentKey(file)) ?? readVoicexml(text, file);
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

/** A document on disk, when it was not read before the import (nothing was fetched). */
function readNextTo(path: string): VoicexmlRead | undefined {
  if (isUrl(path)) return undefined;
  try {
    return readVoicexml(readFileSync(path, 'utf8'), path);
  } catch {
    return undefined;
  }
}

class VoicexmlImport implements DialogBuilding {
  readonly out: Building;
  readonly made = new Map<Element, string>();
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
    this.shared.documents.set(documentKey(this.file), this);
  }

  get problems(): FlowProblem[] {
    return this.shared.problems;
  }

  get platform(): 'w3c' | 'openvxi' {
    return this.shared.platform;
  }

  /**
   * Another document of the application, read once: a file next to this one
   * (`next="billing.vxml#main"`), or a document on a server, fetched before the import.
   */
  private documentNamed(name: string, from: Element): VoicexmlImport | undefined {
    const where = documentAt(name, this.file);
    if (this.shared.documents.has(where)) return this.shared.documents.get(where);
    this.shared.documents.set(where, undefined);
    const read = this.shared.fetched?.read.get(where) ?? readNextTo(where);
    if (!read) return undefined;
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
    const where = documentAt(name, this.file);
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
    return dialog.name === 'menu' ? menuNode(this, dialog) : this.formItem(dialog, 0);
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
    if (item.name === 'field') return fieldNode(this, item, form, next);
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

  note(element: Element, what: string, node = ''): void {
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
