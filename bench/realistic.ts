/**
 * Flows shaped like a contact centre's: a welcome, opening-hours and holiday checks, a language
 * choice, menus of three to five options two or three deep, customer-number inputs with retries,
 * messages, transfers and a few queues. `nodes` is about how many nodes the flow has; `seed`
 * varies names, prompts and shape, so a folder of them is not one flow copied.
 */
import { stringify } from 'yaml';

const WORDS = [
  'billing',
  'invoice',
  'contract',
  'fault',
  'internet',
  'mobile',
  'roaming',
  'moving',
  'cancel',
  'upgrade',
  'router',
  'payment',
  'refund',
  'order',
  'delivery',
  'returns',
];

export function realisticFlowYaml(nodes: number, seed = 1): string {
  // mulberry32: small, and the same numbers for the same seed everywhere.
  let state = seed >>> 0;
  const random = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
  const word = () => WORDS[random(WORDS.length)] as string;
  const flowNodes: Record<string, unknown> = {
    welcome: {
      type: 'say',
      prompt: 'Welcome to our customer line. Calls may be recorded for training.',
      next: 'hours',
    },
    hours: { type: 'branch', condition: 'hours', cases: { open: 'holiday', closed: 'closed' } },
    holiday: { type: 'branch', condition: 'holiday', cases: { no: 'language', yes: 'closed' } },
    closed: {
      type: 'hangup',
      prompt: "We are closed. Please call again between 8 and 18 o'clock.",
      outcome: 'unresolved',
    },
    language: {
      type: 'menu',
      prompt: 'For English press 1. Für Deutsch drücken Sie 2. For a person press 0.',
      options: [
        { key: 1, to: 'm0', say: ['English'] },
        { key: 2, to: 'm0', say: ['Deutsch'] },
        { key: 0, to: 'agent' },
      ],
      noMatch: { prompt: 'Sorry, I did not understand.', then: 'agent' },
      noInput: { then: 'm0' },
    },
    agent: { type: 'agent', queue: 'general', wait: '3m' },
  };
  const menus: string[] = [];
  let count = Object.keys(flowNodes).length;
  let next = 0;
  const queue: { id: string; depth: number }[] = [{ id: 'm0', depth: 1 }];
  while (queue.length > 0 && count < nodes) {
    const { id, depth } = queue.shift() as { id: string; depth: number };
    const topic = word();
    const fanout = 3 + random(2);
    const options: unknown[] = [];
    // Each option of a menu its own word, so no phrase belongs to two options.
    const said = [...WORDS].sort(() => random(3) - 1).slice(0, fanout);
    for (let k = 1; k <= fanout && count < nodes; k++) {
      // The tree goes on while the flow is short of its nodes.
      const kind = queue.length === 0 && k === 1 ? 0 : random(10);
      const child = `${said[k - 1]}_${++next}`;
      options.push({ key: k, to: child, say: [said[k - 1]] });
      count += 1;
      if (kind < 4 && (depth < 4 || queue.length === 0) && menus.length < nodes / 3) {
        queue.push({ id: child, depth: depth + 1 });
        menus.push(child);
      } else if (kind < 6) {
        flowNodes[child] = {
          type: 'input',
          prompt: 'Please enter your eight digit customer number, followed by the hash key.',
          collect: 'customerNumber',
          digits: 8,
          next: `${child}_queue`,
          noMatch: { prompt: 'That number is not valid.', then: 'agent', tries: 2 },
          noInput: { then: 'agent', tries: 2 },
        };
        flowNodes[`${child}_queue`] = { type: 'agent', queue: topic, wait: '2m' };
        count += 1;
      } else if (kind < 8) {
        flowNodes[child] = {
          type: 'say',
          prompt: `Our ${topic} opening hours and prices are on our website. You can also speak to a person.`,
          next: `${child}_end`,
        };
        flowNodes[`${child}_end`] = {
          type: 'hangup',
          prompt: 'Thank you for calling. Goodbye.',
          outcome: 'resolved',
        };
        count += 1;
      } else if (kind < 9) {
        flowNodes[child] = {
          type: 'transfer',
          to: `+4930${1000 + next}`,
          prompt: `Transferring you to our ${topic} partner.`,
        };
      } else {
        flowNodes[child] = { type: 'agent', queue: topic, wait: '4m' };
      }
    }
    options.push({ key: 0, to: 'agent', say: ['agent', 'person'] });
    options.push({ key: '*', repeat: true });
    flowNodes[id] = {
      type: 'menu',
      prompt: `For ${topic} questions, choose from the following. ${options
        .slice(0, -2)
        .map((option, i) => `For ${(option as { say: string[] }).say[0]} press ${i + 1}.`)
        .join(' ')} For a person press 0. To hear this again press star.`,
      options,
      noMatch: { prompt: 'Sorry, that is not an option.', then: 'agent' },
      noInput: { then: 'agent' },
    };
  }
  // Menus left in the queue when the budget ran out become agents.
  for (const { id } of queue) flowNodes[id] = { type: 'agent', queue: 'overflow', wait: '5m' };
  return stringify({
    id: `contact-centre-${seed}`,
    title: `Contact centre line ${seed}`,
    language: 'en-GB',
    start: 'welcome',
    conditions: { hours: ['open', 'closed'], holiday: ['no', 'yes'] },
    nodes: flowNodes,
  });
}
