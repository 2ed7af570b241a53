import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPaths } from '../../src/check-paths.js';
import { FORMAT_NAMES, reporters } from '../../src/report/index.js';
import type { Report } from '../../src/report/report.js';
import { fixture } from '../helpers.js';

let report: Report;
beforeAll(async () => {
  report = await checkPaths([
    fixture('check/clean.yaml'),
    fixture('check/no-way-out.yaml'),
    fixture('bad/missing-target.yaml'),
  ]);
});

describe('reporters', () => {
  it('has one per --format name, each a file of its own', () => {
    expect(FORMAT_NAMES).toEqual(['text', 'json', 'junit', 'github', 'sarif', 'markdown']);
  });

  it('are pure: the same report gives the same text, and the report is not changed', () => {
    const before = JSON.stringify(report);
    for (const name of FORMAT_NAMES) {
      expect(reporters[name](Object.freeze(report), { color: false })).toBe(
        reporters[name](report, { color: false }),
      );
    }
    expect(JSON.stringify(report)).toBe(before);
  });

  it('text: a headline per flow, file:line:column per finding, a summary; colour only when asked', () => {
    const text = reporters.text(report, { color: false });
    expect(text).toContain('clean: a human in 1 step (press 1), ');
    expect(text).toContain(
      'no-way-out: no human can be reached; deepest menu 1; 3 errors, 2 warnings',
    );
    expect(text).toMatch(
      /no-way-out\.yaml:4:3 +error +This flow has no agent node: no caller can ever reach a human\. +no-human/,
    );
    expect(text).toContain('missing-target.yaml:12:23: `to: biling` names no node.');
    expect(text).toContain('✖ 2 flows checked, 3 errors, 2 warnings, 1 file not valid');
    expect(text).not.toContain('\u001b[');
    expect(reporters.text(report, { color: true })).toContain('\u001b[');
  });

  it('json: the report of checks.md, stable and complete', () => {
    const json = JSON.parse(reporters.json(report, { color: false }));
    expect(Object.keys(json)).toEqual(['version', 'flows', 'invalid', 'summary']);
    expect(json.summary).toEqual({ flows: 2, errors: 3, warnings: 2, invalid: 1 });
    const clean = json.flows[0];
    expect(clean).toMatchObject({
      id: 'clean',
      stats: { nodes: 3, menus: 1, maxDepth: 1, maxOptions: 2 },
      human: {
        reachable: true,
        minSteps: 1,
        inputs: ['1'],
        path: ['main', 'billing'],
        queueSeconds: 0,
      },
      findings: [],
    });
    expect(json.flows[1].human).toEqual({ reachable: false });
    expect(Object.keys(json.flows[1].findings[0])).toEqual([
      'rule',
      'messageId',
      'severity',
      'node',
      'line',
      'column',
      'message',
    ]);
    expect(json.invalid[0].problems[0]).toMatchObject({
      line: 2,
      column: 8,
      message: '`start: welcom` names no node.',
    });
  });

  it('junit: well-formed XML, a failing case per rule with errors, the invalid file as an error', () => {
    const xml = reporters.junit(report, { color: false });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.testsuites['@_failures']).toBe('2'); // error-hangup and no-human, each failing once
    expect(parsed.testsuites['@_errors']).toBe('1');
    expect(parsed.testsuites.testsuite).toHaveLength(3);
  });

  it('github: one annotation per finding and problem, with its file, line and column, escaped', () => {
    const lines = reporters.github(report, { color: false }).trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=.*no-way-out\.yaml,line=4,col=3,title=phonemaze no-human::This flow has no agent node/,
      ),
    );
    expect(
      lines.every((line) =>
        /^::(error|warning) file=[^:]+,line=\d+,col=\d+,title=[^:]+::/.test(line),
      ),
    ).toBe(true);
  });

  it('sarif: version 2.1.0 with every rule described and every finding located', () => {
    const sarif = JSON.parse(reporters.sarif(report, { color: false }));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('error-hangup');
    expect(run.results).toHaveLength(8);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('markdown: a summary table, each flow findings, and a Mermaid diagram with the way to a human', () => {
    const markdown = reporters.markdown(report, { color: false });
    expect(markdown).toContain('2 flows checked: **3 errors**, 2 warnings, **1 file not valid**.');
    expect(markdown).toContain('| clean | 1 | ');
    expect(markdown).toContain('| no-way-out | none | – | 1 | 3 | 2 |');
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    expect(diagram).toMatch(/^flowchart TD\n/);
    expect(diagram).toContain('n0["main"]');
    expect(diagram).toContain('n1(("billing"))');
    expect(diagram).toMatch(/n0 -->\|"1"\| n1/);
    expect(diagram).toMatch(/linkStyle 0 stroke:#1a7f37/);
  });

  it('markdown escapes prompts and ids that would break a table or a diagram', () => {
    const flow = report.flows[1];
    expect(flow).toBeDefined();
    const tricky: Report = {
      ...report,
      flows: [{ ...(flow as NonNullable<typeof flow>), title: 'A | B <script>' }],
    };
    const markdown = reporters.markdown(tricky, { color: false });
    expect(markdown).toContain('A \\| B <script>');
  });
});
