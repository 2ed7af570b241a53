/**
 * Reading any menu file: a phonemaze flow, or an export of a platform phonemaze reads, told
 * apart by its content (or named with `--from`). Every command reads files through here.
 */

import { basename } from 'node:path';
import { isUrl } from '../flow/files.js';
import type { HumanPatterns } from '../flow/humans.js';
import {
  type FileText,
  type FlowResult,
  flowOfData,
  parseFlow,
  readFileText,
} from '../flow/load.js';
import { type FlowProblem, fileProblem } from '../flow/problems.js';
import { flowYaml } from '../flow/write.js';
import { importArchitect } from './architect.js';
import { importAsterisk } from './asterisk.js';
import { importConnect } from './connect.js';
import type {
  ImportedFlow,
  ImportFormat,
  ImportOptions,
  ImportResult,
  OtherFile,
  OtherFiles,
} from './document.js';
import { DEFAULT_FETCH_BOUNDS, type FetchBounds, fetchText } from './fetch.js';
import { importFreeswitch } from './freeswitch.js';
import { withHumans } from './humans.js';
import { importNotesOf, importPositions } from './positions.js';
import { importStudio } from './studio.js';
import { importVoicexml } from './voicexml.js';
import { fetchVoicexmlDocuments } from './voicexml-fetch.js';

export interface ReadMenuOptions extends ImportOptions {
  /** Where VoiceXML documents may be fetched from, and how many in how long. */
  readonly fetch?: FetchBounds;
  /** Read every file as this format, whatever its content looks like. */
  readonly from?: ImportFormat;
  /** The project's say on what counts as a person (`humans` in the project config). */
  readonly humans?: HumanPatterns;
}

type Importer = (text: string, file: string, options: ImportOptions) => ImportResult;

const IMPORTERS: Readonly<Record<ImportFormat, Importer>> = {
  connect: importConnect,
  studio: importStudio,
  architect: importArchitect,
  freeswitch: importFreeswitch,
  asterisk: importAsterisk,
  voicexml: importVoicexml,
};

