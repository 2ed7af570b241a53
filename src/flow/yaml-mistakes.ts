/**
 * What is wrong with a file that is not one readable YAML document, in a designer's words, and
 * where: a quote or a bracket left open is named where it opens, not where the reader noticed.
 */
import { MAX_EXPANDED_VALUES, type YamlMistake } from './read-yaml.js';

export interface MistakeInWords {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

const INDENTATION_HINT = 'Check the indentation, and put text with `:`, `#`, `{` or `[` in quotes.';

export function mistakeInWords(text: string, mistake: YamlMistake): MistakeInWords {
  const at = mistake.offset;
  switch (mistake.kind) {
    case 'duplicate-key':
      return {
        offset: at,
        message: 'This key is written twice in the same place.',
        hint: 'Each node id and each setting may appear once; rename or remove one of them.',
      };
    case 'several-documents':
      return {
        offset: at,
        message: 'The file holds several YAML documents (separated by ---).',
        hint: 'Put one flow in each file.',
      };
    case 'empty':
      return {
        offset: at,
        message: 'The file is empty.',
        hint: 'A flow needs at least `id`, `start` and `nodes`; see the example in the README.',
      };
    case 'alias-bomb':
      return {
        offset: 0,
        message: 'The file expands too many YAML aliases (*name); it looks like an "alias bomb".',
        hint: `Write the repeated parts out; aliases may add up to ${MAX_EXPANDED_VALUES} values.`,
      };
    case 'alias-into-itself':
      return {
        offset: at,
        message: 'This alias stands inside the part it names, so that part would hold itself.',
        hint: 'Write the part out here instead of the alias.',
      };
    case 'key-not-text':
      return {
        offset: at,
        message: 'This key is a list or a mapping; keys are names.',
        hint: 'Write the key as text, or check the indentation of the lines above.',
      };
    case 'unknown-tag':
      return {
        offset: at,
        message: 'This YAML tag is not one phonemaze reads.',
        hint: 'Leave the tag out, or use `!!str`, `!!int`, `!!float`, `!!bool` or `!!null`.',
      };
    case 'syntax':
      return syntaxInWords(text, at, mistake.reason ?? 'it could not be read');
  }
}

function syntaxInWords(text: string, at: number, reason: string): MistakeInWords {
  const left = leftOpenAt(text, at);
  if (left?.kind === 'quote') {
    return {
      offset: left.offset,
      message: 'This quote is never closed, so the rest of the file is read as its text.',
      hint: 'End the text with the same quote it starts with.',
    };
  }
  if (left?.kind === 'bracket' && FLOW_LEFT_OPEN.test(reason)) {
    const closing = text.charAt(left.offset) === '[' ? ']' : '}';
    return {
      offset: left.offset,
      message: `This \`${text.charAt(left.offset)}\` is never closed, so the lines after it are read as part of it.`,
      hint: `Close it with \`${closing}\`, or check the brackets and quotes between here and there.`,
    };
  }
  if (/maxDepth/.test(reason)) {
    return {
      offset: at,
      message:
        'The file nests lists or mappings too deeply to read (hundreds of levels, from about here).',
      hint: 'A flow needs a few levels: nodes, a node, its options. Check for brackets or indentation that never close.',
    };
  }
  if (/tab characters/.test(reason)) {
    return {
      offset: at,
      message: 'This line is indented with a tab; YAML indents with spaces.',
      hint: 'Replace the tab with spaces.',
    };
  }
  return {
    offset: at,
    message: `This is not valid YAML: ${reason}.`,
    hint: INDENTATION_HINT,
  };
}

/** What js-yaml says when a `[` or `{` runs on into the lines after it. */
const FLOW_LEFT_OPEN = /deficient indentation|within a flow collection|missed comma/;
const VALUE_STARTS = new Set(['[', '{', ',']);

/**
 * A quote or a `[`/`{` still open where the reader gave up, found by following the text's
 * quotes, brackets and comments from its start: a designer looks for a mistake where it begins.
 */
function leftOpenAt(
  text: string,
  offset: number,
): { readonly kind: 'quote' | 'bracket'; readonly offset: number } | undefined {
  let quote = '';
  let quoteAt = 0;
  const brackets: number[] = [];
  // Whether a value may begin here: a quote elsewhere is part of plain text (it's).
  let valueMayStart = true;
  for (let at = 0; at < offset && at < text.length; at++) {
    const character = text.charAt(at);
    if (quote) {
      if (quote === '"' && character === '\\') at++;
      else if (character === quote && quote === "'" && text.charAt(at + 1) === "'") at++;
      else if (character === quote) {
        quote = '';
        valueMayStart = false;
      }
      continue;
    }
    if (character === '\n') {
      valueMayStart = true;
      continue;
    }
    if (character === ' ' || character === '\t') continue;
    if (character === '#' && (at === 0 || /\s/.test(text.charAt(at - 1)))) {
      while (at + 1 < text.length && text.charAt(at + 1) !== '\n') at++;
      continue;
    }
    if ((character === '"' || character === "'") && valueMayStart) {
      quote = character;
      quoteAt = at;
      continue;
    }
    if (character === '[' || character === '{') {
      if (valueMayStart) brackets.push(at);
    } else if ((character === ']' || character === '}') && brackets.length > 0) {
      brackets.pop();
    }
    const next = text.charAt(at + 1);
    const separates = next === ' ' || next === '\n' || next === '\r' || next === '';
    valueMayStart =
      VALUE_STARTS.has(character) ||
      ((character === ':' || character === '-' || character === '?') && separates) ||
      (character === ':' && brackets.length > 0);
  }
  if (quote) return { kind: 'quote', offset: quoteAt };
  const bracket = brackets.at(-1);
  return bracket === undefined ? undefined : { kind: 'bracket', offset: bracket };
}
