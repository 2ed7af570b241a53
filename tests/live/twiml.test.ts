import { describe, expect, it } from 'vitest';
import { readTwiml } from '../../src/live/twiml.js';

describe('reading TwiML', () => {
  it('keeps the verbs in document order, with the Gather prompt nested and its defaults', () => {
    const read = readTwiml(
      '<?xml version="1.0"?><Response><Say voice="alice">Hi &amp; welcome</Say><Gather><Say>Press 1</Say><Pause length="2"/></Gather><Redirect>/menu</Redirect><Hangup/></Response>',
    );
    expect(read).toMatchObject({ ok: true, skipped: [] });
    if (!read.ok) return;
    expect(read.verbs.map((verb) => verb.verb)).toEqual(['Speak', 'Gather', 'Redirect', 'Hangup']);
    expect(read.verbs[0]).toEqual({ verb: 'Speak', spoken: { kind: 'say', text: 'Hi & welcome' } });
    expect(read.verbs[1]).toEqual({
      verb: 'Gather',
      method: 'POST',
      input: { dtmf: true, speech: false },
      timeoutSeconds: 5,
      finishOnKey: '#',
      hints: [],
      actionOnEmptyResult: false,
      prompts: [
        { kind: 'say', text: 'Press 1' },
        { kind: 'pause', seconds: 2 },
      ],
    });
    expect(read.verbs[2]).toEqual({ verb: 'Redirect', url: '/menu', method: 'POST' });
  });

  it('reads a Gather as written: speech, hints, digits, action, keys kept as strings', () => {
    const read = readTwiml(
      '<Response><Gather input="dtmf speech" hints="billing, tech support" numDigits="4" action="/next?x=01" method="get" timeout="3" finishOnKey="" actionOnEmptyResult="true"/></Response>',
    );
    expect(read.ok && read.verbs[0]).toMatchObject({
      verb: 'Gather',
      action: '/next?x=01',
      method: 'GET',
      input: { dtmf: true, speech: true },
      numDigits: 4,
      timeoutSeconds: 3,
      finishOnKey: '',
      hints: ['billing', 'tech support'],
      actionOnEmptyResult: true,
    });
  });

  it('reads each way to dial: a number as text, a Number, a Client, a Queue; and Enqueue', () => {
    const read = readTwiml(
      '<Response><Dial>0800123</Dial><Dial><Number>+15551234</Number></Dial><Dial><Client>jenny</Client></Dial><Dial><Queue>support</Queue></Dial><Enqueue waitUrl="/wait">sales</Enqueue><Reject/><Record/></Response>',
    );
    expect(read.ok && read.verbs).toEqual([
      { verb: 'Dial', noun: 'Number', target: '0800123' },
      { verb: 'Dial', noun: 'Number', target: '+15551234' },
      { verb: 'Dial', noun: 'Client', target: 'jenny' },
      { verb: 'Dial', noun: 'Queue', target: 'support' },
      { verb: 'Enqueue', queue: 'sales' },
      { verb: 'Reject' },
      { verb: 'Record' },
    ]);
  });

  it('steps over verbs it does not act on, and says which', () => {
    const read = readTwiml('<Response><Sms>hi</Sms><Say>Bye</Say></Response>');
    expect(read).toMatchObject({ ok: true, skipped: ['Sms'] });
  });

  it('refuses what is not XML, with the line and column, and XML that is not a Response', () => {
    const broken = readTwiml('<Response><Say>hi</Response>');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reason).toMatch(/not XML \(line 1, column \d+/);
    expect(readTwiml('<html><body>Oops</body></html>')).toEqual({
      ok: false,
      reason: 'the answer is not TwiML: <html> where <Response> was expected',
    });
    expect(readTwiml('Internal error').ok).toBe(false);
  });
});
