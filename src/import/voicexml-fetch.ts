/**
 * The documents of a VoiceXML application on a web server, fetched and parsed before the import
 * (which then parses none of them again): from the first document, every `next=` and
 * `application=` it and the documents it reaches name, breadth first, within the bounds.
 */
import { readFileSync } from 'node:fs';
import { isUrl } from '../flow/files.js';
import { documentAt, documentKey, type FetchBounds, fetchText, onNamedServer } from './fetch.js';
import { type Element, readVoicexml, type VoicexmlRead } from './voicexml-read.js';

/**
 * The documents of an application read before the import, by `documentKey` (the first, files
 * next to it, those fetched), each parsed once; and those not fetched, with why.
 */
export interface FetchedDocuments {
  readonly read: ReadonlyMap<string, VoicexmlRead>;
  readonly missing: ReadonlyMap<string, string>;
}

/** The documents a document names: where its gotos, submits, choices, links and handlers go, its root. */
function namedDocuments(root: Element): string[] {
  const named: string[] = [];
  const visit = (element: Element) => {
    const { next, application } = element.attributes;
    if (next && !next.startsWith('#')) named.push(next);
    if (application && element.name === 'vxml') named.push(application);
    for (const child of element.children) visit(child);
  };
  visit(root);
  return named;
}

/**
 * Fetches the documents on the servers named that `file` (a path or a URL) leads to. A URL
 * given as the file names its own folder on its server too.
 */
export async function fetchVoicexmlDocuments(
  text: string,
  file: string,
  bounds: FetchBounds,
): Promise<FetchedDocuments> {
  const read = new Map<string, VoicexmlRead>();
  const missing = new Map<string, string>();
  const servers = isUrl(file) ? [...bounds.servers, new URL('.', file).href] : bounds.servers;
  const deadline = Date.now() + bounds.timeoutMs;
  const seen = new Set<string>([documentKey(file)]);
  let fetched = isUrl(file) ? 1 : 0;
  let round = [{ text, at: file }];
  while (round.length > 0) {
    const wanted: string[] = [];
    const files: { text: string; at: string }[] = [];
    for (const document of round) {
      const one = readVoicexml(document.text, document.at);
      read.set(documentKey(document.at), one);
      if (!one.ok) continue;
      for (const name of namedDocuments(one.root)) {
        const target = documentAt(name, document.at);
        if (seen.has(target)) continue;
        seen.add(target);
        if (!isUrl(target)) {
          // A file next to this one, read here as the import would; what it names is wanted too.
          try {
            files.push({ text: readFileSync(target, 'utf8'), at: target });
          } catch {
            // Left unread: the import says it could not be read.
          }
        } else if (!onNamedServer(target, servers)) {
          missing.set(target, 'its server is not one named with --fetch');
        } else if (fetched >= bounds.maxDocuments) {
          missing.set(
            target,
            `${bounds.maxDocuments} documents (--max-documents) were fetched first`,
          );
        } else {
          fetched++;
          wanted.push(target);
        }
      }
    }
    const answers = await Promise.all(wanted.map((url) => fetchText(url, deadline)));
    round = [...files];
    wanted.forEach((url, i) => {
      const answer = answers[i];
      if (answer?.ok) round.push({ text: answer.text, at: url });
      else missing.set(url, answer?.why ?? 'it could not be fetched');
    });
  }
  return { read, missing };
}
