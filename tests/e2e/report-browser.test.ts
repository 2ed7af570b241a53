/**
 * `phonemaze report`'s page as a person sees it: written by the real command, opened in headless
 * Chromium (Debian's package, driven by playwright-core). `.ci/run` installs Chromium, so CI
 * always runs this; elsewhere set CHROMIUM_PATH or install the `chromium` package.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFlowYaml } from '../../bench/generate.js';
import { flowShape } from '../../src/analysis/shape.js';
import { checkPaths } from '../../src/check-paths.js';
import { MAX_DRAWN_NODES } from '../../src/report/html/layout.js';
import { browserTestsRun, chromiumForThisFile } from './chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/phonemaze.js');
/** The bundled flows, the markup fixture and a generated flow large enough to be folded. */
function reportInputs(folder: string): string[] {
  const large = join(folder, 'large.yaml');
  writeFileSync(large, generatedFlowYaml(1000));
  return [join(root, 'flows'), join(root, 'tests/fixtures/report/xss.yaml'), large];
}
const screenshot = join(root, 'test-results/report.png');

const browserOf = chromiumForThisFile();

describe.skipIf(!browserTestsRun)('the report page in a real browser', () => {
  it('shows every flow with its diagram and findings, runs nothing from the flows, and zooms', async () => {
    const browser = browserOf();
    const folder = mkdtempSync(join(tmpdir(), 'phonemaze-report-'));
    const file = join(folder, 'report.html');
    const inputs = reportInputs(folder);
    execFileSync(process.execPath, [bin, 'report', ...inputs, '-o', file, '--simulate', '300'], {
      stdio: 'pipe',
    });
    const expected = await checkPaths(inputs);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(`file://${file}`);

    for (const flow of expected.flows) {
      const section = page.locator(`section.flow[data-flow="${flow.id}"]`);
      await expect(section.locator('svg.diagram g.node').count()).resolves.toBe(
        Math.min(flowShape(flow).nodes.length, MAX_DRAWN_NODES),
      );
      await expect(section.locator('tr.finding').count()).resolves.toBe(flow.findings.length);
      await expect(section.locator('svg.diagram g.pin').count()).resolves.toBe(
        new Set(flow.findings.map((finding) => finding.node)).size,
      );
      await expect(section.locator('.outcomes').count()).resolves.toBeGreaterThan(0);
      // svg-pan-zoom took the diagram: its buttons are drawn inside it.
      await expect(section.locator('svg.diagram #svg-pan-zoom-controls').count()).resolves.toBe(1);
    }

    // The prompt saying <script> is on the page as text and never ran.
    const xss = page.locator('section.flow[data-flow="xss"]');
    await expect(xss.locator('td.prompt').first().textContent()).resolves.toContain(
      '<script>window.__ran = 1</script>',
    );
    await expect(page.evaluate(() => (globalThis as { __ran?: number }).__ran)).resolves.toBe(
      undefined,
    );

    // Zoom in on a diagram, and pick a finding's node from the table.
    const phoneId = expected.flows.find((flow) => flow.file.includes('4-phone'))?.id as string;
    const diagram = page.locator(`section.flow[data-flow="${phoneId}"]`);
    const before = await diagram.locator('g.viewport').getAttribute('transform');
    await diagram.locator('#svg-pan-zoom-zoom-in').click();
    await expect
      .poll(() => diagram.locator('g.viewport').getAttribute('transform'))
      .not.toBe(before);
    const row = diagram.locator('tr.finding').first();
    const node = await row.getAttribute('data-finding-node');
    await row.click();
    await expect(diagram.locator(`g.node.picked`).getAttribute('data-node')).resolves.toBe(node);

    // A folded flow too wide to read when fitted starts with its way to a human in view: the
    // start and the person both inside the box.
    const folded = page.locator('section.flow[data-flow="generated-1000"]');
    await expect(folded.locator('.folded-nodes').count()).resolves.toBe(1);
    const box = await folded.locator('.diagram-box').boundingBox();
    const start = await folded.locator('g.node[data-start]').boundingBox();
    const person = await folded.locator('g.node.on-way[data-type="agent"]').first().boundingBox();
    expect(start && box && person).toBeTruthy();
    if (start && box && person) {
      for (const node of [start, person]) {
        expect(node.x).toBeGreaterThan(box.x);
        expect(node.x + node.width).toBeLessThan(box.x + box.width);
        expect(node.y).toBeGreaterThan(box.y);
        expect(node.y + node.height).toBeLessThan(box.y + box.height);
      }
    }

    mkdirSync(join(root, 'test-results'), { recursive: true });
    await diagram.screenshot({ path: screenshot });
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
