/**
 * FreeSWITCH `ivr_menus` XML (mod_ivr) as a phonemaze flow: each `<menu>` a menu, its entries
 * options, `max-failures` and `max-timeouts` as tries, with the defaults `switch_ivr_menu.c`
 * applies. docs/import/freeswitch.md lists the mapping with its sources.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { FlowProblem } from '../flow/problems.js';
import { didYouMean } from '../flow/suggest.js';
import type { SourcePosition } from '../flow/types.js';
import { FlowBuilder, type ImportOptions, type ImportResult } from './document.js';
import {
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TRIES,
  type Entry,
  type Menu,
  menusOf,
  sampleOf,
  soundOf,
  withCaptures,
} from './freeswitch-read.js';
import { flowIdOf, lastPart } from './names.js';

type Node = Record<string, unknown>;
export function importFreeswitch(
  text: string,
  file: string,
  options: ImportOptions = {},
): ImportResult {
  const problem = (at: SourcePosition, message: string, hint: string): ImportResult => ({
    ok: false,
    problems: [{ file, ...at, message, hint }],
  });
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return problem(
      { line: valid.err.line, column: valid.err.col },
      `This is not well-formed XML: ${valid.err.msg}`,
      'Check the tags and quotes near here.',
    );
  const menus = menusOf(text);
  if (menus.length === 0)
    return problem(
      { line: 1, column: 1 },
      'The file has no <menu>: it is not a FreeSWITCH ivr_menus file.',
      'Give the file that holds the <menu> elements (conf/ivr_menus/*.xml).',
    );
  const byName = new Map(menus.map((menu) => [menu.name, menu]));
  const entry = options.entry ?? (menus[0] as Menu).name;
  if (!byName.has(entry))
    return problem(
      { line: 1, column: 1 },
      `--entry ${entry} names no menu of this file.`,
      didYouMean(entry, byName.keys()) ?? `The menus are: ${[...byName.keys()].join(', ')}.`,
    );
  const problems: FlowProblem[] = [];
  for (const menu of menus)
    for (const one of menu.entries)
      if (one.action === 'menu-sub' && !byName.has(one.param.trim()))
        problems.push({
          file,
          ...one.at,
          message: `menu-sub \`${one.param}\` names no menu of this file.`,
          hint:
            didYouMean(one.param.trim(), byName.keys()) ??
            `The menus are: ${[...byName.keys()].join(', ')}.`,
        });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, imported: new FreeswitchImport(byName, entry).run(file) };
}

class FreeswitchImport {
  private readonly out = new FlowBuilder();
  private readonly made = new Map<string, string>();
  private readonly parents = new Map<string, string>();

  constructor(
    private readonly menus: ReadonlyMap<string, Menu>,
    private readonly top: string,
  ) {
    for (const menu of menus.values())
      for (const one of menu.entries)
        if (one.action === 'menu-sub' && !this.parents.has(one.param.trim()))
          this.parents.set(one.param.trim(), menu.name);
  }

  run(file: string) {
    const start = this.menu(this.top);
    const topMenu = this.menus.get(this.top) as Menu;
    return this.out.build(
      'freeswitch',
      {
        id: flowIdOf(this.top, 'freeswitch'),
        title: `${this.top} (${lastPart(file)})`,
        start,
      },
      topMenu.at,
    );
  }

  private menu(name: string): string {
    const known = this.made.get(name);
    if (known) return known;
    const menu = this.menus.get(name) as Menu;
    const id = this.out.idFor(name, 'menu');
    this.made.set(name, id);
    const a = menu.attributes;
    const options: Node[] = [];
    for (const one of menu.entries) {
      const key = sampleOf(one.digits);
      if (key === undefined) {
        this.note(
          one.at,
          `entry ${one.digits}`,
          'its digits are a pattern phonemaze cannot make an example of; left out',
          id,
        );
        continue;
      }
      if (one.digits.startsWith('/'))
        this.note(one.at, `entry ${one.digits}`, `a pattern of digits, tried as ${key}`, id);
      this.out.at.set(`option ${id} ${options.length}`, one.at);
      const to = this.entryTarget(menu, one, id);
      options.push(to === undefined ? { key, repeat: true } : { key, to });
    }
    if (options.length === 0) options.push({ key: '*', repeat: true });
    const failures = Number(a['max-failures']);
    const failureTries = failures > 0 ? failures : DEFAULT_TRIES;
    const timeouts =
      a['max-timeouts'] === undefined || a['max-timeouts'] === ''
        ? failureTries
        : Number(a['max-timeouts']) > 0
          ? Number(a['max-timeouts'])
          : DEFAULT_TRIES;
    const milliseconds = Number(a.timeout);
    const seconds = (milliseconds > 0 ? milliseconds : DEFAULT_TIMEOUT_MS) / 1000;
    const invalid = soundOf(a['invalid-sound']);
    const node: Node = {
      type: 'menu',
      ...(soundOf(a['greet-long']) ? { prompt: soundOf(a['greet-long']) } : {}),
      options,
      noMatch: {
        ...(invalid ? { prompt: invalid } : {}),
        tries: failureTries,
        then: this.onMax(menu, 'exec-on-max-failures', id),
      },
      noInput: { tries: timeouts, then: this.onMax(menu, 'exec-on-max-timeouts', id) },
    };
    if (seconds !== 5) node.timeout = `${seconds}s`;
    for (const kind of ['noMatch', 'noInput'] as const)
      this.out.at.set(`handler ${id} ${kind}`, menu.at);
    this.out.node(id, node, menu.at, `menu ${name}`);
    return id;
  }

  /** Where an entry takes the call; undefined when the menu plays again. */
  private entryTarget(menu: Menu, one: Entry, id: string): string | undefined {
    const param = one.param.trim();
    switch (one.action) {
      case 'menu-sub':
        return this.menu(param);
      case 'menu-top':
        return this.menu(this.top);
      case 'menu-back': {
        const parent = this.parents.get(menu.name);
        return parent ? this.menu(parent) : undefined;
      }
      case 'menu-exit':
        return this.exit(menu, one.at);
      case 'menu-play-sound': {
        const say = this.out.idFor(`${menu.name} ${one.digits} sound`, 'sound');
        this.out.node(
          say,
          { type: 'say', prompt: soundOf(param) ?? '(a sound)', next: id },
          one.at,
          `entry ${one.digits} menu-play-sound`,
        );
        return say;
      }
      case 'menu-exec-app':
        return this.app(
          withCaptures(param, one.digits),
          one.at,
          `entry ${one.digits} menu-exec-app`,
          menu,
          id,
        );
      default:
        this.out.unknown.push({
          block: `entry ${one.digits} ${one.action}`,
          what: 'an action mod_ivr does not know: the menu plays again',
          at: one.at,
          node: id,
        });
        return undefined;
    }
  }

  /** `exec-on-max-failures`: the application run when the tries run out, else the menu exits. */
  private onMax(menu: Menu, attribute: string, id: string): string {
    const app = menu.attributes[attribute]?.trim();
    return app
      ? (this.app(app, menu.at, `menu ${menu.name} ${attribute}`, menu, id) ?? id)
      : this.exit(menu, menu.at);
  }

  /**
   * A dialplan application, as `menu-exec-app` runs it: a bridge to a user or a queue is a
   * person, to a gateway a transfer; a transfer leaves the menu; a hangup ends the call.
   * Undefined when the menu goes on after it.
   */
  private app(
    command: string,
    at: SourcePosition,
    block: string,
    menu: Menu,
    menuId: string,
  ): string | undefined {
    const [app = '', ...rest] = command.split(/\s+/);
    const data = rest.join(' ');
    let node: Node | undefined;
    // `user/1000@${domain_name}` is the user 1000.
    const who = lastPart(data).split('@')[0] ?? data;
    if (app === 'bridge') {
      node =
        /^(sofia\/gateway|sofia\/external)/.test(data) || /^\+?\d{7,}$/.test(who)
          ? { type: 'transfer', to: data }
          : { type: 'agent', queue: who };
      if (/conference/i.test(data))
        this.note(at, block, 'a bridge to a conference, taken as a person', menuId);
    } else if (app === 'callcenter' || app === 'fifo')
      node = { type: 'agent', queue: data.split(/\s+/)[0] ?? data };
    else if (app === 'transfer') node = { type: 'transfer', to: data.split(/\s+/)[0] ?? data };
    else if (app === 'hangup') node = { type: 'hangup' };
    else if (app === 'voicemail') {
      node = { type: 'hangup', prompt: '(voicemail)' };
      this.note(
        at,
        block,
        'voicemail: the call ends there, the caller not helped by a person',
        menuId,
      );
    } else if (app === 'playback' || app === 'speak') {
      const say = this.out.idFor(`${menu.name} ${lastPart(data)}`, 'playback');
      this.out.node(
        say,
        {
          type: 'say',
          prompt: soundOf(app === 'speak' ? `say:${data.split('|').at(-1)}` : data) ?? '(a sound)',
          next: menuId,
        },
        at,
        block,
      );
      return say;
    } else {
      this.note(at, block, `runs ${app}: taken as the menu going on`, menuId);
      return undefined;
    }
    if (app === 'transfer')
      this.note(
        at,
        block,
        'a transfer into the dialplan, which is not read: the call leaves the menu there',
        menuId,
      );
    const id = this.out.idFor(`${app} ${lastPart(data)}`, app || 'app');
    this.out.node(id, node, at, block);
    return id;
  }

  /** The menu exits: the dialplan goes on after `ivr`, which is not read; the call is taken to end. */
  private exit(menu: Menu, at: SourcePosition): string {
    const key = `exit ${menu.name}`;
    const known = this.made.get(key);
    if (known) return known;
    const id = this.out.idFor(`${menu.name} exit`, 'exit');
    this.made.set(key, id);
    const exitSound = soundOf((this.menus.get(this.top) as Menu).attributes['exit-sound']);
    this.out.node(
      id,
      { type: 'hangup', ...(exitSound ? { prompt: exitSound } : {}) },
      at,
      `menu ${menu.name} exits`,
    );
    this.note(
      at,
      `menu ${menu.name}`,
      'when it exits, the dialplan goes on after ivr; that is not read, and the call is taken to end',
      id,
    );
    return id;
  }

  private note(at: SourcePosition, block: string, what: string, node: string): void {
    this.out.approximated.push({ block, what, at, node });
  }
}