/** The format of a file by its content: an export's own marks, else a phonemaze flow. */
export function formatOfText(text: string): ImportFormat | 'phonemaze' {
  const head = text.slice(0, 4096);
  if (/^\s*[{[]/.test(head) && !/"nodes"\s*:/.test(text)) {
    if (/"(ContactFlow|ContactFlowModule)"\s*:\s*\{/.test(text)) return 'connect';
    if (/"Actions"\s*:\s*\[/.test(text) && /"(Version|StartAction)"\s*:/.test(text))
      return 'connect';
    if (/"Content"\s*:\s*"\{/.test(text)) return 'connect';
    if (/"states"\s*:\s*\[/.test(text) && /"initial_state"\s*:/.test(text)) return 'studio';
    // The old console's export: read to be told to export it again.
    if (/"modules"\s*:\s*\[/.test(text) && /"start"\s*:/.test(text)) return 'connect';
  }
  if (/<vxml\b/.test(head)) return 'voicexml';
  // FreeSWITCH ivr_menus: <menu name=...> with <entry> elements.
  if (/^\s*</.test(head) && /<menu\s[^>]*name=/.test(text) && /<entry\s/.test(text))
    return 'freeswitch';
  // An Asterisk dialplan: [contexts] holding exten => lines.
  if (/^\s*\[[^\]]+\]/m.test(head) && /^\s*exten\s*=>?/m.test(text)) return 'asterisk';
  // archy export: an inbound call flow at the top of a YAML file.
  if (
    /^(inboundCall|inqueueCall|outboundCall|inboundChat|inboundEmail|inboundShortMessage):\s*$/m.test(
      head,
    )
  )
    return 'architect';
  return 'phonemaze';
}

/**
 * Whether a file a folder holds is an export with a menu in it. A VoiceXML application root with
 * no dialog of its own is read with the documents that name it, not as a call of its own.
 */
export function isMenuExport(text: string, from?: ImportFormat): boolean {
  const format = from ?? formatOfText(text);
  if (format === 'voicexml') return /<(?:\w+:)?(?:menu|form)\b/.test(text);
  return format !== 'phonemaze';
}

/**
 * The Amazon Connect exports among the files, by each name a transfer may give them: the
 * wrapper's `Name`, the flow's `Id` and the last part of its `Arn`, the file's own name. The
 * exports are read for their names only when a transfer first asks: most flows have none.
 */
export function exportsByName(
  files: readonly OtherFile[],
  options: ReadMenuOptions = {},
): OtherFiles {
  let byName: Map<string, OtherFile> | undefined;
  const index = () => {
    const names = new Map<string, OtherFile>();
    for (const one of files) {
      const format = options.from ?? formatOfText(one.text);
      if (format !== 'connect') continue;
      const found = [basename(one.file).replace(/\.[^.]*$/, '')];
      try {
        const data = JSON.parse(one.text) as Record<string, unknown>;
        const wrapper = (data.ContactFlow ?? data.ContactFlowModule ?? data) as Record<
          string,
          unknown
        >;
        for (const key of ['Name', 'Id', 'Arn'])
          if (typeof wrapper[key] === 'string')
            found.push((wrapper[key] as string).split('/').at(-1) as string);
      } catch {
        // An unreadable export is named by its file only; its own reading says what is wrong.
      }
      for (const name of found)
        if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), one);
    }
    return names;
  };
  return {
    get: (name) => {
      byName ??= index();
      return byName.get(name);
    },
  };
}

/** The formats whose file holds menus a call may start at, that `--entry` chooses among. */
const MANY_STARTS: ReadonlySet<ImportFormat | 'phonemaze'> = new Set([
  'freeswitch',
  'asterisk',
  'voicexml',
]);

/**
 * `--entry` on the one file a command reads, where the file has one start (a phonemaze flow, a
 * Connect, Studio or Architect export): refused rather than ignored. Among many files, as a
 * folder gives them, it picks the start in those that have several and leaves the rest alone.
 */
function entryRefused(text: string, file: string, options: ReadMenuOptions): FlowProblem[] {
  const format = options.from ?? formatOfText(text);
  if (options.entry === undefined || MANY_STARTS.has(format)) return [];
  const what = format === 'phonemaze' ? 'A phonemaze flow' : `A ${format} export`;
  return [
    fileProblem(
      file,
      `--entry ${options.entry} picks where the call starts in a file of several menus; ${what} has one start.`,
      'Leave --entry out; it is for FreeSWITCH menus, Asterisk dialplans and VoiceXML documents.',
    ),
  ];
}

/** An export as an imported flow, for `phonemaze import`; a phonemaze flow is refused. */
export function importText(
  text: string,
  file: string,
  options: ReadMenuOptions = {},
): ImportResult {
  const format = options.from ?? formatOfText(text);
  if (format === 'phonemaze')
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          'This is not an export phonemaze reads: it has none of the marks of an Amazon Connect flow, a Twilio Studio flow definition, a Genesys Architect flow, FreeSWITCH ivr_menus, an Asterisk dialplan or a VoiceXML document.',
          'Name the format with --from connect, studio, architect, freeswitch, asterisk or voicexml, or give an export file.',
        ),
      ],
    };
  const refused = entryRefused(text, file, options);
  if (refused.length > 0) return { ok: false, problems: refused };
  return IMPORTERS[format](text, file, options);
}

/** Any menu file's text as a `Flow`: a phonemaze flow as it is, an export through its importer. */
export function parseMenu(text: string, file: string, options: ReadMenuOptions = {}): FlowResult {
  const format = options.from ?? formatOfText(text);
  if (format === 'phonemaze') return parseFlow(text, file);
  const imported = IMPORTERS[format](text, file, options);
  if (!imported.ok) return imported;
  return flowOfImport(
    options.humans ? withHumans(imported.imported, options.humans) : imported.imported,
    file,
  );
}

export async function readMenuFile(
  path: string,
  options: ReadMenuOptions = {},
): Promise<FlowResult> {
  const read = await readMenuText(path, options);
  if (!read.ok) return read;
  const refused = entryRefused(read.text, path, options);
  if (refused.length > 0) return { ok: false, problems: refused };
  return parseMenu(read.text, path, await readingFor(read.text, path, options));
}

/** A menu file's text: a file's, or a document's on a server (a URL given names its server). */
export async function readMenuText(path: string, options: ReadMenuOptions = {}): Promise<FileText> {
  if (!isUrl(path)) return readFileText(path);
  const bounds = options.fetch ?? DEFAULT_FETCH_BOUNDS;
  const answer = await fetchText(path, Date.now() + bounds.timeoutMs);
  if (answer.ok) return answer;
  return {
    ok: false,
    problems: [
      fileProblem(
        path,
        `The document was not fetched: ${answer.why}.`,
        'Check the URL, and that the server answers from here.',
      ),
    ],
  };
}

/**
 * How to read one file: a VoiceXML document that goes on into documents on a server has them
 * fetched first, from the servers named (a URL given as the file names its own folder).
 */
export async function readingFor(
  text: string,
  file: string,
  options: ReadMenuOptions,
): Promise<ReadMenuOptions> {
  if ((options.from ?? formatOfText(text)) !== 'voicexml') return options;
  const bounds = options.fetch ?? DEFAULT_FETCH_BOUNDS;
  if (!isUrl(file) && bounds.servers.length === 0) return options;
  return { ...options, documents: await fetchVoicexmlDocuments(text, file, bounds) };
}

/** The imported flow made by the flow loader, each part placed in the export it came from. */
export function flowOfImport(imported: ImportedFlow, file: string): FlowResult {
  const read = flowOfData(imported.document, importPositions(imported), file);
  if (!read.ok)
    return {
      ok: false,
      problems: read.problems.map((problem) =>
        fileProblem(
          file,
          `phonemaze made a flow from this ${imported.format} export that it cannot read: ${problem.message}`,
          'This is a bug in phonemaze; please report it with the file.',
        ),
      ),
    };
  return { ok: true, flow: { ...read.flow, imported: importNotesOf(imported) } };
}

/** An imported flow as a phonemaze flow file, each node's comment naming the block it came from. */
export function importedYaml(imported: ImportedFlow, file: string): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const header = [
    `Imported from ${file} (${imported.format}) by \`phonemaze import\`.`,
    `Each node's comment names the block it came from; ${count(imported.approximated.length, 'block')} approximated, ${count(imported.unknown.length, 'block')} of a type phonemaze does not know.`,
  ].join('\n');
  return flowYaml(imported.document, { header, nodes: imported.blocks });
}
