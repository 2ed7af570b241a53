/**
 * Asterisk's menus: `Background` and `WaitExten` over the context's extensions and its includes,
 * and what `i`, `t` and `e` do, their counters folded into tries.
 */

import {
  type Context,
  type Dialplan,
  patternTakes,
  type Step,
  samplePattern,
} from './asterisk-read.js';
import type { FlowBuilder } from './document.js';
import { lastPart } from './names.js';

type Node = Record<string, unknown>;

/** Applications that change nothing a caller hears or where the call goes. */
export const PASS = new Set([
  'answer',
  'set',
  'noop',
  'wait',
  'ringing',
  'progress',
  'verbose',
  'log',
  'mixmonitor',
  'monitor',
  'execif',
  'setcallerpres',
  'setmusiconhold',
  'musiconhold',
  'playtones',
  'stopplaytones',
  'saycountpl',
  'senddtmf',
  'userevent',
  'cdr',
  'resetcdr',
  'setcdruserfield',
  'setlanguage',
]);
export const SAY = new Set([
  'playback',
  'saydigits',
  'saynumber',
  'sayalpha',
  'sayunixtime',
  'saydigit',
  'controlplayback',
]);
/** Extensions that are no caller's choice: start, invalid, timeout, error, hang-up, operator... */
const SPECIAL = new Set(['s', 'i', 't', 'e', 'h', 'T', 'o', 'a', 'fax', 'talk']);

/** What the menus need of the import that makes them. */
export interface AsteriskBuilding {
  readonly dialplan: Dialplan;
  readonly out: FlowBuilder;
  steps(context: string, exten: string): Step[];
  nodeAt(context: string, exten: string, index: number): string;
  jump(context: string, exten: string, target: string, step: Step): string;
  note(step: Step, what: string, unknown?: boolean): void;
}

/** `custom/acme-main&beep` as words: "(plays acme-main, beep)". */
export function soundsOf(args: string): string {
  const files = (args.split(',')[0] ?? '')
    .split('&')
    .map((file) => lastPart(file.trim()))
    .filter(Boolean);
  return files.length > 0 ? `(plays ${files.join(', ')})` : '(a sound)';
}

/**
 * `Background` (and the `WaitExten` after it): a menu of the context's other extensions and
 * those of its includes, exact ones first, as pbx.c matches them; `i` and `t` its failed attempts.
 */
export function menuOf(
  b: AsteriskBuilding,
  context: string,
  exten: string,
  index: number,
  step: Step,
  id: string,
): Node {
  const steps = b.steps(context, exten);
  const waits =
    step.app.toLowerCase() === 'waitexten' || steps[index + 1]?.app.toLowerCase() === 'waitexten';
  const waitStep =
    step.app.toLowerCase() === 'waitexten' ? step : waits ? steps[index + 1] : undefined;
  const options: Node[] = [];
  const taken = new Set<string>();
  for (const ctx of withIncludes(b, context)) {
    const extensions = [...ctx.extensions.values()].filter((e) => !SPECIAL.has(e.name));
    for (const extension of [
      ...extensions.filter((e) => !e.name.startsWith('_')),
      ...extensions.filter((e) => e.name.startsWith('_')),
    ]) {
      const key = samplePattern(extension.name);
      if (
        key === undefined ||
        taken.has(key) ||
        [...taken].some(
          (one) => patternTakes(extension.name, one) && !extension.name.startsWith('_'),
        )
      )
        continue;
      taken.add(key);
      if (extension.name.startsWith('_'))
        b.note(extension.steps[0] as Step, `the pattern ${extension.name}, tried as ${key}`);
      b.out.at.set(`option ${id} ${options.length}`, (extension.steps[0] as Step).at);
      options.push({ key, to: b.nodeAt(ctx.name, extension.name, 0) });
    }
  }
  if (options.length === 0) options.push({ key: '*', repeat: true });
  const node: Node = {
    type: 'menu',
    ...(step.app.toLowerCase() === 'background' ? { prompt: soundsOf(step.args) } : {}),
    options,
  };
  const seconds = Number(waitStep?.args.split(',')[0]);
  if (seconds > 0 && seconds !== 5) node.timeout = `${seconds}s`;
  const handler = (name: 'i' | 't') =>
    b.steps(context, name).length > 0 ? name : b.steps(context, 'e').length > 0 ? 'e' : undefined;
  const invalid = handler('i');
  if (invalid) node.noMatch = handlerOf(b, context, invalid, id, 'noMatch');
  if (waits) {
    const timeout = handler('t');
    if (timeout) node.noInput = handlerOf(b, context, timeout, id, 'noInput');
  } else {
    // Without WaitExten the dialplan goes on once the prompt has played.
    node.noInput = { tries: 1, then: b.nodeAt(context, exten, index + 1) };
  }
  return node;
}

/** The contexts a menu's choices come from: its own, then its includes, depth-first. */
function withIncludes(b: AsteriskBuilding, name: string, seen = new Set<string>()): Context[] {
  const context = b.dialplan.contexts.get(name);
  if (!context || seen.has(name)) return [];
  seen.add(name);
  return [context, ...context.includes.flatMap((included) => withIncludes(b, included, seen))];
}

/**
 * What `i` or `t` does: a counter it keeps (`Set(V=$[${V}+1])`, `GotoIf($[${V} >= N]?label)`)
 * and a way back to the menu are tries; the sounds on the way are the handler's prompt.
 */
function handlerOf(
  b: AsteriskBuilding,
  context: string,
  exten: string,
  menuId: string,
  kind: 'noMatch' | 'noInput',
): Node {
  const steps = b.steps(context, exten);
  b.out.at.set(`handler ${menuId} ${kind}`, (steps[0] as Step).at);
  const said: string[] = [];
  let counter: string | undefined;
  let bound: { tries: number; then: string } | undefined;
  for (const [index, step] of steps.entries()) {
    const app = step.app.toLowerCase();
    const increment = /^(\w+)=\$\[\s*\$\{(\w+)\}\s*\+\s*1\s*\]$/.exec(
      step.args.replace(/\s+/g, ''),
    );
    if (app === 'set' && increment && increment[1] === increment[2]) counter = increment[1];
    else if (app === 'gotoif' && counter) {
      const test = /^\$\[\s*\$\{(\w+)\}\s*(>=|>|==|=)\s*(\d+)\s*\]\s*\?([^:]+)/.exec(step.args);
      if (test && test[1] === counter) {
        const n = Number(test[3]);
        bound = {
          tries: test[2] === '>' ? n + 1 : n,
          then: b.jump(context, exten, test[4] as string, step),
        };
      }
    } else if (SAY.has(app) || app === 'background') said.push(soundsOf(step.args));
    else if (app === 'goto') {
      // `t` going to `i` (`Goto(i,1)`) handles a silence as `i` handles a wrong key.
      const [other, priority] = step.args.split(',').map((part) => part.trim());
      if (index === 0 && priority === '1' && (other === 'i' || other === 'e') && other !== exten)
        return handlerOf(b, context, other, menuId, kind);
      const back = b.jump(context, exten, step.args, step) === menuId;
      if (!back) break;
      const prompt = said.length > 0 ? { prompt: said.join(' ') } : {};
      return bound ? { ...prompt, ...bound } : { ...prompt, tries: 'unlimited' };
    } else if (!PASS.has(app)) break;
    if (index === steps.length - 1) break;
  }
  return { tries: 1, then: b.nodeAt(context, exten, 0) };
}
