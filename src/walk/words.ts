/** What the walker and scripted walks say about a call, in a caller's words. */

import type { Call, Outcome } from '../call/call.js';
import { formatDuration } from '../flow/duration.js';
import { plural } from '../flow/words.js';

const seconds = (value: number) => `${Math.round(value * 10) / 10} s`;

export function describeOutcome(outcome: Outcome, call: Call): string {
  const after = `after ${plural(call.stepCount, 'step')} and ${seconds(call.secondsInMenus)}`;
  switch (outcome.kind) {
    case 'human':
      return outcome.queueSeconds > 0
        ? `A human (${outcome.node}) ${after} (about ${formatDuration(outcome.queueSeconds)} in the queue).`
        : `A human (${outcome.node}) ${after}.`;
    case 'transfer':
      return `Transferred to ${outcome.to} ${after}: the call leaves this flow.`;
    case 'hangup':
      return `The call ended ${outcome.outcome} at ${outcome.node} ${after}.`;
    case 'disconnected':
      return outcome.because === 'noMatch'
        ? `Disconnected at ${outcome.node} after ${plural(outcome.tries, 'input')} that were not understood.`
        : `Disconnected at ${outcome.node} after ${plural(outcome.tries, 'silence')}.`;
    case 'abandoned':
      return `You hung up at ${outcome.node} ${after}.`;
  }
}

export { describeInput } from '../flow/words.js';
