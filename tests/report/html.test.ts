import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFlowYaml } from '../../bench/generate.js';
import { checkFlow, type FlowReport } from '../../src/analysis/check.js';
import { flowShape } from '../../src/analysis/shape.js';
import { checkPaths } from '../../src/check-paths.js';
import { parseFlow } from '../../src/flow/load.js';
import { escapeText, inlineScript } from '../../src/report/html/escape.js';
import { layoutFlow, MAX_DRAWN_NODES } from '../../src/report/html/layout.js';
import { htmlPage } from '../../src/report/html/page.js';
import { buildReport } from '../../src/report/report.js';
import { simulate } from '../../src/simulate/simulate.js';
import { fixture } from '../helpers.js';

const flowsFolder = new URL('../../flows', import.meta.url).pathname;

/** The page's own markup: everything between tags, attribute by attribute. */
const attributeValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((match) => match[1]);

function reportOf(yaml: string, file = 'flow.yaml'): FlowReport {
  const parsed = parseFlow(yaml, file);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  const checked = checkFlow(parsed.flow);
  if (!checked.ok) throw new Error('not checked');
  return checked.report;
}

/** The page's policy, and whether every inline script is named in it by its hash. */
function scriptsAllowed(page: string): { policy: string; allHashed: boolean } {
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
  const allHashed = scripts.every((script) =>
    policy.includes(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`),
  );
  return { policy, allHashed };
}

describe('the report page', () => {
  it('draws every node of every bundled flow, pins every finding, and loads nothing', async () => {
    const report = await checkPaths([flowsFolder]);
    const page = htmlPage(report);
    for (const flow of report.flows) {
      const section = page.slice(
        page.indexOf(`<section class="flow" id="flow-${report.flows.indexOf(flow)}"`),
      );
      const diagramAt = section.indexOf('<svg class="diagram"');
      const svg = section.slice(diagramAt, section.indexOf('</svg>', diagramAt));
      expect(svg).toContain(`data-flow="${flow.id}"`);
      const drawn = attributeValues(svg, 'data-node');
      expect(drawn.sort()).toEqual(
        flowShape(flow)
          .nodes.map((node) => node.id)
          .sort(),
      );
      const pinned = new Set(flow.findings.map((finding) => finding.node));
      for (const node of pinned) {
        expect(svg).toMatch(new RegExp(`data-node="${node}"[^>]*>.*?<g class="pin pin-`, 's'));
      }
      const findingsAt = section.indexOf('<h3>Findings</h3>');
      const findings = section.slice(findingsAt, section.indexOf('</section>', findingsAt));
      expect(attributeValues(findings.split('</table>')[0] ?? '', 'data-rule')).toEqual(
        flow.findings.map((finding) => finding.rule),
      );
    }
    // Self-contained: no address to fetch, and a policy that forbids fetching.
    expect(page).not.toMatch(/\s(src|href)="(?!#)/);
    expect(page).not.toMatch(/@import|url\(\s*['"]?http/);
    expect(page).toContain(`default-src 'none'`);
    expect(page.match(/<script>/g)).toHaveLength(4);
  });

  it('highlights exactly the way to a human, one move per step of the path', () => {
    const flow = reportOf(readFileSync(`${flowsFolder}/4-phone-computer.as-was.yaml`, 'utf8'));
    const diagram = layoutFlow(flow);
    const way = diagram.moves.filter((move) => move.onWayToHuman);
    const path = flow.human.path ?? [];
    expect(way.map((move) => [move.from, move.to])).toEqual(
      expect.arrayContaining(path.slice(1).map((to, i) => [path[i], to])),
    );
    expect(way).toHaveLength(path.length - 1);
    expect(way.find((move) => move.from === 'strom')?.label).toBe('say: Vertrag');
    // Nodes are shaded by their steps from the start.
    const steps = new Map(diagram.nodes.map((node) => [node.id, node.steps]));
    expect(steps.get('begruessung')).toBe(0);
    expect(steps.get('mitarbeiter')).toBe(5);
  });

  it('gives the way to a human for each condition value that changes it', async () => {
    const report = await checkPaths([`${flowsFolder}/acme-support.yaml`]);
    const flow = report.flows[0] as FlowReport;
    const page = htmlPage(report);
    expect(flow.byConditions?.length).toBeGreaterThan(0);
    for (const each of flow.byConditions ?? []) {
      const when = Object.entries(each.conditions)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ');
      const way = each.reachable ? `${each.minSteps} step` : 'no human can be reached';
      expect(page).toMatch(new RegExp(`<tr><td>${when}</td><td>${way}`));
    }
  });

  it('shows a prompt that looks like markup as text', async () => {
    const report = await checkPaths([fixture('report/xss.yaml')]);
    const page = htmlPage(report);
    expect(page).toContain('Press 1 for &lt;script&gt;window.__ran = 1&lt;/script&gt; billing');
    expect(page).toContain('&lt;img src=x onerror=&quot;window.__ran = 2&quot;&gt;');
    expect(page).toContain('Bills &amp; &quot;payments&quot;');
    expect(page).toContain('A prompt that looks like markup &lt;b&gt;bold&lt;/b&gt;');
    expect(page).not.toContain('<script>window.__ran');
    expect(page).not.toContain('<img');
    expect(escapeText(`<a href='x'>&`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;');
    expect(inlineScript('a("</script><!--")')).toBe('a("<\\/script><\\!--")');
  });

  it('lists the files that are not valid flows, with their problems', async () => {
    const report = await checkPaths([fixture('bad/missing-target.yaml')]);
    const page = htmlPage(report);
    expect(page).toContain('Files that are not valid flows');
    expect(page).toContain('missing-target.yaml:2:8');
    expect(page).toContain('`start: welcom` names no node.');
    expect(page).not.toContain('<section class="flow"');
  });

  it('folds a large flow to the nodes worth drawing, and says so', () => {
    const flow = reportOf(generatedFlowYaml(1000));
    const diagram = layoutFlow(flow);
    expect(diagram.nodes).toHaveLength(MAX_DRAWN_NODES);
    expect(diagram.folded).toBe(flowShape(flow).nodes.length - MAX_DRAWN_NODES);
    const drawn = new Set(diagram.nodes.map((node) => node.id));
    for (const id of flow.human.path ?? []) expect(drawn).toContain(id);
    // The nearest nodes come first: every node drawn is no farther than any node folded.
    const farthestDrawn = Math.max(...diagram.nodes.map((node) => node.steps ?? 0));
    const nearestFolded = Math.min(
      ...flowShape(flow)
        .nodes.filter((node) => !drawn.has(node.id))
        .map((node) => node.steps ?? 0),
    );
    expect(farthestDrawn).toBeLessThanOrEqual(nearestFolded);
    const page = htmlPage(buildReport([flow], [], 'test'));
    expect(page).toContain(
      `${diagram.folded} of ${flowShape(flow).nodes.length} nodes are folded away`,
    );
  });

  it('adds simulated callers per profile as charts', async () => {
    const report = await checkPaths([`${flowsFolder}/4-phone-computer.as-was.yaml`]);
    const parsed = parseFlow(
      readFileSync(`${flowsFolder}/4-phone-computer.as-was.yaml`, 'utf8'),
      'phone.yaml',
    );
    if (!parsed.ok) throw new Error('flow');
    const { results } = simulate(parsed.flow, { callers: 1000, seed: 3 });
    const file = report.flows[0]?.file as string;
    const page = htmlPage(report, { simulations: new Map([[file, { callers: 1000, results }]]) });
    for (const result of results) {
      expect(page).toContain(`data-profile="${result.profile}"`);
      expect(page).toContain(`reached their goal <b>${(result.share.goal * 100).toFixed(1)}%</b>`);
    }
    expect(page.match(/<svg class="outcomes"/g)).toHaveLength(results.length);
    expect(htmlPage(report)).not.toContain('<svg class="outcomes"');
    // Each histogram names its axes: steps across, callers up.
    expect(page.match(/>steps taken<\/text>/g)).toHaveLength(results.length);
    expect(page.match(/>callers<\/text>/g)).toHaveLength(results.length);
  });

  it('draws a move back to its own node as a loop on the node, not into empty space', () => {
    const report = reportOf(
      'id: loop\nstart: main\nnodes:\n  main: { type: menu, prompt: Press 1., options: [{ key: 1, to: agent }], noInput: { then: main, tries: 2 }, noMatch: { then: main, tries: 2 } }\n  agent: { type: agent }\n',
    );
    const diagram = layoutFlow(report);
    const main = diagram.nodes.find((node) => node.id === 'main');
    const loops = diagram.moves.filter((move) => move.from === 'main' && move.to === 'main');
    expect(loops).toHaveLength(2);
    if (!main) throw new Error('no main');
    const side = main.x + main.width / 2;
    for (const loop of loops) {
      const first = loop.points[0];
      const last = loop.points.at(-1);
      // Out of the node's right side and back into it, within its height.
      for (const end of [first, last]) {
        expect(end?.x).toBeCloseTo(side, 5);
        expect(Math.abs((end?.y ?? 0) - main.y)).toBeLessThan(main.height / 2);
      }
      expect(Math.max(...loop.points.map((point) => point.x))).toBeGreaterThan(side);
      // Within the drawing, labels too.
      expect((loop.labelAt?.x ?? 0) + loop.label.length * 3.1).toBeLessThanOrEqual(diagram.width);
    }
    // The two loops do not lie on each other.
    expect(loops[0]?.points).not.toEqual(loops[1]?.points);
  });
});

describe("the page's content security policy", () => {
  it('lets run only its own scripts, each named by its hash, and never inline code it does not know', async () => {
    const report = await checkPaths([flowsFolder]);
    const { policy, allHashed } = scriptsAllowed(htmlPage(report));
    expect(policy).toMatch(/script-src( 'sha256-[^']+'){4};/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('connect-src');
    expect(allHashed).toBe(true);
    const served = scriptsAllowed(htmlPage(report, { liveReload: true }));
    expect(served.policy).toContain("connect-src 'self'");
    expect(served.allHashed).toBe(true);
  });
});
