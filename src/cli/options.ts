/**
 * Every command-line option, declared once. A command lists the names it takes; `main.ts` turns
 * the entries into commander options, so flags, help text and defaults live only here.
 */
import { IMPORT_FORMATS } from '../import/document.js';
import { DIFF_FORMAT_NAMES } from '../report/diff/index.js';
import { FORMAT_NAMES } from '../report/index.js';

export interface OptionSpec {
  /** As commander writes it: `-f, --format <name>`. */
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string | number | boolean | string[];
  readonly choices?: readonly string[];
  /** For options that may be given more than once (`--set a=b --set c=d`). */
  readonly repeatable?: boolean;
  /** For numbers: the option is parsed as a number of at least this. */
  readonly minimum?: number;
  /** For numbers with a ceiling (a port): the largest the option takes. */
  readonly maximum?: number;
  /** For counts (callers, threads, a seed): the number must be whole. */
  readonly whole?: boolean;
  /** The value is an http(s) URL. */
  readonly url?: boolean;
}

export const OPTIONS = {
  format: {
    flags: '-f, --format <name>',
    description: 'output format',
    defaultValue: 'text',
    choices: FORMAT_NAMES,
  },
  simulateFormat: {
    flags: '-f, --format <name>',
    description: 'output format',
    defaultValue: 'text',
    choices: ['text', 'json'],
  },
  output: {
    flags: '-o, --output <file>',
    description: 'write the report to a file instead of standard output',
  },
  config: {
    flags: '-c, --config <file>',
    description:
      'project config file (default: phonemaze.config.json or .phonemazerc.json in the current folder)',
  },
  watch: {
    flags: '-w, --watch',
    description: 're-check a flow each time it is saved',
  },
  maxStepsToHuman: {
    flags: '--max-steps-to-human <n>',
    description: 'fewest steps from the start to a human (default 3)',
    minimum: 0,
    whole: true,
  },
  maxSecondsToHuman: {
    flags: '--max-seconds-to-human <n>',
    description: 'shortest time in the menus before a human, in seconds (default 60)',
    minimum: 0,
  },
  maxDepth: {
    flags: '--max-depth <n>',
    description: 'deepest menu, counted in menus from the start (default 3)',
    minimum: 0,
    whole: true,
  },
  maxOptions: {
    flags: '--max-options <n>',
    description: 'options a menu offers, repeat included (default 5)',
    minimum: 0,
    whole: true,
  },
  maxPromptSeconds: {
    flags: '--max-prompt-seconds <n>',
    description: 'how long one prompt plays, in seconds (default 30)',
    minimum: 0,
  },
  reporter: {
    flags: '-r, --reporter <name>',
    description: 'how to report the results',
    defaultValue: 'text',
    choices: ['text', 'junit'],
  },
  minCoverage: {
    flags: '--min-coverage <percent>',
    description: 'fail when the expectations cover less of a flow than this (nodes and options)',
    minimum: 0,
  },
  to: {
    flags: '--to <what>',
    description: 'paths to every node a call can stop at ("nodes"), or to every agent ("human")',
    defaultValue: 'nodes',
    choices: ['nodes', 'human'],
  },
  set: {
    flags: '--set <condition=value>',
    description: 'a condition value for the call, e.g. --set hours=closed (repeatable)',
    repeatable: true,
  },
  record: {
    flags: '--record <file>',
    description: 'write the walk to a JSON file when it ends',
  },
  replay: {
    flags: '--replay <file>',
    description: 'play back a walk written by --record',
  },
  saveExpect: {
    flags: '--save-expect <name>',
    description: 'add the walk to the flow as an expect entry with this name',
  },
  callers: {
    flags: '-n, --callers <count>',
    description: 'how many callers to simulate',
    defaultValue: 10_000,
    minimum: 1,
    whole: true,
  },
  seed: {
    flags: '--seed <number>',
    description: 'seed of the random choices: the same seed gives the same result',
    minimum: 0,
    whole: true,
  },
  workers: {
    flags: '--workers <count>',
    description:
      'simulate on this many worker threads (the result depends on the seed and this number)',
    minimum: 1,
    whole: true,
  },
  profiles: {
    flags: '--profiles <file>',
    description:
      'caller profiles, a YAML or JSON list (see the README); default: two built-in profiles',
  },
  page: {
    flags: '-o, --output <file>',
    description: 'the HTML page to write',
    defaultValue: 'report.html',
  },
  simulate: {
    flags: '--simulate <callers>',
    description: 'add this many simulated callers per flow, as charts of what became of them',
    minimum: 1,
    whole: true,
  },
  baseline: {
    flags: '--baseline <ref>',
    description:
      'compare with the same paths at this git commit, branch or tag: findings already there do not fail the run; what got worse beyond --budget does',
  },
  budget: {
    flags: '--budget <limits>',
    description:
      'how much worse than the baseline a change may be, e.g. steps=0,seconds=5,findings=0 (default all 0; also "budget" in the project config)',
  },
  diffFormat: {
    flags: '-f, --format <name>',
    description: 'output format',
    defaultValue: 'text',
    choices: DIFF_FORMAT_NAMES,
  },
  serve: {
    flags: '-w, --watch',
    description:
      'serve the page on this machine (127.0.0.1) instead of writing it, made again and reloaded each time a flow is saved',
  },
  port: {
    flags: '--port <n>',
    description: 'the port --watch serves on (default 4400; 0 picks a free one)',
    minimum: 0,
    maximum: 65_535,
    whole: true,
  },
  quiet: {
    flags: '-q, --quiet',
    description: 'print errors only, no warnings',
  },
  from: {
    flags: '--from <format>',
    description:
      "read every file as an export of this platform (default: told apart by each file's content)",
    choices: IMPORT_FORMATS,
  },
  entry: {
    flags: '--entry <name>',
    description:
      'where the call starts when a file holds several menus: a FreeSWITCH menu name, an Asterisk exten@context (a context alone means its s), or a VoiceXML dialog id (refused on a single file with one start; among many files, used where it applies)',
  },
  platform: {
    flags: '--platform <name>',
    description:
      "whose default VoiceXML handlers apply where a document has none: the spec's (w3c: reprompt for ever) or OpenVXI's (exit after 5 silences, 4 misunderstandings)",
    defaultValue: 'w3c',
    choices: ['w3c', 'openvxi'],
  },
  fetch: {
    flags: '--fetch <url>',
    description:
      'fetch the VoiceXML documents a file goes on into (next="https://...") from this server, a URL prefix such as https://ivr.example.com/app/ (repeatable; a URL given as the file names its own folder)',
    repeatable: true,
    url: true,
  },
  maxDocuments: {
    flags: '--max-documents <n>',
    description: 'fetch at most this many VoiceXML documents for one file',
    defaultValue: 50,
    minimum: 1,
    whole: true,
  },
  fetchTimeout: {
    flags: '--fetch-timeout <seconds>',
    description: "how long fetching one file's VoiceXML documents may take, all together",
    defaultValue: 30,
    minimum: 0.1,
  },
  verbose: {
    flags: '--verbose',
    description: 'list each block the import approximated or did not know, with its line',
  },
  quietProgress: {
    flags: '-q, --quiet',
    description: 'print errors only, no progress',
  },
  flowOutput: {
    flags: '-o, --output <file>',
    description: 'write the flow to this file (default: standard output)',
  },
  flowId: {
    flags: '--id <id>',
    description: "the flow's id (default: from the app's host name, or twiml-app)",
  },
  against: {
    flags: '--against <url>',
    description:
      "a running TwiML app's voice URL: phonemaze calls it as the telephony provider would",
  },
  param: {
    flags: '--param <name=value>',
    description:
      'a webhook parameter to add or override in every request, e.g. --param From=+441234567890 (repeatable)',
    repeatable: true,
  },
  value: {
    flags: '--value <word=digits>',
    description:
      'also enter these digits where a prompt or the URL names the word, e.g. --value account=12345678 (repeatable)',
    repeatable: true,
  },
  voiceMethod: {
    flags: '--method <method>',
    description: 'how the provider requests the voice URL, as the phone number is set up',
    defaultValue: 'POST',
    choices: ['POST', 'GET'],
  },
  authToken: {
    flags: '--auth-token <token>',
    description:
      "sign requests with X-Twilio-Signature made with this auth token (a test account's, for an app that checks)",
  },
  allowHost: {
    flags: '--allow-host <host>',
    description: "also follow the app to this host (default: only the URL's own host; repeatable)",
    repeatable: true,
  },
  transfer: {
    flags: '--transfer <target>',
    description:
      'a <Dial> or <Enqueue> to this number, client or queue (* matches any characters) is a transfer to another line, not a person (repeatable; also humans.transfers in the project config)',
    repeatable: true,
  },

  maxRequests: {
    flags: '--max-requests <n>',
    description: 'send at most this many requests to the app, all calls together',
    defaultValue: 2000,
    minimum: 1,
    whole: true,
  },
  requestTimeout: {
    flags: '--request-timeout <seconds>',
    description: 'how long the app may take to answer one request (Twilio waits 15 s)',
    defaultValue: 10,
    minimum: 0.1,
  },
  parallel: {
    flags: '--parallel <n>',
    description: 'requests in flight at once',
    defaultValue: 4,
    minimum: 1,
    maximum: 32,
    whole: true,
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** The limits options, by the limit each sets. */
export const LIMIT_OPTIONS = [
  'maxStepsToHuman',
  'maxSecondsToHuman',
  'maxDepth',
  'maxOptions',
  'maxPromptSeconds',
] as const satisfies readonly OptionName[];

/** How menu files are read, for every command that reads them (src/cli/reading.ts). */
export const READING_OPTIONS = [
  'from',
  'entry',
  'platform',
  'fetch',
  'maxDocuments',
  'fetchTimeout',
] as const satisfies readonly OptionName[];

/** How phonemaze reaches a running TwiML app, for every command that calls one. */
export const LIVE_OPTIONS = [
  'voiceMethod',
  'param',
  'authToken',
  'allowHost',
  'transfer',
  'maxRequests',
  'requestTimeout',
  'config',
] as const satisfies readonly OptionName[];

/** `max-steps-to-human` as commander names its value: `maxStepsToHuman`. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** The key commander gives an option's value: its long flag, in camelCase. */
type KeyOf<Spec> = Spec extends { flags: `${string}--${infer Long} <${string}>` }
  ? CamelCase<Long>
  : Spec extends { flags: `${string}--${infer Long}` }
    ? CamelCase<Long>
    : never;

/** The value an option has once commander has parsed it, as the table declares it. */
type ValueOf<Spec> = Spec extends { repeatable: true }
  ? string[]
  : Spec extends { minimum: number }
    ? number
    : Spec extends { choices: readonly (infer Choice)[] }
      ? Choice
      : Spec extends { flags: `${string}<${string}>${string}` }
        ? string
        : boolean;

type Options = typeof OPTIONS;

/**
 * The options a command receives, typed from the table: one with a default is always there,
 * any other may be missing.
 */
export type OptionValues<Names extends OptionName> = {
  readonly [Name in Names as Options[Name] extends { defaultValue: unknown }
    ? KeyOf<Options[Name]>
    : never]: ValueOf<Options[Name]>;
} & {
  readonly [Name in Names as Options[Name] extends { defaultValue: unknown }
    ? never
    : KeyOf<Options[Name]>]?: ValueOf<Options[Name]>;
};
