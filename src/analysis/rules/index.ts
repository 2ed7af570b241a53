/** Every rule of docs/checks.md, by id. A test holds this map to the rules' files and docs. */
import type { Rule } from '../rule.js';
import ambiguousKey from './ambiguous-key.js';
import deadEnd from './dead-end.js';
import endlessReprompt from './endless-reprompt.js';
import errorHangup from './error-hangup.js';
import humanUnavailable from './human-unavailable.js';
import longPrompt from './long-prompt.js';
import noHuman from './no-human.js';
import noZeroOut from './no-zero-out.js';
import reAsk from './re-ask.js';
import reservedKey from './reserved-key.js';
import secondsToHuman from './seconds-to-human.js';
import stepsToHuman from './steps-to-human.js';
import tooDeep from './too-deep.js';
import tooManyOptions from './too-many-options.js';
import trap from './trap.js';
import unannouncedKey from './unannounced-key.js';
import unknownBlock from './unknown-block.js';
import unreachable from './unreachable.js';
import unresolvedHangup from './unresolved-hangup.js';
import unusedCondition from './unused-condition.js';

export const rules = {
  'no-human': noHuman,
  'human-unavailable': humanUnavailable,
  'steps-to-human': stepsToHuman,
  'seconds-to-human': secondsToHuman,
  'error-hangup': errorHangup,
  'endless-reprompt': endlessReprompt,
  trap,
  'dead-end': deadEnd,
  'unresolved-hangup': unresolvedHangup,
  'no-zero-out': noZeroOut,
  'unannounced-key': unannouncedKey,
  'too-deep': tooDeep,
  'too-many-options': tooManyOptions,
  'long-prompt': longPrompt,
  're-ask': reAsk,
  'reserved-key': reservedKey,
  'ambiguous-key': ambiguousKey,
  unreachable,
  'unused-condition': unusedCondition,
  'unknown-block': unknownBlock,
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof rules;
export const RULE_IDS = Object.keys(rules) as RuleId[];
