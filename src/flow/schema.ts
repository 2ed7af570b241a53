/**
 * The flow file format (docs/flow-format.md) as zod definitions. They are the one source of
 * truth: the loader validates with them and `npm run schema` turns them into the JSON Schema
 * that editors use. Cross-references (a `to` naming a node, a branch value with no case) need
 * the whole file and are checked afterwards in `references.ts`.
 */
import * as z from 'zod';
import { DURATION_PATTERN } from './duration.js';

/**
 * A node, condition or value name: a letter first, then letters, digits, `_` or `-`. Letters of
 * any alphabet: designers name nodes in their own language (`hauptmenü`, `kündigung`).
 */
export const NAME_PATTERN = '^\\p{L}[\\p{L}\\p{N}_-]*$';
/** DTMF keys: one of 0-9, * and #, or several digits for dial-by-extension. */
export const KEY_PATTERN = '^(?:[0-9*#]|[0-9]{2,})$';

const name = z.string().regex(new RegExp(NAME_PATTERN, 'u'));
const text = z.string().min(1);

export const durationSchema = z
  .union([z.number().nonnegative(), z.string().regex(new RegExp(DURATION_PATTERN))])
  .describe('A duration: 5s, 90s, 3m, 1m30s, or a number of seconds.');

const triesSchema = z
  .union([z.number().int().min(1), z.literal('unlimited')])
  .describe('How many failed attempts before `then`; `unlimited` reprompts for ever.');

const keySchema = z
  .union([z.string().regex(new RegExp(KEY_PATTERN)), z.number().int().nonnegative()])
  .describe('A DTMF key: 0-9, "*" or "#" (quoted), or several digits for an extension.');

const promptFields = {
  prompt: text.optional().describe('What the caller hears.'),
  duration: durationSchema
    .optional()
    .describe('How long the prompt plays, instead of the estimate.'),
};

export const handlerSchema = z
  .strictObject({
    prompt: text.optional().describe('Played after each failed attempt, before the node prompt.'),
    then: name.optional().describe('Where the call goes when the tries run out; none disconnects.'),
    tries: triesSchema.optional(),
  })
  .describe('What happens when the caller is not understood (noMatch) or says nothing (noInput).');

export const optionSchema = z
  .strictObject({
    key: keySchema.optional(),
    say: z.array(text).min(1).optional().describe('Phrases a caller may say instead.'),
    to: name.optional().describe('The node this option leads to.'),
    repeat: z.literal(true).optional().describe('Play the menu again instead of moving on.'),
  })
  .describe('A menu choice: `{ key, say, to }` or `{ key, say, repeat: true }`.');

const listening = {
  noMatch: handlerSchema.optional(),
  noInput: handlerSchema.optional(),
  tries: triesSchema.optional(),
  timeout: durationSchema.optional().describe('Silence before a noInput event.'),
};

const sayNode = z.strictObject({
  type: z.literal('say'),
  ...promptFields,
  prompt: text,
  next: name,
});

const menuNode = z.strictObject({
  type: z.literal('menu'),
  ...promptFields,
  prompt: text,
  options: z.array(optionSchema).min(1),
  ...listening,
});

const digitsSchema = z
  .union([z.number().int().min(1), z.tuple([z.number().int().min(1), z.number().int().min(1)])])
  .describe('How many digits: a number, or [min, max].');

const inputNode = z.strictObject({
  type: z.literal('input'),
  ...promptFields,
  prompt: text,
  collect: name.optional().describe('The name the value is kept under.'),
  digits: digitsSchema.optional(),
  next: name,
  ...listening,
});

const branchNode = z.strictObject({
  type: z.literal('branch'),
  condition: name,
  cases: z.record(z.string(), name).describe('Condition value → node id.'),
  default: name.optional(),
});

const agentNode = z.strictObject({
  type: z.literal('agent'),
  ...promptFields,
  queue: text.optional(),
  wait: durationSchema.optional().describe('Expected time in the queue.'),
});

const transferNode = z.strictObject({
  type: z.literal('transfer'),
  ...promptFields,
  to: z.union([text, z.number()]).describe('A phone number or the name of another line.'),
});

