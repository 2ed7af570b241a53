/**
 * Nesting beyond any flow's, found before a reader recurses into it: the readers recurse, and a
 * stack overflow inside V8's regular expression compiler ends the process instead of throwing.
 */

/** Levels of nesting a file may have; a flow uses about six. */
export const MAX_NESTING = 200;

/**
 * Where the file first nests brackets or indentation beyond MAX_NESTING levels, if it does. It
 * over-counts (brackets inside quotes count too), which only matters far beyond any real flow.
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && (code === 0x20 || code === 0x2d)) {
      // Each level of block nesting takes at least one column: a space or a list's `-`.
      indent += 1;
      if (indent > MAX_NESTING) return at;
      continue;
    }
    lineStart = false;
    if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > MAX_NESTING) return at;
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
  }
  return undefined;
}
