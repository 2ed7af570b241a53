/** What Amazon Connect's actions say and name, read from their parameters, and which kind each type is. */
import type { ConnectAction } from './connect-read.js';
import { lastPart, slug } from './names.js';

/** Actions that only set something up for later (attributes, voice, logging...): the call goes on. */
export const SETUP = new Set([
  'UpdateContactAttributes',
  'UpdateFlowAttributes',
  'UpdateContactTargetQueue',
  'UpdateContactTextToSpeechVoice',
  'UpdateFlowLoggingBehavior',
  'UpdateContactRecordingBehavior',
  'UpdateContactRecordingAndAnalyticsBehavior',
  'UpdateContactEventHooks',
  'UpdateContactRoutingBehavior',
  'UpdateContactCallbackNumber',
  'UpdateContactData',
  'UpdateContactMediaProcessing',
  'UpdateRoutingProfile',
  'UpdateContactRecordingAndAnalytics',
  'TagContact',
  'UnTagContact',
]);

/** Actions that decide by something the caller does not steer: each outcome is a condition value. */
export const OUTSIDE = new Set([
  'InvokeLambdaFunction',
  'InvokeFlowModule',
  'CheckMetricData',
  'GetMetricData',
  'CheckVoiceId',
  'CheckOutboundCallStatus',
  'DistributeByPercentage',
  'Wait',
]);

export const DTMF = /^[0-9*#]$/;
/** An outside call's error branch: the value `error`. */
export const ERROR_VALUE = { value: 'error', errors: ['NoMatchingError'] } as const;

/**
 * What a parameter names, readably: a flow attribute by its name (`$.FlowAttributes.finance` is
 * `finance`, as designers name attributes after what they hold), an ARN by its last part.
 */
export function nameOf(value: unknown): string {
  const text = String(value ?? '');
  const attribute = /^\$\.(?:FlowAttributes|Attributes|External)\.(.+)$/.exec(text);
  return attribute ? (attribute[1] as string) : lastPart(text);
}

/** The words a caller hears: `Text`, `SSML` without its tags, or the prompt or recording named. */
export function promptOf(action: ConnectAction): string | undefined {
  const p = action.Parameters ?? {};
  if (typeof p.Text === 'string' && p.Text.trim()) return p.Text.trim();
  if (typeof p.SSML === 'string' && p.SSML.trim())
    return (
      p.SSML.replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || undefined
    );
  if (typeof p.PromptId === 'string' && p.PromptId) return `(plays prompt ${lastPart(p.PromptId)})`;
  const media = (p.Media as { Uri?: unknown } | undefined)?.Uri;
  if (typeof media === 'string' && media) return `(plays ${lastPart(media)})`;
  return undefined;
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  Equals: '',
  TextStartsWith: 'starts-',
  TextEndsWith: 'ends-',
  TextContains: 'contains-',
  NumberGreaterThan: 'above-',
  NumberGreaterOrEqualTo: 'at-least-',
  NumberLessThan: 'below-',
  NumberLessOrEqualTo: 'at-most-',
};

/** A condition value named after a comparison: `billing`, `above-5`, `v-1`. */
export function caseName(operator: string | undefined, operand: string | undefined): string {
  return (
    slug(`${OPERATOR_WORDS[operator ?? ''] ?? `${operator ?? ''}-`}${operand ?? ''}`) || 'value'
  );
}