const hangupNode = z.strictObject({
  type: z.literal('hangup'),
  ...promptFields,
  outcome: z.enum(['resolved', 'unresolved']).optional(),
});

export const NODE_TYPES = [
  'say',
  'menu',
  'input',
  'branch',
  'agent',
  'transfer',
  'hangup',
] as const;

export const nodeSchema = z.discriminatedUnion('type', [
  sayNode,
  menuNode,
  inputNode,
  branchNode,
  agentNode,
  transferNode,
  hangupNode,
]);

export const LIMIT_NAMES = [
  'maxStepsToHuman',
  'maxSecondsToHuman',
  'maxDepth',
  'maxOptions',
  'maxPromptSeconds',
] as const;

const COUNT_LIMITS: ReadonlySet<string> = new Set(['maxStepsToHuman', 'maxDepth', 'maxOptions']);

export const limitsSchema = z
  .strictObject(
    Object.fromEntries(
      LIMIT_NAMES.map((limit) => [
        limit,
        // Steps, menus and options are counted: 2.5 of them means nothing.
        (COUNT_LIMITS.has(limit) ? z.number().int() : z.number()).nonnegative().optional(),
      ]),
    ),
  )
  .describe("This flow's budget in CI; overrides the command line and project config.");

const severitySchema = z.enum(['error', 'warning', 'off']);

export const expectationSchema = z.strictObject({
  name: text,
  given: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  reach: name.optional().describe('A node id, or `human` for any agent node.'),
  within: z
    .union([z.string().regex(/^\s*\d+\s*steps?\s*$/), durationSchema])
    .optional()
    .describe('`N steps` or a duration.'),
  inputs: z.array(z.union([z.string(), z.number()])).optional(),
  ends: name.optional(),
});

export const callerProfileSchema = z
  .strictObject({
    name: text,
    share: z
      .number()
      .positive()
      .describe('Share of callers; shares are normalised over all profiles.'),
    goal: z.string().default('human').describe('A node id, or `human` for any agent.'),
    lost: z
      .boolean()
      .optional()
      .describe('Picks options at random instead of heading for the goal.'),
    keyMistake: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe('Chance a key press or an entered value goes wrong.'),
    phraseMisunderstood: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('Chance a spoken phrase is not understood.'),
    knowsZero: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe('Chance the caller knows to press 0 for a person.'),
    patience: z
      .strictObject({
        seconds: z.number().positive().default(180),
        errors: z.number().int().positive().default(4),
      })
      .default({ seconds: 180, errors: 4 })
      .describe(
        'The caller hangs up after this long in the menus, or this many inputs not understood.',
      ),
  })
  .describe('A kind of caller, for `phonemaze simulate`.');

export const flowFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: name.describe('A slug, unique among the flows checked together.'),
    title: text.optional(),
    language: z.string().optional().describe('BCP 47 tag of the prompts, e.g. de-DE.'),
    start: name.describe('The node a call starts at.'),
    settings: z
      .strictObject({
        wordsPerMinute: z.number().positive().optional(),
        timeout: durationSchema.optional(),
        tries: triesSchema.optional(),
      })
      .optional(),
    conditions: z.record(name, z.array(name).min(1)).optional(),
    limits: limitsSchema.optional(),
    rules: z
      .record(z.string(), severitySchema)
      .optional()
      .describe('Per-flow rule severities: error, warning or off.'),
    nodes: z.record(name, nodeSchema),
    expect: z.array(expectationSchema).optional(),
    callers: z
      .array(callerProfileSchema)
      .min(1)
      .optional()
      .describe('Caller profiles for `phonemaze simulate`.'),
  })
  .describe('A phonemaze flow: one phone menu (IVR).');

export type FlowFile = z.infer<typeof flowFileSchema>;
export type NodeFile = z.infer<typeof nodeSchema>;
export type OptionFile = z.infer<typeof optionSchema>;
export type HandlerFile = z.infer<typeof handlerSchema>;
export type Tries = z.infer<typeof triesSchema>;
export type CallerProfileFile = z.infer<typeof callerProfileSchema>;
