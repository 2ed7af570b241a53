/**
 * A crawl written as a phonemaze flow file: each `<Gather>` a menu, each `<Dial>` or `<Enqueue>`
 * a person, each end a hang-up, with a comment naming the request behind every node, so that
 * `check`, `walk`, `simulate` and `report` work on the app as on any flow.
 */
import { freshId, idWords } from '../flow/ids.js';
import { plural } from '../flow/words.js';
import { flowYaml } from '../flow/write.js';
import { arrivalKey, beforePrompt } from './attempts.js';
import type { Arrival, Crawl, CrawledMenu, Retry } from './crawl.js';
import { isTransfer } from './events.js';
import type { LiveInput } from './live-call.js';
import type { Request } from './provider.js';

export interface CrawledFlowOptions {
  /** The flow's id (default: from the app's host name). */
  readonly id?: string;
  /** Patterns of `<Dial>` and `<Enqueue>` targets that are a transfer, not a person (`--transfer`). */
  readonly transfers?: readonly string[];
}

type NodeObject = Record<string, unknown>;

export interface CrawledFlow {
  /** The flow file's text, YAML with a comment on every node. */
  readonly text: string;
  /** The app errors and the hosts not followed, in words, for the command to print. */
  readonly deadEnds: readonly string[];
}

export function crawledFlow(crawl: Crawl, app: URL, options: CrawledFlowOptions = {}): CrawledFlow {
  const nodes = new Map<string, NodeObject>();
  const comments = new Map<string, string>();
  const byArrival = new Map<string, string>();
  const menuIds = new Map<string, string>();
  const deadEnds: string[] = [];
  const transfers = options.transfers ?? [];

  const idFor = (wanted: string, fallback: string): string => {
    const id = freshId(wanted, fallback, nodes, 4);
    nodes.set(id, {});
    return id;
  };
  const comment = (id: string, request: Request, extra = '') =>
    comments.set(id, `${describeRequest(request, app)}${extra}`);

  /** The node a call arrives at: made the first time, with a `say` before it for what was heard on the way. */
  const nodeOf = (arrival: Arrival): string => {
    const key = arrivalKey(arrival);
    const known = byArrival.get(key);
    if (known) return known;
    const { where } = arrival;
    const said = arrival.heard.join(' ');
    let id: string;
    if (where.kind === 'listening') {
      const menu = crawl.menus.get(where.key);
      const before = beforePrompt(arrival.heard, menu?.where.prompt ?? where.prompt);
      if (before.length === 0) id = menuId(where.key);
      else {
        // The say's id first, so that nodes are written in the order a caller meets them.
        id = idFor(before.join(' '), 'say');
        byArrival.set(key, id);
        nodes.set(id, { type: 'say', prompt: before.join(' '), next: menuId(where.key) });
        comments.set(
          id,
          arrival.requests.map((request) => describeRequest(request, app)).join(' → '),
        );
      }
    } else if (where.kind === 'person') {
      const transfer = isTransfer(where.target, transfers);
      id = idFor(
        transfer
          ? `transfer ${where.target}`
          : `agent ${where.noun === 'Queue' ? where.target : ''}`,
        'agent',
      );
      nodes.set(
        id,
        transfer
          ? { type: 'transfer', ...(said ? { prompt: said } : {}), to: where.target }
          : {
              type: 'agent',
              ...(said ? { prompt: said } : {}),
              ...(where.noun === 'Queue' ? { queue: where.target } : {}),
            },
      );
      comment(
        id,
        where.request,
        ` → <${where.verb}> ${where.verb === 'Dial' ? `<${where.noun}>` : ''}${where.target}`,
      );
    } else if (where.kind === 'ended') {
      id = idFor(where.by === 'Record' ? 'voicemail' : words(said, 3) || 'hangup', 'hangup');
      nodes.set(id, { type: 'hangup', ...(said ? { prompt: said } : {}), outcome: 'unresolved' });
      comment(
        id,
        where.request,
        where.by === 'end' ? ' → nothing left to do: the call ends' : ` → <${where.by}>`,
      );
    } else if (where.kind === 'error') {
      id = idFor('application error', 'error');
      nodes.set(id, { type: 'hangup', prompt: said, outcome: 'unresolved' });
      const why = where.status !== undefined ? `answered HTTP ${where.status}` : where.reason;
      comment(id, where.request, ` → ${why}: the provider ends the call`);
      deadEnds.push(
        `${describeRequest(where.request, app)}: ${where.status !== undefined && where.reason !== `HTTP ${where.status}` ? `HTTP ${where.status}, ${where.reason}` : where.reason}`,
      );
    } else {
      id = idFor('elsewhere', 'elsewhere');
      nodes.set(id, { type: 'transfer', ...(said ? { prompt: said } : {}), to: where.request.url });
      comment(id, where.request, ' → another host, not followed (--allow-host to follow)');
      deadEnds.push(`${describeRequest(where.request, app)}: another host, not followed`);
    }
    byArrival.set(key, id);
    return id;
  };

  const menuId = (key: string): string => {
    const known = menuIds.get(key);
    if (known) return known;
    const menu = crawl.menus.get(key) as CrawledMenu;
    const id = idFor(new URL(menu.where.request.url).pathname.replaceAll('/', ' '), 'menu');
    menuIds.set(key, id);
    nodes.set(id, menuNode(menu));
    comment(id, menu.where.request);
    return id;
  };

  const handler = (retry: Retry | undefined): NodeObject | undefined => {
    if (!retry) return undefined;
    return {
      ...(retry.apology.length > 0 ? { prompt: retry.apology.join(' ') } : {}),
      tries: Number.isFinite(retry.tries) ? retry.tries : 'unlimited',
      ...(retry.then ? { then: nodeOf(retry.then) } : {}),
    };
  };

  const menuNode = (menu: CrawledMenu): NodeObject => {
    const node: NodeObject = { type: 'menu' };
    nodes.set(menuIds.get(menu.where.key) as string, node);
    if (menu.where.prompt.length > 0) node.prompt = menu.where.prompt.join(' ');
    else {
      // A <Gather> with nothing said in or before it waits in silence.
      node.prompt = '(silence)';
      node.duration = 0;
    }
    node.options = optionsOf(menu, nodeOf);
    const noMatch = handler(menu.noMatch);
    const noInput = handler(menu.noInput);
    if (noMatch) node.noMatch = noMatch;
    if (noInput) node.noInput = noInput;
    if (menu.where.gather.timeoutSeconds !== 5)
      node.timeout = `${menu.where.gather.timeoutSeconds}s`;
    return node;
  };

  const start = nodeOf(crawl.start);
  // Menus found but never a target (reached only past a counter) are written too, so nothing crawled is lost.
  for (const key of crawl.menus.keys()) menuId(key);
  const document = {
    id: options.id ?? idOfApp(app),
    title: `TwiML app at ${app.href}`,
    start,
    nodes: Object.fromEntries(nodes),
  };
  const header = `Crawled from ${app.href} by \`phonemaze crawl\` (${plural(crawl.requests, 'request')}).\nEach node's comment names the request behind it. Edit freely: this is a phonemaze flow now.`;
  return { text: flowYaml(document, { header, nodes: comments }), deadEnds };
}

