/**
 * The commands of `phonemaze`: each a name, its help and the function that runs it. Each command
 * is imported when it runs, so that `check` in CI does not load the walker's terminal UI.
 */

import type { ExitCode } from './exit-codes.js';
import type { CommandIO } from './io.js';
import {
  LIMIT_OPTIONS,
  LIVE_OPTIONS,
  type OptionName,
  type OptionValues,
  READING_OPTIONS,
} from './options.js';

export interface CommandSpec<Names extends OptionName = OptionName> {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly arguments?: {
    readonly syntax: string;
    readonly description: string;
    readonly defaultValue?: unknown;
  };
  readonly options: readonly Names[];
  readonly examples?: readonly string[];
  /** Runs the command: commander hands over the argument and the options the table declares. */
  run(argument: never, options: OptionValues<Names>, io: CommandIO): Promise<ExitCode>;
}

/** A command whose options are typed from the names it lists. */
function command<const Names extends OptionName>(spec: CommandSpec<Names>): CommandSpec {
  return spec as unknown as CommandSpec;
}

const FLOW_PATHS = {
  syntax: '[paths...]',
  description:
    'flow files or exports (Amazon Connect, Twilio Studio, Genesys Architect, FreeSWITCH ivr_menus, an Asterisk dialplan, VoiceXML), folders to search for *.yaml, *.yml and *.json (and the *.vxml, *.xml and *.conf exports that hold menus), or the http(s) URL of a VoiceXML document',
  defaultValue: ['flows'],
};

