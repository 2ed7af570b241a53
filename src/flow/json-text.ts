/**
 * JSON files are held to JSON: `"wait": 10m` or a trailing comma would pass as YAML, which reads
 * far more than JSON does. jsonc-parser finds the first mistake with its offset; configs may
 * carry comments (JSONC, as tsconfig.json does), flows may not.
 */
import { type ParseError, parse, printParseErrorCode, stripComments } from 'jsonc-parser';

export type TextFormat = 'yaml' | 'json' | 'jsonc';

/** The format a file is read in, by its name: `.json` is JSON; anything else YAML (JSON is YAML). */
export function formatOf(file: string, comments: boolean): TextFormat {
  if (!/\.json$/i.test(file)) return 'yaml';
  return comments ? 'jsonc' : 'json';
}

export interface JsonCheck {
  /** The first mistake, with its offset; undefined for valid JSON. */
  readonly mistake?: { readonly offset: number; readonly message: string; readonly hint: string };
  /** The text with any comments turned to spaces, so every offset still points where it did. */
  readonly text: string;
}

export function checkJson(text: string, format: 'json' | 'jsonc'): JsonCheck {
  const errors: ParseError[] = [];
  parse(text, errors, {
    disallowComments: format === 'json',
    allowTrailingComma: false,
    allowEmptyContent: true,
  });
  const plain = format === 'jsonc' ? stripComments(text, ' ') : text;
  const first = errors[0];
  if (!first) return { text: plain };
  return { text: plain, mistake: { offset: first.offset, ...inWords(text, first) } };
}

function inWords(text: string, error: ParseError): { message: string; hint: string } {
  const before = text.slice(0, error.offset).trimEnd().at(-1);
  const here = text.charAt(error.offset);
  if (before === ',' && (here === '}' || here === ']')) {
    return {
      message: 'This is not valid JSON: a comma before the closing bracket.',
      hint: 'Remove the comma after the last entry; JSON does not allow it.',
    };
  }
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
    case 'ValueExpected':
      return {
        message: 'This is not valid JSON: a value was expected here.',
        hint: 'Put text in double quotes ("10m"); a value is text, a number, true, false, null, a list or an object.',
      };
    case 'InvalidCommentToken':
      return {
        message: 'This is not valid JSON: a comment.',
        hint: 'JSON flow files have no comments; remove it, or write the flow in YAML.',
      };
    case 'CommaExpected':
      return {
        message: 'This is not valid JSON: a comma is missing between two entries.',
        hint: 'Separate entries with commas.',
      };
    case 'ColonExpected':
      return {
        message: 'This is not valid JSON: a `:` is missing after the key.',
        hint: 'Write each entry as "key": value.',
      };
    case 'PropertyNameExpected':
      return {
        message: 'This is not valid JSON: a key in double quotes was expected.',
        hint: 'Keys are text in double quotes: "next": "billing".',
      };
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return {
        message: 'This is not valid JSON: a bracket is never closed.',
        hint: 'Close every { with } and every [ with ].',
      };
    case 'UnexpectedEndOfString':
      return {
        message: 'This is not valid JSON: a text is never closed.',
        hint: 'End the text with a double quote.',
      };
    default:
      return {
        message: 'This is not valid JSON here.',
        hint: 'Check the quotes, commas and brackets around this place.',
      };
  }
}
