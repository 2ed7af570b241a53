/**
 * The walker's key bindings: each key a named command, in one place, so components never read
 * raw keys and the help line is made from the same table.
 */
export type Command =
  /** One key, or several typed too fast to arrive apart. */
  | { readonly name: 'dial'; readonly key: string }
  | { readonly name: 'submitDigits' }
  | { readonly name: 'waitOut' }
  | { readonly name: 'openSay' }
  | { readonly name: 'toggleOptions' }
  | { readonly name: 'showWayToHuman' }
  | { readonly name: 'undo' }
  | { readonly name: 'restart' }
  | { readonly name: 'quit' };

/** What ink's useInput reports of a key. */
export interface KeyPress {
  readonly input: string;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
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

/**
 * The command a key stands for. Enter submits digits being typed, and otherwise waits out the
 * timeout, as saying nothing does on a real line.
 */
export function commandFor(key: KeyPress, typingDigits: boolean): Command | undefined {
  if (key.ctrl && key.input === 'c') return { name: 'quit' };
  if (key.return) return typingDigits ? { name: 'submitDigits' } : { name: 'waitOut' };
  // Keys typed fast (or pasted) reach us as one chunk: "23".
  if (/^[0-9*#]+$/.test(key.input)) return { name: 'dial', key: key.input };
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