function optionsOf(menu: CrawledMenu, nodeOf: (arrival: Arrival) => string): NodeObject[] {
  const options: NodeObject[] = [];
  const byTarget = new Map<string, NodeObject>();
  const keyOf = (input: LiveInput & { kind: 'digits' }) =>
    input.digits || menu.where.gather.finishOnKey || '#';
  for (const choice of menu.choices) {
    if (choice.input.kind !== 'digits') continue;
    const option: NodeObject = choice.repeats
      ? { key: keyOf(choice.input), repeat: true }
      : { key: keyOf(choice.input), to: nodeOf(choice.arrival) };
    options.push(option);
    const target = choice.repeats ? 'repeat' : (option.to as string);
    if (!byTarget.has(target)) byTarget.set(target, option);
  }
  for (const choice of menu.choices) {
    if (choice.input.kind !== 'speech') continue;
    const target = choice.repeats ? 'repeat' : nodeOf(choice.arrival);
    let option = byTarget.get(target);
    if (!option) {
      option = choice.repeats ? { repeat: true } : { to: target };
      byTarget.set(target, option);
      options.push(option);
    }
    option.say = [...((option.say as string[] | undefined) ?? []), choice.input.text];
  }
  if (options.length === 0 && menu.noMatch) {
    // Every input asks again: the flow format wants an option, and a repeat is what the app does.
    const by = menu.noMatch.by;
    options.push(
      by.kind === 'digits'
        ? { key: by.digits || '#', repeat: true }
        : { say: [by.kind === 'speech' ? by.text : 'repeat'], repeat: true },
    );
  }
  return options;
}

/** `POST /menu (Digits=1)`: the request, on the app's own origin written as a path. */
export function describeRequest(request: Request, app: URL): string {
  const url = new URL(request.url);
  const where = url.origin === app.origin ? `${url.pathname}${url.search}` : url.href;
  const input = Object.entries(request.input).map(([name, value]) => `${name}=${value}`);
  return `${request.method} ${where}${input.length ? ` (${input.join(', ')})` : ''}`;
}

function words(text: string, count: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, count).join(' ');
}

function idOfApp(app: URL): string {
  const host = idWords(app.hostname, 4);
  return /^\p{L}/u.test(host) && host !== 'localhost' ? host : 'twiml-app';
}
