/**
 * The parts of a VoiceXML document an import reads closely: choices from `<option>`s and inline
 * SRGS grammars, the branches of `<filled>`, and the builder a document gone on into writes with.
 */
import type { FlowProblem } from '../flow/problems.js';
import type { SourcePosition } from '../flow/types.js';
import type { FlowBuilder, PartName } from './document.js';
import type { FetchedDocuments } from './voicexml-fetch.js';
import { childrenNamed, type Element } from './voicexml-read.js';

type Node = Record<string, unknown>;

/** Phrases that go where a key goes are that key's option, said instead; each keeps its place. */
export function mergePhrases(options: { option: Node; at: SourcePosition }[]): typeof options {
  const merged: typeof options = [];
  for (const one of options) {
    const keyed = merged.find(
      ({ option }) => option.key !== undefined && option.to === one.option.to,
    );
    if (one.option.key === undefined && keyed && Array.isArray(one.option.say))
      keyed.option.say = [...((keyed.option.say as string[] | undefined) ?? []), ...one.option.say];
    else merged.push(one);
  }
  return merged;
}

/**
 * The branches of the `<if>`s in a `<filled>`: `<elseif cond>` and `<else>` are empty markers
 * that divide an `<if>`'s content, each part going with the condition before it.
 */
export function branchesOf(filled: Element | undefined): { cond: string; elements: Element[] }[] {
  const branches: { cond: string; elements: Element[] }[] = [];
  for (const conditional of childrenNamed(
    filled ?? { name: '', attributes: {}, children: [], text: '', at: { line: 1, column: 1 } },
    'if',
  )) {
    let current = { cond: conditional.attributes.cond ?? '', elements: [] as Element[] };
    branches.push(current);
    for (const child of conditional.children) {
      if (child.name === 'elseif' || child.name === 'else') {
        current = { cond: child.attributes.cond ?? 'else', elements: [] };
        branches.push(current);
      } else current.elements.push(child);
    }
  }
  return branches;
}

/**
 * The `<item>`s of a field's inline SRGS grammars, as options: in a `mode="dtmf"` grammar an item
 * is a key, in a voice grammar a phrase.
 */
export function grammarItems(field: Element): Element[] {
  const items: Element[] = [];
  for (const grammar of childrenNamed(field, 'grammar')) {
    const dtmf = grammar.attributes.mode === 'dtmf';
    const visit = (element: Element) => {
      for (const child of element.children) {
        const words = child.text.trim();
        if (child.name === 'item' && words)
          items.push({
            ...child,
            attributes: dtmf ? { dtmf: words, value: words } : { value: words },
            text: dtmf ? '' : words,
          });
        else visit(child);
      }
    };
    visit(grammar);
  }
  return items;
}

/** What the documents of one import share: the flow being built, the problems, the documents read. */
export interface Shared<Document> {
  readonly builder: FlowBuilder;
  readonly problems: FlowProblem[];
  readonly documents: Map<string, Document | undefined>;
  readonly platform: 'w3c' | 'openvxi';
  /** Documents on a server, fetched before the import (voicexml-fetch.ts). */
  readonly fetched?: FetchedDocuments;
}

/** What an import writes into: the flow builder, or, for a document it went on into, one that places every part at the way in. */
export type Building = Pick<FlowBuilder, 'idFor' | 'node' | 'approximated'> & {
  readonly at: { set(key: PartName, at: SourcePosition): unknown };
};

/** The builder as a document gone on into sees it: its nodes named after it, placed where the call went in. */
export function placedAt(builder: FlowBuilder, at: SourcePosition, prefix: string): Building {
  return {
    idFor: (label, fallback) => builder.idFor(`${prefix} ${label}`, fallback),
    node: (id, data, _at, block) => builder.node(id, data, at, `${block} (${prefix})`),
    at: { set: (key) => builder.at.set(key, at) },
    approximated: builder.approximated,
  };
}
