/**
 * A flow written as a designer would write it, for flows phonemaze makes (a crawl, an import):
 * YAML with a comment above the file and above each node, options and handlers on one line.
 */
import { Document, isMap, isPair, isScalar, isSeq, type Pair, visit, type YAMLMap } from 'yaml';

/** A flow file's content as data: `id`, `start`, `nodes`... as the flow format names them. */
export type FlowDocument = Readonly<Record<string, unknown>> & {
  readonly nodes: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
};

export interface WrittenComments {
  /** Above the file: where it came from. */
  readonly header?: string;
  /** Above each node, by its id: the block or the request behind it. */
  readonly nodes?: ReadonlyMap<string, string>;
}

const ONE_LINE = new Set(['noMatch', 'noInput']);

export function flowYaml(document: FlowDocument, comments: WrittenComments = {}): string {
  // Two handlers alike are written out twice, never as a YAML alias a designer would trip on.
  const doc = new Document(document, { aliasDuplicateObjects: false });
  if (comments.header) doc.commentBefore = comments.header.replace(/^(?=.)/gm, ' ');
  const nodes = doc.get('nodes', true) as YAMLMap;
  for (const item of nodes.items as Pair[]) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const text = comments.nodes?.get(String(item.key.value));
    if (text) item.key.commentBefore = ` ${text.replace(/\n/g, ' ')}`;
    if (!isMap(item.value)) continue;
    for (const field of item.value.items as Pair[]) {
      if (!isScalar(field.key)) continue;
      const name = String(field.key.value);
      if (ONE_LINE.has(name) && isMap(field.value)) field.value.flow = true;
      if (name === 'options' && isSeq(field.value))
        for (const option of field.value.items) if (isMap(option)) option.flow = true;
    }
  }
  // Lists of plain values (a condition's values, digits, phrases) on one line, as designers write them.
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
