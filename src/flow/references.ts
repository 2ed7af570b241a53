/**
 * Checks that need the whole file: every target names a node, keys are unique in a menu,
 * branches cover their condition, expectations name what exists.
 */
import { normalisePhrase, parseCallerInput } from './caller-input.js';
import type { PartPositions, PathSegment } from './positions.js';
import type { FlowProblem } from './problems.js';
import { callerProfileProblems } from './profile-references.js';
import type { FlowFile, NodeFile } from './schema.js';
import { didYouMean, nodesInWords } from './suggest.js';

/** Names that would collide with JavaScript's own object members. */
function isReservedName(name: string): boolean {
  return name in Object.prototype;
}

/**
 * `nodeIds` are all the node ids the file names, when `flow` holds only its well-formed nodes,
 * so that a target is not reported missing merely because its node has a problem of its own.
 */
export function referenceProblems(
  flow: FlowFile,
  source: PartPositions,
  file: string,
  nodeIds: readonly string[] = Object.keys(flow.nodes),
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const known = new Set(nodeIds);
  const conditions = flow.conditions ?? {};
  const report = (path: readonly PathSegment[], message: string, hint?: string, key = false) =>
    problems.push({ file, ...source.at(path, { key }), message, ...(hint ? { hint } : {}) });

  const target = (path: readonly PathSegment[], id: string | undefined) => {
    if (id === undefined || id === '' || known.has(id)) return;
    report(
      path,
      `\`${String(path.at(-1))}: ${id}\` names no node.`,
      didYouMean(id, nodeIds) ?? nodesInWords(nodeIds),
    );
  };
  const reservedName = (path: readonly PathSegment[], name: string, what: string) => {
    if (isReservedName(name)) {
      report(
        path,
        `\`${name}\` cannot be a ${what}: the name is reserved.`,
        'Choose another name, such as `main_menu`.',
        true,
      );
    }
  };

  target(['start'], flow.start);
  for (const [name, values] of Object.entries(conditions)) {
    reservedName(['conditions', name], name, 'condition name');
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value))
        report(['conditions', name, index], `Condition \`${name}\` lists \`${value}\` twice.`);
      seen.add(value);
    });
  }
  for (const id of nodeIds) reservedName(['nodes', id], id, 'node id');
  for (const [id, node] of Object.entries(flow.nodes)) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['nodes', id, ...rest];
    checkNode(node, at, target, report, conditions);
  }
  for (const loop of silentLoops(flow.nodes)) {
    report(
      ['nodes', loop[0] as string],
      `The call would loop for ever through ${[...loop, loop[0]].join(' → ')} without the caller doing anything.`,
      'Let one of these nodes lead to a menu, an input or an end.',
      true,
    );
  }
  for (const [index, expectation] of (flow.expect ?? []).entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['expect', index, ...rest];
    if (expectation.reach !== undefined && expectation.reach !== 'human')
      target(at('reach'), expectation.reach);
    target(at('ends'), expectation.ends);
    if (expectation.reach === undefined && expectation.inputs === undefined) {
      report(
        at(),
        `Expectation "${expectation.name}" says neither \`reach\` nor \`inputs\`.`,
        'Write `reach: <node or human>` with `within`, or `inputs: [...]` with `ends`.',
      );
    }
    if (expectation.within !== undefined && expectation.reach === undefined) {
      report(
        at('within'),
        '`within` needs a `reach` to measure.',
        'Add `reach: human` or `reach: <node id>`.',
      );
    }
    if (expectation.inputs !== undefined && expectation.ends === undefined) {
      report(at('inputs'), '`inputs` needs `ends`: the node the call should be at after them.');
    }
    for (const [name, value] of Object.entries(expectation.given ?? {})) {
      const values = conditions[name];
      if (!values)
        report(
          at('given', name),
          `\`given\` names the condition \`${name}\`, which is not declared.`,
          didYouMean(name, Object.keys(conditions)) ?? 'Declare it under `conditions:`.',
          true,
        );
      else if (!values.includes(String(value)))
        report(
          at('given', name),
          `\`${name}: ${String(value)}\` is not a value of the condition \`${name}\`.`,
          didYouMean(String(value), values) ?? `Its values are: ${values.join(', ')}.`,
        );
    }
    for (const [inputIndex, input] of (expectation.inputs ?? []).entries()) {
      if (!parseCallerInput(input)) {
        report(
          at('inputs', inputIndex),
          `\`${String(input)}\` is not a caller input.`,
          'Write a key (1, "*", 1234), "say: phrase", "silence", "invalid" or "value: 12345678".',
        );
      }
    }
  }
  if (flow.callers) callerProfileProblems(flow.callers, nodeIds, report, ['callers']);
  return problems;
}

type Report = (path: readonly PathSegment[], message: string, hint?: string, key?: boolean) => void;
type Target = (path: readonly PathSegment[], id: string | undefined) => void;

