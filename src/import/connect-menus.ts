/**
 * Amazon Connect's menus (`GetParticipantInput`, a Lex bot, a stored input) and the retry idioms
 * folded into their handlers: a Loop in front of the menu or behind it, a way straight back.
 */

import type { ConnectAction, ConnectDocument } from './connect-read.js';
import { DTMF, promptOf, SETUP } from './connect-words.js';
import type { FlowBuilder } from './document.js';
import { words } from './names.js';

type Node = Record<string, unknown>;

/** What the menus need of the import that makes them. */
export interface ConnectBuilding {
  readonly doc: ConnectDocument;
  readonly out: FlowBuilder;
  nodeFor(id: string): string;
  next(action: ConnectAction, target: string | undefined): string;
  note(kind: 'approximated' | 'unknown', action: ConnectAction, what: string): void;
  errorOf(
    action: ConnectAction,
    types: readonly string[],
  ): { target: string; index: number } | undefined;
}

/** A menu of keys (`GetParticipantInput`) or of a Lex bot's intents, with its failed attempts. */
export function menuOf(
  b: ConnectBuilding,
  action: ConnectAction,
  nodeId: string,
  by: 'key' | 'intent',
): Node {
  const t = action.Transitions ?? {};
  const options: Node[] = [];
  (t.Conditions ?? []).forEach((condition, k) => {
    const operand = condition.Condition?.Operands?.[0];
    const to = condition.NextAction;
    if (
      !to ||
      operand === undefined ||
      condition.Condition?.Operator !== 'Equals' ||
      (by === 'key' && !DTMF.test(operand))
    ) {
      b.note(
        'approximated',
        action,
        `its condition ${k + 1} (${condition.Condition?.Operator} ${operand}) is not a key a caller presses; left out`,
      );
      return;
    }
    b.out.at.set(
      `option ${nodeId} ${options.length}`,
      b.doc.at(action.Identifier, 'Transitions', 'Conditions', k),
    );
    options.push(
      by === 'key'
        ? { key: operand, to: b.nodeFor(to) }
        : { say: [words(operand)], to: b.nodeFor(to) },
    );
  });
  if (by === 'intent')
    b.note(
      'approximated',
      action,
      "the bot's intents are options said by their names; its own reprompts are not seen",
    );
  const menu: Node = {
    type: 'menu',
    ...(promptOf(action) ? { prompt: promptOf(action) } : {}),
    options,
  };
  const seconds = Number(action.Parameters?.InputTimeLimitSeconds);
  if (Number.isFinite(seconds) && seconds > 0 && seconds !== 5) menu.timeout = `${seconds}s`;
  const noMatch = b.errorOf(action, ['NoMatchingCondition', 'NoMatchingError']);
  const noInput = b.errorOf(action, ['InputTimeLimitExceeded']);
  if (noMatch) menu.noMatch = handlerOf(b, action, nodeId, 'noMatch', noMatch);
  if (noInput) menu.noInput = handlerOf(b, action, nodeId, 'noInput', noInput);
  if (options.length === 0) {
    // The flow format wants an option; a menu nobody can leave by a choice repeats.
    options.push({ key: '*', repeat: true });
    b.note(
      'approximated',
      action,
      'it has no choice a caller can make: written as a menu that repeats',
    );
  }
  return menu;
}

/** `GetParticipantInput` storing what the caller types: an input, whose timeout goes on as a value. */
export function storedInputOf(b: ConnectBuilding, action: ConnectAction, nodeId: string): Node {
  const t = action.Transitions ?? {};
  const max = Number(
    (action.Parameters?.InputValidation as { CustomValidation?: { MaximumLength?: unknown } })
      ?.CustomValidation?.MaximumLength,
  );
  const node: Node = {
    type: 'input',
    ...(promptOf(action) ? { prompt: promptOf(action) } : {}),
    collect: 'StoredCustomerInput',
    ...(Number.isInteger(max) && max > 0 ? { digits: [1, max] } : {}),
    next: b.next(action, t.NextAction),
  };
  const invalid = b.errorOf(action, ['InvalidPhoneNumber', 'NoMatchingError']);
  if (invalid) node.noMatch = handlerOf(b, action, nodeId, 'noMatch', invalid);
  // "If the customer doesn't enter any input, the contact is routed down the Success branch."
  node.noInput = { tries: 1, then: node.next };
  b.note(
    'approximated',
    action,
    'a timeout goes on down the Success branch, as Connect routes it, as a noInput that moves on at once',
  );
  return node;
}

/** The failed-attempt handler behind an error branch, with Connect's retry idioms folded in. */
function handlerOf(
  b: ConnectBuilding,
  action: ConnectAction,
  nodeId: string,
  kind: 'noMatch' | 'noInput',
  error: { target: string; index: number },
): Node {
  b.out.at.set(
    `handler ${nodeId} ${kind}`,
    b.doc.at(action.Identifier, 'Transitions', 'Errors', error.index),
  );
  const said: string[] = [];
  let at = error.target;
  // "Sorry" messages and set-up actions on the way back are the handler's prompt.
  for (let hops = 0; hops < 20; hops++) {
    const one = b.doc.actions.get(at) as ConnectAction;
    const next = one.Transitions?.NextAction;
    if (!next || !(SETUP.has(one.Type) || one.Type === 'MessageParticipant')) break;
    const prompt = promptOf(one);
    if (prompt) said.push(prompt);
    at = next;
  }
  const prompt = said.length > 0 ? { prompt: said.join(' ') } : {};
  if (at === action.Identifier) return { ...prompt, tries: 'unlimited' };
  const loop = b.doc.actions.get(at) as ConnectAction;
  if (loop.Type === 'Loop' && loopBranch(loop, 'ContinueLooping') === action.Identifier) {
    const count = Number(loop.Parameters?.LoopCount);
    const done = loopBranch(loop, 'DoneLooping');
    // The Loop says "continue" LoopCount times, then "done": entered before the menu too, it
    // has spent one "continue" on the way in.
    const inFront = enteredBefore(b, loop, action);
    const tries = Number.isInteger(count) ? Math.max(1, count + (inFront ? 0 : 1)) : undefined;
    if (tries === undefined)
      b.note(
        'approximated',
        loop,
        'its LoopCount is not a number: the menu is taken to allow 3 tries',
      );
    return { ...prompt, tries: tries ?? 3, ...(done ? { then: b.nodeFor(done) } : {}) };
  }
  return { tries: 1, then: b.nodeFor(error.target) };
}

/** Whether a Loop is reached on the way into the menu, not only from the menu's error branches. */
function enteredBefore(b: ConnectBuilding, loop: ConnectAction, menu: ConnectAction): boolean {
  const errors = new Set((menu.Transitions?.Errors ?? []).map((error) => error.NextAction));
  for (const action of b.doc.actions.values()) {
    if (action.Identifier === menu.Identifier) continue;
    const t = action.Transitions ?? {};
    const targets = [
      t.NextAction,
      ...(t.Conditions ?? []).map((c) => c.NextAction),
      ...(t.Errors ?? []).map((e) => e.NextAction),
    ];
    if (targets.includes(loop.Identifier) && !errors.has(action.Identifier)) return true;
  }
  return b.doc.start === loop.Identifier;
}

export function loopBranch(
  action: ConnectAction,
  operand: 'ContinueLooping' | 'DoneLooping',
): string | undefined {
  return action.Transitions?.Conditions?.find((c) => c.Condition?.Operands?.[0] === operand)
    ?.NextAction;
}
