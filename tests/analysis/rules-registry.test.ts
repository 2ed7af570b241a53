import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { RULE_IDS, rules } from '../../src/analysis/rules/index.js';
import { flowOf } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const ruleFiles = readdirSync(`${root}src/analysis/rules`)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/** The flow under a heading: a YAML flow, or a JSON export (read as an export is). */
function flowUnder(doc: string, heading: string): { text: string; language: string } {
  const match = new RegExp(`## ${heading}\\n+\`\`\`(yaml|json)\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match?.[2]) throw new Error(`no yaml or json block under "## ${heading}"`);
  return { text: match[2], language: match[1] as string };
}

function findingsOf(
  id: string,
  { text, language }: { text: string; language: string },
  file: string,
) {
  const result = checkFlow(flowOf(text, `${file}.${language}`));
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.report.findings.filter((finding) => finding.rule === id);
}

describe('the rule registry', () => {
  it('registers every rule file under its file name, and nothing else', () => {
    expect([...RULE_IDS].sort()).toEqual([...ruleFiles].sort());
    for (const id of RULE_IDS) expect(rules[id].id).toBe(id);
  });

  it('holds exactly the rules of checks.md', () => {
    const table = readFileSync(`${root}docs/checks.md`, 'utf8').split('## Exit codes')[0] ?? '';
    const listed = [...table.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(listed)).toEqual(
      Object.fromEntries(RULE_IDS.map((id) => [id, rules[id].meta.severity])),
    );
  });

  for (const id of RULE_IDS) {
    describe(id, () => {
      const docFile = `${root}docs/rules/${id}.md`;

      it('has tests', () => {
        expect(
          existsSync(`${root}tests/analysis/rules/${id}.test.ts`),
          `tests/analysis/rules/${id}.test.ts`,
        ).toBe(true);
      });

      it('has a doc whose incorrect flow trips it and whose correct flow does not', () => {
        expect(existsSync(docFile), `docs/rules/${id}.md is missing`).toBe(true);
        const doc = readFileSync(docFile, 'utf8');
        expect(
          findingsOf(id, flowUnder(doc, 'Incorrect'), `docs/rules/${id}.md (incorrect)`).length,
        ).toBeGreaterThan(0);
        expect(findingsOf(id, flowUnder(doc, 'Correct'), `docs/rules/${id}.md (correct)`)).toEqual(
          [],
        );
      });
    });
  }
});
