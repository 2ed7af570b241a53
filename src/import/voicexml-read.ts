/**
 * A VoiceXML document read in document order (the order of `<prompt>`, `<goto>` and form items
 * is what a call does), each element with the place of its start tag, so that findings land on
 * the line of the `<menu>`, `<choice>` or `<field>` they are about.
 */
import { XMLValidator } from 'fast-xml-parser';
import { type FlowProblem, fileProblem } from '../flow/problems.js';
import { positionAt, withoutComments } from '../flow/source.js';
import type { SourcePosition } from '../flow/types.js';
import { parseXmlInOrder } from '../flow/xml.js';

export interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly Element[];
  /** The text directly inside it, its children's text left out. */
  readonly text: string;
  readonly at: SourcePosition;
}

export type VoicexmlRead =
  | { readonly ok: true; readonly root: Element }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

type Parsed = Record<string, unknown> & { ':@'?: Record<string, string> };

export function readVoicexml(text: string, file: string): VoicexmlRead {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return {
      ok: false,
      problems: [
        {
          file,
          line: valid.err.line,
          column: valid.err.col,
          message: `This is not well-formed XML: ${valid.err.msg}`,
          hint: 'Check the tags and quotes near here.',
        },
      ],
    };
  // fast-xml-parser keeps no places: each start tag is found again in the text, the nth of its name.
  const offsets = new Map<string, number[]>();
  for (const match of withoutComments(text).matchAll(/<([A-Za-z][\w:.-]*)/g)) {
    const name = match[1] as string;
    offsets.set(name, [...(offsets.get(name) ?? []), match.index]);
  }
  const seen = new Map<string, number>();
  const build = (parsed: Parsed): Element | undefined => {
    const name = Object.keys(parsed).find((key) => key !== ':@');
    if (!name || name.startsWith('?') || name === '#text' || name === '#comment') return undefined;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    const at = positionAt(text, offsets.get(name)?.[count] ?? 0);
    const inner = (parsed[name] ?? []) as Parsed[];
    const children = inner.flatMap((child) => build(child) ?? []);
    const words = inner
      .flatMap((child) => (typeof child['#text'] === 'string' ? [child['#text']] : []))
      .join(' ');
    return {
      name: name.replace(/^\w+:/, ''),
      attributes: parsed[':@'] ?? {},
      children,
      text: words,
      at,
    };
  };
  const root = (parseXmlInOrder(text) as Parsed[])
    .map(build)
    .find((element) => element?.name === 'vxml');
  if (!root)
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          'The file has no <vxml> element: it is not a VoiceXML document.',
          'Give the .vxml document the call starts in.',
        ),
      ],
    };
  return { ok: true, root };
}

/** What a caller hears of an element: its text and its children's, `<audio>` as the file it plays. */
export function spokenText(element: Element): string {
  const parts: string[] = [];
  const visit = (one: Element) => {
    if (one.name === 'audio' && one.attributes.src && !one.text)
      parts.push(`(plays ${one.attributes.src.split('/').at(-1)})`);
    if (one.text) parts.push(one.text);
    for (const child of one.children)
      if (
        ['prompt', 'audio', 'say-as', 'emphasis', 'break', 'p', 's', 'enumerate', 'value'].includes(
          child.name,
        )
      )
        visit(child);
  };
  for (const child of element.children)
    if ((child.name === 'prompt' && !forLaterVisits(child)) || child.name === 'audio') visit(child);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * A `<prompt count="2">` and up is said from the second visit on (the prompt counter picks the
 * highest count not above it); a first visit says those without a count or with count 1.
 */
export function forLaterVisits(prompt: Element): boolean {
  return Number(prompt.attributes.count ?? 1) > 1;
}

export function childrenNamed(element: Element, ...names: string[]): Element[] {
  return element.children.filter((child) => names.includes(child.name));
}
