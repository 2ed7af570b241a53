/**
 * The bundled flows are the proof that the checks find what hurts callers: each story's menu as
 * it was must draw the findings its story describes, and its mended version none, with every
 * expectation it carries passing.
 */
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { loadFlowFile } from '../../src/flow/load.js';
import { coverageOf, runExpectations } from '../../src/testing/expectations.js';

const flows = new URL('../../flows/', import.meta.url).pathname;

/** Each story, and the rules its as-was menu must break: exactly these, no more, no fewer. */
const STORIES: Record<string, { language: string; rules: string[] }> = {
  '1-installation-date': {
    language: 'de-DE',
    rules: ['endless-reprompt', 'error-hangup', 'no-human', 'no-zero-out', 'unresolved-hangup'],
  },
  '2-hotel-terrace': {
    language: 'de-DE',
    rules: [
      'endless-reprompt',
      'error-hangup',
      'no-human',
      'no-zero-out',
      're-ask',
      'too-many-options',
      'trap',
      'unresolved-hangup',
    ],
  },
  '3-claims-line': {
    language: 'en-US',
    rules: ['endless-reprompt', 'no-human', 'no-zero-out', 're-ask', 'trap'],
  },
  '4-phone-computer': {
    language: 'de-DE',
    rules: ['error-hangup', 'no-zero-out', 'steps-to-human', 'too-deep'],
  },
  '5-isdn-fault': {
    language: 'de-DE',
    rules: [
      'endless-reprompt',
      'error-hangup',
      'no-zero-out',
      're-ask',
      'steps-to-human',
      'unresolved-hangup',
    ],
  },
};

async function report(file: string) {
  const flow = await loadFlowFile(`${flows}${file}`);
  const checked = checkFlow(flow);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  return { flow, report: checked.report };
}

describe('the five stories', () => {
  for (const [story, { language, rules }] of Object.entries(STORIES)) {
    describe(story, () => {
      it('as it was: fails the check with the findings its story describes', async () => {
        const { flow, report: found } = await report(`${story}.as-was.yaml`);
        expect(flow.language).toBe(language);
        expect(found.findings.some((finding) => finding.severity === 'error')).toBe(true);
        expect([...new Set(found.findings.map((finding) => finding.rule))].sort()).toEqual(rules);
      });

      it('mended: passes with no finding at all, and every expectation holds', async () => {
        const { flow, report: found } = await report(`${story}.mended.yaml`);
        expect(flow.language).toBe(language);
        expect(found.findings).toEqual([]);
        expect(found.human).toMatchObject({ reachable: true });
        expect(found.human.minSteps).toBeLessThanOrEqual(2);
        const results = runExpectations(flow);
        expect(results.length).toBeGreaterThanOrEqual(4);
        expect(
          results
            .filter((result) => !result.passed)
            .map((result) => `${result.expectation.name}: ${result.message}`),
        ).toEqual([]);
        expect(coverageOf(flow, results).percent).toBe(100);
      });
    });
  }

  it('the phone computer says what the story quotes, five menus deep', async () => {
    const { flow, report: found } = await report('4-phone-computer.as-was.yaml');
    const prompts = [...flow.nodes.values()].map((node) => ('prompt' in node ? node.prompt : ''));
    expect(prompts.join(' ')).toContain('Entschuldigen Sie bitte, ich habe Sie nicht verstanden');
    expect(found.stats.maxDepth).toBe(5);
  });
});
