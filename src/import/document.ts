/**
 * What an importer makes: the flow as a flow file would say it, with each part's position in the
 * user's own file, the block each node came from, and what could only be approximated. The same
 * loader as for flow files then makes the `Flow`, so nothing downstream knows where it came from.
 */

import { freshId } from '../flow/ids.js';
import type { FlowProblem } from '../flow/problems.js';
import type { ImportNote, SourcePosition } from '../flow/types.js';
import type { FlowDocument } from '../flow/write.js';
import type { FetchedDocuments } from './voicexml-fetch.js';

export type ImportFormat =
  | 'connect'
  | 'studio'
  | 'architect'
  | 'freeswitch'
  | 'asterisk'
  | 'voicexml';
export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'connect',
  'studio',
  'architect',
  'freeswitch',
  'asterisk',
  'voicexml',
];

/** The name of a part of the flow, for its position: `node x`, `option x 0`, `handler x noMatch`. */
export type PartName =
  | `node ${string}`
  | `option ${string} ${number}`
  | `handler ${string} ${'noMatch' | 'noInput'}`
  | 'flow';

export interface ImportedFlow {
  readonly format: ImportFormat;
  readonly document: FlowDocument;
  readonly at: ReadonlyMap<PartName, SourcePosition>;
  /** For each node, the block it came from, in words, for the comment `import` writes. */
  readonly blocks: ReadonlyMap<string, string>;
  readonly approximated: readonly ImportNote[];
  readonly unknown: readonly ImportNote[];
  /** Nodes made from flows joined into this one. */
  readonly joined: readonly string[];
}

/** An export given on the same command line, that a transfer may name. */
export interface OtherFile {
  readonly file: string;
  readonly text: string;
}

/** The exports given together, found by a name a transfer may give them (lowercase). */
export interface OtherFiles {
  get(name: string): OtherFile | undefined;
}

export interface ImportOptions {
  /** The other exports given together, by each name a transfer may call them (lowercase). */
  readonly others?: OtherFiles;
  /** Where the call starts when a file holds several menus (`--entry`). */
  readonly entry?: string;
  /** Whose default VoiceXML handlers apply where a document has none (`--platform`): the spec's, or OpenVXI's. */
  readonly platform?: 'w3c' | 'openvxi';
  /** VoiceXML documents on a server the user named, fetched before the import reads them. */
  readonly documents?: FetchedDocuments;
}

export type ImportResult =
  | { readonly ok: true; readonly imported: ImportedFlow }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

type NodeData = Record<string, unknown>;

/** Builds an imported flow node by node, keeping ids unique and valid and every position. */
export class FlowBuilder {
  readonly nodes = new Map<string, NodeData>();
  readonly at = new Map<PartName, SourcePosition>();
  readonly blocks = new Map<string, string>();
  readonly approximated: ImportNote[] = [];
  readonly unknown: ImportNote[] = [];
  readonly joined: string[] = [];
  readonly conditions = new Map<string, string[]>();

  /** A node id from a block's label: letters, digits and dashes, starting with a letter, unique. */
  idFor(label: string, fallback: string): string {
    const id = freshId(label, fallback, this.nodes);
    this.nodes.set(id, {});
    return id;
  }

  node(id: string, data: NodeData, at: SourcePosition, block: string): void {
    // A menu or an input that plays nothing (a bare WaitExten, a gather with no say) waits in
    // silence: the flow format wants a prompt, and this one takes no time.
    const silent = (data.type === 'menu' || data.type === 'input') && data.prompt === undefined;
    this.nodes.set(id, silent ? { ...data, prompt: '(silence)', duration: 0 } : data);
    this.at.set(`node ${id}`, at);
    this.blocks.set(id, block);
  }

  /** Declares a condition's values (added to as branches read it). */
  condition(name: string, values: readonly string[]): void {
    const known = this.conditions.get(name) ?? [];
    for (const value of values) if (!known.includes(value)) known.push(value);
    this.conditions.set(name, known);
  }

  build(format: ImportFormat, head: Record<string, unknown>, flowAt: SourcePosition): ImportedFlow {
    this.at.set('flow', flowAt);
    // In the order of the file, as a reader goes through it.
    for (const notes of [this.approximated, this.unknown])
      notes.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    return {
      format,
      document: {
        ...head,
        ...(this.conditions.size > 0 ? { conditions: Object.fromEntries(this.conditions) } : {}),
        nodes: Object.fromEntries(this.nodes),
      },
      at: this.at,
      blocks: this.blocks,
      approximated: this.approximated,
      unknown: this.unknown,
      joined: this.joined,
    };
  }
}
