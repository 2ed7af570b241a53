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
    if (this.state === 'main') this.atMain(event);
    else if (this.state === 'billing') this.atBilling(event);
  }

  private atMain(event: CallerEvent): void {
    const pressed = event.type === 'press' ? event.key : undefined;
    const said = event.type === 'say' ? event.phrase : '';
    if (pressed === '1' || /bill|invoice|payment/.test(said)) this.go('billing', BILLING);
    else if (pressed === '2')
      this.go('billing', BILLING); // the deviation: the flow goes to the fault line
    else if (pressed === '0' || /agent|human/.test(said)) this.go('agent', '');
    else if (pressed === '*') this.said = MAIN;
    else if (event.type === 'silence') this.failed('noInput', '', MAIN, () => this.go('agent', ''));
    else
      this.failed('noMatch', "Sorry, I didn't understand you.", MAIN, () => this.go('agent', ''));
  }

  private atBilling(event: CallerEvent): void {
    if (event.type === 'enter' && /^\d{8}$/.test(event.value)) this.go('billing_agent', '');
    else if (event.type === 'silence')
      this.failed('noInput', '', BILLING, () => this.go('disconnected', ''));
    else this.failed('noMatch', 'That number is not valid.', BILLING, () => this.go('agent', ''));
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
