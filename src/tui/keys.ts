/**
 * The walker's key bindings: each key a named command, in one place, so components never read
 * raw keys and the help line is made from the same table.
 */
export type Command =
  | { readonly name: 'dial'; readonly key: string }
  | { readonly name: 'submitDigits' }
  | { readonly name: 'waitOut' }
  | { readonly name: 'openSay' }
  | { readonly name: 'toggleOptions' }
  | { readonly name: 'showWayToHuman' }
  | { readonly name: 'undo' }
  | { readonly name: 'restart' }
  | { readonly name: 'quit' };

/** What the caller does in the box that says a phrase. */
export type SayCommand =
  | { readonly name: 'type'; readonly text: string }
  | { readonly name: 'erase' }
  | { readonly name: 'say' }
  | { readonly name: 'cancel' }
  | { readonly name: 'quit' };

/** What the tester does while choosing a condition's value. */
export type PickCommand =
  | { readonly name: 'previous' }
  | { readonly name: 'next' }
  | { readonly name: 'choose' }
  | { readonly name: 'quit' };

/** What ink's useInput reports of a key. */
export interface KeyPress {
  readonly input: string;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
}

/** The keys, as the help line shows them. */
export const BINDINGS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: '0-9 * #', does: 'press a key' },
  { keys: 's /', does: 'say something' },
  { keys: 'w Enter', does: 'wait out the timeout' },
  { keys: '?', does: 'options' },
  { keys: 'h', does: 'way to a human' },
  { keys: 'u', does: 'undo' },
  { keys: 'r', does: 'restart' },
  { keys: 'q', does: 'quit' },
];

const ENTER = new Set(['\r', '\n']);
const BACKSPACE = new Set(['\x7f', '\b']);

/**
 * The single keys in what the terminal delivered. Keys typed fast or pasted arrive as one chunk
 * ("12345678\r", "agent\r"), and each of them counts, the Enter at the end too.
 */
export function keysIn(key: KeyPress): KeyPress[] {
  const special =
    key.return || key.escape || key.ctrl || key.upArrow || key.downArrow || key.backspace;
  if (special || key.delete || key.input.length <= 1) {
    if (key.input.length === 1 && ENTER.has(key.input)) return [{ input: '', return: true }];
    return [key];
  }
  return Array.from(key.input, (character): KeyPress => {
    if (ENTER.has(character)) return { input: '', return: true };
    if (BACKSPACE.has(character)) return { input: '', backspace: true };
    return { input: character };
  });
}

/**
 * The command a key stands for on the call screen. Enter submits digits being typed, and
 * otherwise waits out the timeout, as saying nothing does on a real line.
 */
export function commandFor(key: KeyPress, typingDigits: boolean): Command | undefined {
  if (key.ctrl && key.input === 'c') return { name: 'quit' };
  if (key.return) return typingDigits ? { name: 'submitDigits' } : { name: 'waitOut' };
  if (/^[0-9*#]$/.test(key.input)) return { name: 'dial', key: key.input };
  switch (key.input) {
    case 'w':
      return { name: 'waitOut' };
    case 's':
    case '/':
      return { name: 'openSay' };
    case '?':
      return { name: 'toggleOptions' };
    case 'h':
      return { name: 'showWayToHuman' };
    case 'u':
      return { name: 'undo' };
    case 'r':
      return { name: 'restart' };
    case 'q':
      return { name: 'quit' };
    default:
      return undefined;
  }
}

/** The command a key stands for while a phrase is typed: Enter says it, Esc drops it. */
export function sayCommandFor(key: KeyPress): SayCommand | undefined {
  if (key.ctrl && key.input === 'c') return { name: 'quit' };
  if (key.return) return { name: 'say' };
  if (key.escape) return { name: 'cancel' };
  if (key.backspace || key.delete) return { name: 'erase' };
  if (key.ctrl || key.upArrow || key.downArrow || key.input === '') return undefined;
  return { name: 'type', text: key.input };
}

/** The command a key stands for in a list of values: arrows (or j and k) and Enter. */
export function pickCommandFor(key: KeyPress): PickCommand | undefined {
  if (key.ctrl && key.input === 'c') return { name: 'quit' };
  if (key.return) return { name: 'choose' };
  if (key.upArrow || key.input === 'k') return { name: 'previous' };
  if (key.downArrow || key.input === 'j') return { name: 'next' };
  return undefined;
}