function checkNode(
  node: NodeFile,
  at: (...rest: PathSegment[]) => PathSegment[],
  target: Target,
  report: Report,
  conditions: Readonly<Record<string, readonly string[]>>,
): void {
  switch (node.type) {
    case 'say':
      target(at('next'), node.next);
      return;
    case 'input':
      target(at('next'), node.next);
      if (Array.isArray(node.digits) && node.digits[0] > node.digits[1]) {
        report(
          at('digits'),
          `\`digits: [${node.digits.join(', ')}]\` has its minimum above its maximum.`,
          `Write \`digits: [${node.digits[1]}, ${node.digits[0]}]\`.`,
        );
      }
      checkHandlers(node, at, target);
      return;
    case 'menu': {
      const keys = new Map<string, number>();
      const phrases = new Map<string, number>();
      node.options.forEach((option, index) => {
        const optionAt = (...rest: PathSegment[]) => at('options', index, ...rest);
        if (option.key === undefined && option.say === undefined) {
          report(
            optionAt(),
            `Option ${index + 1} has neither a \`key\` nor \`say\` phrases, so no caller can choose it.`,
            'Add `key: 1` or `say: [billing]`.',
          );
        }
        if (option.to === undefined && option.repeat === undefined) {
          report(
            optionAt(),
            `Option ${index + 1} leads nowhere.`,
            'Add `to: <node id>`, or `repeat: true` to play the menu again.',
          );
        }
        if (option.to !== undefined && option.repeat !== undefined) {
          report(
            optionAt('repeat'),
            `Option ${index + 1} has both \`to\` and \`repeat\`.`,
            'Keep one: `to` moves on, `repeat: true` plays the menu again.',
            true,
          );
        }
        target(optionAt('to'), option.to);
        if (option.key !== undefined) {
          const key = String(option.key);
          const first = keys.get(key);
          if (first !== undefined)
            report(
              optionAt('key'),
              `Key ${key} is used twice in this menu (options ${first + 1} and ${index + 1}).`,
              'Give each option its own key.',
            );
          else keys.set(key, index);
        }
        for (const phrase of option.say ?? []) {
          const said = normalisePhrase(phrase);
          const first = phrases.get(said);
          if (first !== undefined && first !== index)
            report(
              optionAt('say'),
              `The phrase "${phrase}" belongs to options ${first + 1} and ${index + 1}; a caller saying it could mean either.`,
              'Give each phrase to one option.',
            );
          else phrases.set(said, index);
        }
      });
      checkHandlers(node, at, target);
      return;
    }
    case 'branch': {
      const values = conditions[node.condition];
      if (!values) {
        report(
          at('condition'),
          `\`condition: ${node.condition}\` is not declared under \`conditions\`.`,
          didYouMean(node.condition, Object.keys(conditions)) ??
            `Declare it at the top: conditions: { ${node.condition}: [value, other] }.`,
        );
      } else {
        for (const value of Object.keys(node.cases)) {
          if (!values.includes(value))
            report(
              at('cases', value),
              `\`${value}\` is not a value of the condition \`${node.condition}\`.`,
              didYouMean(value, values) ?? `Its values are: ${values.join(', ')}.`,
              true,
            );
        }
        if (node.default === undefined) {
          const missing = values.filter((value) => !Object.hasOwn(node.cases, value));
          if (missing.length > 0)
            report(
              at('cases'),
              `The branch has no case for ${node.condition}=${missing.join(', ')}.`,
              `Add \`${missing[0]}: <node id>\` under cases, or a \`default\`.`,
              true,
            );
        }
      }
      for (const [value, id] of Object.entries(node.cases)) target(at('cases', value), id);
      target(at('default'), node.default);
      return;
    }
    default:
      return;
  }
}

function checkHandlers(
  node: Extract<NodeFile, { type: 'menu' | 'input' }>,
  at: (...rest: PathSegment[]) => PathSegment[],
  target: Target,
): void {
  target(at('noMatch', 'then'), node.noMatch?.then);
  target(at('noInput', 'then'), node.noInput?.then);
}

/** Where say and branch nodes lead by themselves. */
function silentTargets(node: NodeFile): string[] {
  if (node.type === 'say') return [node.next];
  if (node.type === 'branch')
    return [...Object.values(node.cases), ...(node.default ? [node.default] : [])];
  return [];
}

/** Loops made only of say and branch nodes: the machine would pass through them for ever. */
function silentLoops(nodes: Readonly<Record<string, NodeFile>>): string[][] {
  const loops: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): void => {
    const node = nodes[id];
    if (!node || state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      loops.push(trail.slice(trail.indexOf(id)));
      return;
    }
    state.set(id, 'open');
    trail.push(id);
    for (const next of silentTargets(node)) visit(next);
    trail.pop();
    state.set(id, 'done');
  };
  for (const id of Object.keys(nodes)) visit(id);
  return loops;
}
