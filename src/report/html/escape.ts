/**
 * Text from a flow file (prompts, ids, messages) goes into the page only through these: a
 * prompt saying `<script>` is shown, never run.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML or SVG content and for quoted attribute values. */
export function escapeText(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

/** A script's source inside `<script>`: nothing in it may close the element. */
export function inlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
