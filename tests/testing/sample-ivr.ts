/**
 * A hand-written IVR for flows/acme-support.yaml, as a team might build it on their platform,
 * with one deliberate deviation: key 2 at the main menu goes to billing, not to the fault line.
 */
import type { CallerEvent, IvrAdapter } from '../../src/testing/index.js';

const MAIN =
  'For billing, press 1. For a fault on your line, press 2. To speak to someone, press 0.';
const BILLING = 'Please enter your eight digit customer number.';

export class SampleIvr {
  private state = 'main';
  private noMatch = 0;
  private noInput = 0;
  said = '';

  constructor(hours: string) {
    if (hours === 'closed')
      this.go('closed', "We are closed. Please call again between 8 and 18 o'clock.");
    else this.go('main', `Welcome to ACME Telecom. ${MAIN}`);
  }

  private go(state: string, said: string): void {
    this.state = state;
    this.said = said;
    this.noMatch = 0;
    this.noInput = 0;
  }

  private failed(
    kind: 'noMatch' | 'noInput',
    sorry: string,
    prompt: string,
    after: () => void,
  ): void {
    this[kind] += 1;
    if (this[kind] < 3) {
      this.said = `${sorry} ${prompt}`.trim();
      return;
    }
    // The last failed attempt still says sorry, then moves on.
    after();
    this.said = sorry;
  }

  handle(event: CallerEvent): void {
    if (this.state === 'main') {
      if (event.type === 'press' && event.key === '1') return this.go('billing', BILLING);
      if (event.type === 'press' && event.key === '2') return this.go('billing', BILLING); // the deviation
      if (
        (event.type === 'press' && event.key === '0') ||
        (event.type === 'say' && /agent|human/.test(event.phrase))
      )
        return this.go('agent', '');
      if (event.type === 'say' && /bill|invoice|payment/.test(event.phrase))
        return this.go('billing', BILLING);
      if (event.type === 'press' && event.key === '*') return void (this.said = MAIN);
      if (event.type === 'silence')
        return this.failed('noInput', '', MAIN, () => this.go('agent', ''));
      return this.failed('noMatch', "Sorry, I didn't understand you.", MAIN, () =>
        this.go('agent', ''),
      );
    }
    if (this.state === 'billing') {
      if (event.type === 'enter' && /^\d{8}$/.test(event.value))
        return this.go('billing_agent', '');
      if (event.type === 'silence')
        return this.failed('noInput', '', BILLING, () => this.go('disconnected', ''));
      return this.failed('noMatch', 'That number is not valid.', BILLING, () =>
        this.go('agent', ''),
      );
    }
  }
}

/** The adapter the tests hand to `phonemaze/testing`. */
export function sampleIvrAdapter(): IvrAdapter {
  let ivr: SampleIvr | undefined;
  return {
    start: (conditions) => {
      ivr = new SampleIvr(conditions.hours ?? 'open');
    },
    send: (event) => ivr?.handle(event),
    prompt: () => ivr?.said ?? '',
  };
}
