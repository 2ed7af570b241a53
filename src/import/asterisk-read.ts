/**
 * An Asterisk dialplan (`extensions.conf`) read line by line, as pbx_config reads it: contexts,
 * `include =>`, `exten =>` and `same =>` with priorities (`1`, `n`, `n(label)`), applications and
 * their arguments, each with its line and column. No npm package reads this format.
 */
import { type FlowProblem, fileProblem } from '../flow/problems.js';
import type { SourcePosition } from '../flow/types.js';

export interface Step {
  readonly app: string;
  readonly args: string;
  readonly label?: string;
  readonly at: SourcePosition;
}

export interface Extension {
  readonly name: string;
  readonly steps: Step[];
}

export interface Context {
  readonly name: string;
  readonly extensions: Map<string, Extension>;
  readonly includes: string[];
  readonly at: SourcePosition;
}

export interface Dialplan {
  readonly contexts: ReadonlyMap<string, Context>;
  /** `autofallthrough` in `[general]`: running off an extension hangs up (the default). */
  readonly autofallthrough: boolean;
}

export type DialplanRead =
  | { readonly ok: true; readonly dialplan: Dialplan }
  | { readonly ok: false; readonly problems: readonly FlowProblem[] };

const SETTINGS = new Set(['general', 'globals']);

export function readDialplan(text: string, file: string): DialplanRead {
  const contexts = new Map<string, Context>();
  const problems: FlowProblem[] = [];
  let context: Context | undefined;
  let current: Extension | undefined;
  let autofallthrough = true;
  let inSettings = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = withoutComment(raw);
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      const name = (header[1] as string).trim();
      inSettings = SETTINGS.has(name);
      current = undefined;
      if (inSettings) return;
      context = contexts.get(name) ?? {
        name,
        extensions: new Map(),
        includes: [],
        at: { line: lineNumber, column: 1 },
      };
      contexts.set(name, context);
      return;
    }
    if (inSettings) {
      const setting = /^\s*autofallthrough\s*=\s*(\w+)/i.exec(line);
      if (setting) autofallthrough = /^(yes|true|1|on)$/i.test(setting[1] as string);
      return;
    }
    const entry = /^(\s*)(exten|same|include)\s*=>?\s*(.*)$/.exec(line);
    if (!entry || !context) {
      if (/^\s*#include|^\s*#exec/.test(line)) return;
      problems.push({
        file,
        line: lineNumber,
        column: 1,
        message: `phonemaze cannot read this line of a dialplan: \`${raw.trim()}\`.`,
        hint: 'Dialplan lines are `[context]`, `exten => ...`, `same => ...` and `include => ...`.',
      });
      return;
    }
    const [, indent = '', kind, rest = ''] = entry;
    const column = indent.length + 1;
    if (kind === 'include') {
      context.includes.push((rest.split(',')[0] ?? '').trim());
      return;
    }
    let name: string;
    let body: string;
    if (kind === 'same') {
      if (!current) {
        problems.push({
          file,
          line: lineNumber,
          column,
          message: '`same =>` with no `exten =>` before it.',
          hint: 'Start the extension with `exten => name,1,...`.',
        });
        return;
      }
      name = current.name;
      body = rest;
    } else {
      const comma = rest.indexOf(',');
      name = rest.slice(0, comma).trim();
      body = rest.slice(comma + 1);
    }
    const step = /^\s*([^,(]+)(?:\(([^)]*)\))?\s*,\s*(\w+)\s*(?:\((.*)\))?\s*$/.exec(body);
    if (!step) {
      problems.push({
        file,
        line: lineNumber,
        column,
        message: `This extension line has no priority and application: \`${raw.trim()}\`.`,
        hint: 'Write `exten => name,priority,Application(arguments)`.',
      });
      return;
    }
    const [, , label, app = '', args = ''] = step;
    const extension = context.extensions.get(name) ?? { name, steps: [] };
    context.extensions.set(name, extension);
    extension.steps.push({
      app,
      args: args.trim(),
      ...(label ? { label: label.trim() } : {}),
      at: { line: lineNumber, column },
    });
    current = extension;
  });
  if (problems.length > 0) return { ok: false, problems };
  if (contexts.size === 0)
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          'The dialplan has no context.',
          'A dialplan has `[context]` sections with `exten =>` lines.',
        ),
      ],
    };
  return { ok: true, dialplan: { contexts, autofallthrough } };
}

/** The line without its `;` comment (a `\;` is a semicolon, not a comment). */
function withoutComment(line: string): string {
  for (let i = 0; i < line.length; i++)
    if (line[i] === ';' && line[i - 1] !== '\\') return line.slice(0, i);
  return line;
}

/** Whether an extension pattern (`_7XXX`, `_X.`, `_[1-3]`) takes the digits. */
export function patternTakes(pattern: string, digits: string): boolean {
  if (!pattern.startsWith('_')) return pattern === digits;
  let regex = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === 'X') regex += '[0-9]';
    else if (c === 'Z') regex += '[1-9]';
    else if (c === 'N') regex += '[2-9]';
    else if (c === '.') regex += '.+';
    else if (c === '!') regex += '.*';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      regex += pattern.slice(i, end + 1);
      i = end;
    } else regex += c.replace(/[*#+?]/g, '\\$&');
  }
  return new RegExp(`^${regex}$`).test(digits);
}

/** Digits a pattern takes, to try it with: `_7XXX` gives `7000`. */
export function samplePattern(pattern: string): string | undefined {
  if (!pattern.startsWith('_')) return /^[0-9*#]+$/.test(pattern) ? pattern : undefined;
  let out = '';
  for (let i = 1; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === 'X') out += '0';
    else if (c === 'Z') out += '1';
    else if (c === 'N') out += '2';
    else if (c === '.' || c === '!') out += out === '' ? '1' : '';
    else if (c === '[') {
      out += pattern[i + 1] ?? '';
      i = pattern.indexOf(']', i);
    } else out += c;
  }
  return /^[0-9*#]+$/.test(out) && patternTakes(pattern, out) ? out : undefined;
}
