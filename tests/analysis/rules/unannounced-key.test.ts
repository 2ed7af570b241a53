import rule from '../../../src/analysis/rules/unannounced-key.js';
import { AGENT, flow, menu, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    flow('main', {
      main: menu(
        '{ key: 1, to: agent }, { key: 0, to: agent }',
        'For billing press 1. For a person press 0.',
      ),
      agent: AGENT,
    }),
    {
      name: 'keys as words',
      flow: flow('main', {
        main: menu(
          '{ key: 1, to: agent }, { key: "*", repeat: true }',
          'Press one for billing, or star to hear this again.',
        ),
        agent: AGENT,
      }),
    },
    {
      name: 'German words',
      flow: flow(
        'main',
        {
          main: menu(
            '{ key: 1, to: agent }, { key: "#", repeat: true }',
            'Für Rechnungen drücken Sie die Eins, zum Wiederholen die Raute.',
          ),
          agent: AGENT,
        },
        'language: de-DE\n',
      ),
    },
    {
      name: 'speech-only options have no key to announce',
      flow: flow('main', {
        main: menu('{ say: [billing], to: agent }', 'Say billing.'),
        agent: AGENT,
      }),
    },
    {
      name: 'an extension entry',
      flow: flow('main', {
        main: menu('{ key: 1234, to: agent }', 'If you know the extension, dial it now.'),
        agent: AGENT,
      }),
    },
  ],
  invalid: [
    {
      name: 'a key the prompt forgets',
      flow: flow('main', {
        main: menu('{ key: 1, to: agent }, { key: 2, to: agent }', 'For billing press 1.'),
        agent: AGENT,
      }),
      findings: [{ node: 'main', messageId: 'keyNotMentioned', line: 4, column: 88 }],
    },
    {
      name: '10 does not announce 1',
      flow: flow('main', { main: menu('{ key: 1, to: agent }', 'Press 10.'), agent: AGENT }),
      findings: [{ node: 'main', messageId: 'keyNotMentioned', line: 4, column: 54 }],
    },
    {
      name: 'English words do not count in a German prompt',
      flow: flow(
        'main',
        { main: menu('{ key: 2, to: agent }', 'Press two.'), agent: AGENT },
        'language: de-DE\n',
      ),
      findings: [{ node: 'main', messageId: 'keyNotMentioned', line: 5, column: 55 }],
    },
  ],
});
