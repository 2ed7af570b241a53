/**
 * VoiceXML's dialogs as nodes: a `<menu>` and its choices, a `<field>` as a menu or an input,
 * and the `<link>`s in scope that are choices too (voicexml.ts walks the documents).
 */
import { normalisePhrase } from '../flow/caller-input.js';
import type { SourcePosition } from '../flow/types.js';
import { slug } from './names.js';
import { type HandlerBuilding, handlersOf } from './voicexml-handlers.js';
import { branchesOf, grammarItems, mergePhrases } from './voicexml-parts.js';
import { childrenNamed, type Element, forLaterVisits, spokenText } from './voicexml-read.js';

type Node = Record<string, unknown>;

/** What the dialogs need of the import that makes them. */
export interface DialogBuilding extends HandlerBuilding {
  /** The node made of each element, so that a dialog gone back to is not made twice. */
  readonly made: Map<Element, string>;
  placeOf(holder: Element, element: Element): SourcePosition;
  note(element: Element, what: string, node?: string): void;
}

/** A `<menu>`: its choices, keyed by `dtmf`, or 1 to 9 in order with `dtmf="true"`. */
export function menuNode(b: DialogBuilding, menu: Element): string {
  const known = b.made.get(menu);
  if (known) return known;
  const id = b.out.idFor(menu.attributes.id ?? 'menu', 'menu');
  b.made.set(menu, id);
  let implicit = 0;
  const options: Node[] = [];
  for (const choice of childrenNamed(menu, 'choice')) {
    const written = choice.attributes.dtmf;
    const key =
      written ?? (menu.attributes.dtmf === 'true' && implicit < 9 ? String(++implicit) : undefined);
    const phrase = choice.text.trim();
    const to = b.target(choice, choice.attributes.next, menu);
    b.out.at.set(`option ${id} ${options.length}`, choice.at);
    options.push({ ...(key ? { key } : {}), ...(phrase ? { say: [phrase] } : {}), to });
  }
  for (const { option, at } of linkOptions(b, [menu], menu, options)) {
    b.out.at.set(`option ${id} ${options.length}`, at);
    options.push(option);
  }
  noteLaterPrompts(b, menu);
  if (options.length === 0) options.push({ key: '*', repeat: true });
  const node: Node = {
    type: 'menu',
    ...(spokenText(menu) ? { prompt: spokenText(menu) } : {}),
    options,
    ...handlersOf(b, menu, [menu], id),
  };
  b.out.node(id, node, menu.at, `menu ${menu.attributes.id ?? ''}`.trim());
  return id;
}

/** A `<field>`: a menu when it offers `<option>`s, else an input; `<filled>` says where it goes. */
export function fieldNode(
  b: DialogBuilding,
  field: Element,
  form: Element,
  next: () => string,
): string {
  const id = b.out.idFor(field.attributes.name ?? 'field', 'field');
  b.made.set(field, id);
  const filled = childrenNamed(field, 'filled')[0];
  const gotoIn = (within: Element | undefined) =>
    within?.children.find((child) => child.name === 'goto');
  const onward = () => {
    const go = gotoIn(filled);
    return go ? b.target(go, go.attributes.next, form) : next();
  };
  const scope = [field, form];
  // The choices a field takes: its `<option>`s, or the items of an inline SRGS grammar.
  const options = [...childrenNamed(field, 'option'), ...grammarItems(field)];
  let node: Node;
  if (options.length > 0) {
    const made = mergePhrases(
      options.map((option) => {
        const value = option.attributes.value ?? option.text.trim();
        // `<if cond="color == 'red'"><goto next="#red"/>`: the option's own way on.
        const branch = branchesOf(filled).find((one) => one.cond.includes(`'${value}'`));
        const go = branch?.elements.find((child) => child.name === 'goto');
        const to = go ? b.target(go, go.attributes.next, form) : onward();
        return {
          option: {
            ...(option.attributes.dtmf ? { key: option.attributes.dtmf } : {}),
            ...(option.text.trim() ? { say: [option.text.trim()] } : {}),
            to,
          },
          at: option.at,
        };
      }),
    );
    const links = linkOptions(
      b,
      scope,
      form,
      made.map(({ option }) => option),
    );
    for (const [k, { at }] of [...made, ...links].entries()) b.out.at.set(`option ${id} ${k}`, at);
    node = { type: 'menu', options: [...made, ...links].map(({ option }) => option) };
  } else {
    const type = field.attributes.type ?? '';
    const digits = /^digits(?:\?length=(\d+))?/.exec(type);
    node = {
      type: 'input',
      collect: slug(field.attributes.name ?? 'value') || 'value',
      ...(digits?.[1] ? { digits: Number(digits[1]) } : {}),
      next: onward(),
    };
    if (!digits && !childrenNamed(field, 'grammar').length)
      b.note(field, 'a field whose grammar phonemaze does not read: any answer goes on');
    if (linkOptions(b, scope, form, [], false).length > 0)
      b.note(
        field,
        'the <link>s in scope are not choices at an input field: an input takes a value',
      );
  }
  noteLaterPrompts(b, field);
  const prompt = spokenText(field);
  b.out.node(
    id,
    { ...node, ...(prompt ? { prompt } : {}), ...handlersOf(b, field, scope, id) },
    field.at,
    `field ${field.attributes.name ?? ''}`.trim(),
  );
  return id;
}

/**
 * The `<link>`s in scope (the dialog's and its item's, the document's, the application root's)
 * as choices the caller has here too: a key by `dtmf` or a DTMF grammar's items, phrases by a
 * voice grammar's. A key or a phrase a choice already has stays the choice's.
 */
function linkOptions(
  b: DialogBuilding,
  scope: readonly Element[],
  from: Element,
  choices: readonly Node[],
  follow = true,
): { option: Node; at: SourcePosition }[] {
  const keys = new Set(choices.flatMap((choice) => (choice.key ? [String(choice.key)] : [])));
  const phrases = new Set(
    choices.flatMap((choice) => (choice.say as string[] | undefined) ?? []).map(normalisePhrase),
  );
  const made: { option: Node; at: SourcePosition }[] = [];
  const holders = [...scope, b.root, ...(b.appRoot ? [b.appRoot] : [])];
  for (const holder of holders)
    for (const link of childrenNamed(holder, 'link')) {
      const items = grammarItems(link);
      const key = [link.attributes.dtmf, ...items.map((item) => item.attributes.dtmf)].find(
        (one): one is string => one !== undefined && !keys.has(one),
      );
      const say = items
        .filter((item) => !item.attributes.dtmf && !phrases.has(normalisePhrase(item.text)))
        .map((item) => item.text);
      if (key === undefined && say.length === 0) continue;
      if (!link.attributes.next) {
        if (follow)
          b.note(link, 'a <link> that throws an event or computes its target is not a choice');
        continue;
      }
      if (key !== undefined) keys.add(key);
      for (const phrase of say) phrases.add(normalisePhrase(phrase));
      const to = follow ? b.targetFrom(holder, link, link.attributes.next, from) : '';
      made.push({
        option: { ...(key !== undefined ? { key } : {}), ...(say.length ? { say } : {}), to },
        at: b.placeOf(holder, link),
      });
    }
  return made;
}

/** Tapered prompts: a later visit's `<prompt count>` has no place in a flow, so it is said. */
function noteLaterPrompts(b: DialogBuilding, dialog: Element): void {
  if (childrenNamed(dialog, 'prompt').some(forLaterVisits))
    b.note(
      dialog,
      'its prompts for later visits (<prompt count="2"> and up) are not said: every visit says the first visit\'s prompt',
    );
}
