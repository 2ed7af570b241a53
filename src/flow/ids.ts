/**
 * Ids made from people's words, as the flow format takes them (a letter first, then letters,
 * digits and dashes): an imported block's label, a crawled page's path, an export's variable.
 */

/**
 * `Billing Menu (new)` as `billing-menu-new`: letters of any alphabet and digits, lower case,
 * a dash between words; the first `most` words only. Composed first, so that a `ü` written as
 * `u` and a combining mark stays one letter.
 */
export function idWords(text: string, most = Number.POSITIVE_INFINITY): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, most)
    .join('-');
}

/**
 * A new node id from a label, not one of `taken`: `menu`, then `menu-2`; a label with no letter
 * first is put after `fallback` (`press-1` from `1`, or `fallback` alone from nothing).
 */
export function freshId(
  label: string,
  fallback: string,
  taken: { has(id: string): boolean },
  most = 5,
): string {
  const made = idWords(label, most);
  const base = /^\p{L}/u.test(made) ? made : made ? `${fallback}-${made}` : fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
