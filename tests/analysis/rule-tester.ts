/**
 * Tests a rule on small inline flows, as typescript-eslint's RuleTester does: `valid` flows must
 * draw no finding from the rule, `invalid` ones exactly the findings listed, by node (and line
 * where given), never by wording.
 */
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { DEFAULT_LIMITS } from '../../src/analysis/limits.js';
import type { Rule } from '../../src/analysis/rule.js';
import type { Limits } from '../../src/flow/types.js';
import { flowOf } from '../helpers.js';

export interface InvalidCase {
  readonly name?: string;
  readonly flow: string;
  /** The case's file name, which says its format: `case.json` for an export (default `case.yaml`). */
  readonly file?: string;
  /** Each finding by its node, message id, line and column: where and what, never the wording. */
  readonly findings: readonly {
    readonly node: string;
    readonly messageId: string;
    readonly line: number;
    readonly column: number;
  }[];
  readonly limits?: Partial<Limits>;
}

export interface ValidCase {
  readonly name?: string;
  readonly flow: string;
  readonly file?: string;
  readonly limits?: Partial<Limits>;
}

function findingsOf(rule: Rule, yaml: string, limits: Partial<Limits> = {}, file = 'case.yaml') {
  const flow = flowOf(yaml, file);
  const result = checkFlow(flow, { limits: { ...DEFAULT_LIMITS, ...limits } });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.report.findings.filter((finding) => finding.rule === rule.id);
}

export function ruleTester(
  rule: Rule,
  cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] },
) {
  describe(rule.id, () => {
    cases.valid.forEach((entry, i) => {
      const { flow, limits, name, file } =
        typeof entry === 'string'
          ? { flow: entry, limits: undefined, name: undefined, file: undefined }
          : entry;
      it(`valid #${i + 1}${name ? `: ${name}` : ''}`, () => {
        expect(findingsOf(rule, flow, limits, file)).toEqual([]);
      });
    });
    cases.invalid.forEach((entry, i) => {
      it(`invalid #${i + 1}${entry.name ? `: ${entry.name}` : ''}`, () => {
        const found = findingsOf(rule, entry.flow, entry.limits, entry.file);
        expect(
          found.map((f) => ({
            node: f.node,
            messageId: f.messageId,
            line: f.line,
            column: f.column,
          })),
        ).toEqual(entry.findings);
        for (const finding of found) {
          expect(Object.keys(rule.meta.messages)).toContain(finding.messageId);
          // An oracle of its own: a finding within `nodes:` stands inside the text of the node it
          // names (flow-level findings, at a condition's declaration, stand above `nodes:`).
          // An export has no `nodes:`: its positions are the blocks', pinned by the case.
          if (entry.file?.endsWith('.json')) continue;
          if (finding.line <= linesBeforeNodes(entry.flow)) continue;
          const [first, last] = linesOfNode(entry.flow, finding.node);
          expect(
            finding.line,
            `${finding.node} is written on lines ${first}-${last}`,
          ).toBeGreaterThanOrEqual(first);
          expect(finding.line).toBeLessThanOrEqual(last);
        }
        for (const finding of found) expect(finding.severity).toBe(rule.meta.severity);
      });
    });
  });
}

/** How many lines come before the nodes' first: the flow's own settings. */
function linesBeforeNodes(yaml: string): number {
  return yaml.split('\n').findIndex((line) => line.startsWith('nodes:')) + 1;
}

/** The lines a node's text takes in a flow file: from its key to the line before the next key. */
function linesOfNode(yaml: string, node: string): [number, number] {
  const lines = yaml.split('\n');
  const first = lines.findIndex((line) => line.startsWith(`  ${node}:`));
  if (first < 0) throw new Error(`no node ${node} in the case`);
  let last = first + 1;
  while (last < lines.length && /^(\s{4}|\s*$)/.test(lines[last] ?? '')) last += 1;
  return [first + 1, last];
}

/** A flow from a start and its nodes, each node written on one line. */
export function flow(start: string, nodes: Record<string, string>, extra = ''): string {
  return `id: case\nstart: ${start}\n${extra}nodes:\n${Object.entries(nodes)
    .map(([id, node]) => `  ${id}: ${node}`)
    .join('\n')}\n`;
}

export const AGENT = '{ type: agent }';
export const BYE = '{ type: hangup, outcome: resolved }';
/** A menu offering the given options, with handlers that lead to a person. */
export const menu = (options: string, prompt = 'Press 1 for this, 2 for that, 0 for a person.') =>
  `{ type: menu, prompt: "${prompt}", options: [${options}], noMatch: { then: agent }, noInput: { then: agent } }`;