export const COMMANDS: readonly CommandSpec[] = [
  command({
    name: 'check',
    summary: 'check flows for dead ends, error hang-ups and the way to a human',
    description:
      "Check each flow against the rules of docs/checks.md and the limits in force.\n\nLimits: the flow's own `limits` win over the project config, which wins over the flags.\n\nExits 1 when a finding is an error, 2 when a file or the command line is unusable.",
    arguments: FLOW_PATHS,
    options: [
      'format',
      'output',
      'config',
      'quiet',
      'watch',
      'baseline',
      'budget',
      ...READING_OPTIONS,
      'verbose',
      ...LIMIT_OPTIONS,
    ],
    examples: [
      'phonemaze check',
      'phonemaze check flows/acme-support.yaml --max-steps-to-human 2',
      'phonemaze check --format json --output report.json',
      'phonemaze check --format github   # annotations in a GitHub Actions job',
      'phonemaze check --watch flows/acme-support.yaml',
      'phonemaze check --baseline origin/main --budget seconds=5   # in a pull request',
    ],
    run: async (paths: string[], options, io) =>
      (await import('./check.js')).checkCommand(paths, options, io),
  }),
  command({
    name: 'test',
    summary: "run the flows' expect entries, and measure what they cover",
    description:
      "Run each flow's `expect` entries: `reach` ... `within` asks the analyzer, `inputs` ... `ends` drives a simulated call. Prints the transcript of each failing scenario.\n\nWith --against URL, the flow is the specification of a running TwiML app: phonemaze acts as the telephony provider and drives the app along the flow's generated paths, checking at every step what the app says and where it goes (a menu, a person, a hang-up). A path fails at its first difference, with both sides' transcripts.\n\nExits 1 when an expectation or a path fails or coverage is below --min-coverage.",
    arguments: FLOW_PATHS,
    options: [
      'reporter',
      'output',
      'minCoverage',
      ...READING_OPTIONS,
      'against',
      'set',
      'parallel',
      ...LIVE_OPTIONS,
    ],
    examples: [
      'phonemaze test',
      'phonemaze test flows/ --reporter junit --output test-results.xml',
      'phonemaze test --min-coverage 80',
      'phonemaze test flows/ivr.yaml --against http://127.0.0.1:3000/voice   # the app must do what the flow says',
    ],
    run: async (paths: string[], options, io) =>
      (await import('./test.js')).testCommand(paths, options, io),
  }),
  command({
    name: 'paths',
    summary: 'print the shortest paths through a flow as expect entries',
    description:
      'Print the shortest way to each node a call can stop at (or to each agent, with --to human) as `expect` entries, ready to paste into the flow and run with `phonemaze test`.',
    arguments: {
      syntax: '<flow>',
      description:
        'a flow file, or an export (Amazon Connect, Twilio Studio, Genesys Architect, FreeSWITCH ivr_menus, an Asterisk dialplan, VoiceXML)',
    },
    options: ['to', ...READING_OPTIONS],
    examples: [
      'phonemaze paths flows/acme-support.yaml',
      'phonemaze paths flows/acme-support.yaml --to human',
    ],
    run: async (file: string, options, io) =>
      (await import('./paths.js')).pathsCommand(file, options, io),
  }),
  command({
    name: 'walk',
    summary: 'walk a flow as a caller would, in the terminal',
    description:
      'Hear each prompt as text, press keys, say phrases, wait out timeouts; see the steps, the time and where you are.\n\nKeys: 0-9 * # press, s say, w or Enter wait, ? options, h way to a human, u undo, r restart, q quit.\n\nWhen standard input is not a terminal, reads one input a line (1, say: billing, silence, value: 12345678) and prints the transcript.\n\nWith --against URL, every input goes to a running TwiML app too, phonemaze acting as the telephony provider, and the walker shows where the app says or does something else than the flow. Without a flow file, the app is crawled first and its crawl is walked. A scripted walk that meets a difference exits 1.',
    arguments: { syntax: '[flow]', description: 'a flow file (optional with --against)' },
    options: [
      'set',
      'record',
      'replay',
      'saveExpect',
      ...READING_OPTIONS,
      'against',
      ...LIVE_OPTIONS,
    ],
    examples: [
      'phonemaze walk flows/acme-support.yaml --set hours=open',
      'printf "1\\nvalue: 12345678\\n" | phonemaze walk flows/acme-support.yaml',
      'phonemaze walk flows/acme-support.yaml --record walk.json --save-expect "billing by number"',
      'phonemaze walk --against http://127.0.0.1:3000/voice   # walk a running TwiML app',
      'phonemaze walk flows/ivr.yaml --against http://127.0.0.1:3000/voice   # and see where it differs',
    ],
    run: async (file: string | undefined, options, io) =>
      (await import('./walk.js')).walkCommand(file, options, io),
  }),
  command({
    name: 'simulate',
    summary: 'run many simulated callers through a flow',
    description:
      'Simulate callers by profile (goal, mistakes, patience) and report, per profile, how many reached their goal or a human, abandoned, or were disconnected, with steps and seconds.',
    arguments: {
      syntax: '<flow>',
      description:
        'a flow file, or an export (Amazon Connect, Twilio Studio, Genesys Architect, FreeSWITCH ivr_menus, an Asterisk dialplan, VoiceXML)',
    },
    options: [
      'callers',
      'seed',
      'simulateFormat',
      'profiles',
      'set',
      'workers',
      ...READING_OPTIONS,
    ],
    examples: [
      'phonemaze simulate flows/4-phone-computer.as-was.yaml --callers 100000 --seed 7',
      'phonemaze simulate flows/acme-support.yaml --format json --set hours=open',
    ],
    run: async (file: string, options, io) =>
      (await import('./simulate.js')).simulateCommand(file, options, io),
  }),
  command({
    name: 'report',
    summary: 'write one HTML page with a picture of each flow',
    description:
      'Write one self-contained HTML page (it loads nothing from anywhere). For each flow: a diagram shaded by steps from the start, the way to a human highlighted, findings pinned on their nodes, the headline figures and, with --simulate, simulated callers.\n\nExits 0 once the page is written, whatever it finds (use `check` to fail CI); 2 when a file or the command line is unusable.',
    arguments: FLOW_PATHS,
    options: [
      'page',
      'serve',
      'port',
      'config',
      'simulate',
      'seed',
      ...READING_OPTIONS,
      ...LIMIT_OPTIONS,
    ],
    examples: [
      'phonemaze report flows/ -o report.html',
      'phonemaze report flows/4-phone-computer.as-was.yaml --simulate 10000 --seed 7',
      'phonemaze report flows/ --watch   # open http://127.0.0.1:4400/ and edit a flow',
    ],
    run: async (paths: string[], options, io) =>
      (await import('./report.js')).reportCommand(paths, options, io),
  }),
  command({
    name: 'diff',
    summary: 'what a change does to callers: two versions of flows compared',
    description:
      'Compare two versions of the flows, paired by id: steps and seconds to a human (best case and per condition values), the way to every agent and every end, deepest menu, most options, and the findings added and removed.\n\nGive two paths (files or folders, old then new), or --baseline REF and the paths to compare with the same paths at that git commit, branch or tag.\n\nExits 1 when --budget is given and a change goes beyond it, 2 when a file or the command line is unusable.',
    arguments: {
      syntax: '[paths...]',
      description:
        'OLD NEW (files or folders), or with --baseline the paths to compare (default flows)',
    },
    options: ['diffFormat', 'output', 'baseline', 'budget', 'config', ...LIMIT_OPTIONS],
    examples: [
      'phonemaze diff old/flows flows',
      'phonemaze diff --baseline origin/main',
      'phonemaze diff --baseline origin/main --format markdown --output comment.md',
    ],
    run: async (paths: string[], options, io) =>
      (await import('./diff.js')).diffCommand(paths, options, io),
  }),
  command({
    name: 'import',
    summary:
      'write an export of another platform (Amazon Connect, Twilio Studio, Genesys Architect, FreeSWITCH ivr_menus, an Asterisk dialplan, VoiceXML) as a phonemaze flow file',
    description:
      "Read an export as every command reads it (Amazon Connect flow language, bare or as describe-contact-flow gives it; a Twilio Studio flow definition, bare or as its Flow resource; a Genesys Architect inbound call flow as archy export writes it; FreeSWITCH ivr_menus XML; an Asterisk dialplan; a VoiceXML document) and write it as a phonemaze flow file, each node's comment naming the block it came from, so a designer can carry on in phonemaze's format. Says how many blocks it approximated; --verbose lists them. Every other command reads exports as they are: check, test, paths, walk, simulate and report.\n\nWhat each block becomes, and the platform's defaults: docs/import/.\n\nExits 2 when the export is unreadable, with the line and column of what stops it.",
    arguments: { syntax: '<file>', description: 'an export file' },
    options: ['flowOutput', ...READING_OPTIONS, 'verbose'],
    examples: [
      'phonemaze import exports/main-ivr.json -o flows/main-ivr.yaml',
      'phonemaze check exports/main-ivr.json   # no import needed to check',
    ],
    run: async (file: string, options, io) =>
      (await import('./import.js')).importCommand(file, options, io),
  }),
  command({
    name: 'crawl',
    summary: 'crawl a running TwiML app into a flow file',
    description:
      "Act as the telephony provider for a TwiML webhook app: ring its voice URL with Twilio's webhook parameters, follow <Redirect>, and at each <Gather> try every key, the phrases it suggests, nonsense and silence, each as a call of its own. Repeats failed attempts to find how many the app allows. <Dial> and <Enqueue> are a person, <Hangup>, <Reject> and the end of a document hang up, and an HTTP error or an answer that is not TwiML is the provider's \"application error\" hang-up.\n\nTalks to the URL's host only (--allow-host for more); sends no real account's credentials unless --auth-token and --param give them. Writes a flow file for check, walk, simulate and report; each node's comment names the request behind it.\n\nExits 2 when the app cannot be reached or the crawl runs out of --max-requests.",
    arguments: {
      syntax: '<url>',
      description: "the app's voice URL, e.g. http://127.0.0.1:3000/voice",
    },
    options: ['flowOutput', 'flowId', 'value', 'parallel', ...LIVE_OPTIONS, 'quietProgress'],
    examples: [
      'phonemaze crawl http://127.0.0.1:3000/voice -o flows/ivr.yaml',
      'phonemaze crawl http://127.0.0.1:3000/voice --value account=12345678 --transfer +15555550100',
      'phonemaze crawl https://ivr.test.example.com/voice --auth-token $TEST_AUTH_TOKEN --param AccountSid=$TEST_ACCOUNT_SID',
    ],
    run: async (url: string, options, io) =>
      (await import('./crawl.js')).crawlCommand(url, options, io),
  }),
  command({
    name: 'validate',
    summary: 'check that flow files follow the flow format',
    description:
      'Read each flow file and report every problem in it with its file, line and column.\n\nExits 2 when a file is not valid.',
    arguments: FLOW_PATHS,
    options: [...READING_OPTIONS],
    examples: ['phonemaze validate flows/', 'phonemaze validate flows/acme-support.yaml'],
    run: async (paths: string[], options, io) =>
      (await import('./validate.js')).validateCommand(paths, options, io),
  }),
];
