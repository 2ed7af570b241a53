/**
 * `phonemaze report`'s page: one self-contained HTML file (styles and scripts inline, no fonts,
 * nothing fetched; its Content-Security-Policy forbids fetching), one section per flow.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FlowReport } from '../../analysis/check.js';
import { flowShape } from '../../analysis/shape.js';
import { describeConditions } from '../../flow/conditions.js';
import { formatProblem } from '../../flow/problems.js';
import type { ProfileResult } from '../../simulate/simulate.js';
import { humanHeadline, plural, type Report } from '../report.js';
import { simulationCharts } from './charts.js';
import { diagramSvg } from './diagram.js';
import { escapeText, inlineScript } from './escape.js';
import { layoutFlow } from './layout.js';
import { PHONE_SCRIPT, phoneEngineSource, phoneSection } from './phone/phone.js';
import { PAGE_STYLE } from './style.js';

export interface FlowSimulation {
  readonly callers: number;
  readonly results: readonly ProfileResult[];
}

export interface PageOptions {
  /** Simulated callers by flow file, for `--simulate`. */
  readonly simulations?: ReadonlyMap<string, FlowSimulation>;
  readonly title?: string;
  /**
   * For `report --watch`: the page asks the server it came from (and nothing else) to say when
   * a flow was saved, and reloads.
   */
  readonly liveReload?: boolean;
}

/** The policy's name for an inline script: its SHA-256, as CSP Level 2 writes it. */
function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** Reloads the page when `report --watch` says a flow changed; the server is the page's own. */
const LIVE_RELOAD = `new EventSource('/events').addEventListener('message', function () { location.reload(); });`;

let panZoom: string | undefined;
/** svg-pan-zoom's browser build, put inline: the page loads nothing from anywhere. */
function panZoomSource(): string {
  panZoom ??= readFileSync(
    createRequire(import.meta.url).resolve('svg-pan-zoom/dist/svg-pan-zoom.min.js'),
    'utf8',
  );
  return panZoom;
}

/**
 * Each diagram starts fitted to its box, so the whole flow and its way to a human are in view.
 * One too large to read that way starts fitted to the way to a human (the start, each node on
 * the way, the person) where that way reads larger, to be panned and zoomed from there.
 */
const START_PAN_ZOOM = `var READABLE = 0.8;
document.querySelectorAll('svg.diagram').forEach(function (svg) {
  var diagram = svgPanZoom(svg, { viewportSelector: '.viewport', controlIconsEnabled: true, fit: true, center: true, minZoom: 0.05, maxZoom: 100 });
  var sizes = diagram.getSizes();
  var fitted = sizes.realZoom;
  if (fitted >= READABLE / 2) return;
  var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  svg.querySelectorAll('g.node.on-way, g.node[data-start]').forEach(function (node) {
    var box = node.getBBox();
    left = Math.min(left, box.x); top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width); bottom = Math.max(bottom, box.y + box.height);
  });
  if (!isFinite(left)) return;
  var zoom = Math.min(READABLE, sizes.width / (right - left + 96), sizes.height / (bottom - top + 96));
  if (zoom <= fitted) return;
  diagram.zoom(zoom / fitted);
  diagram.pan({ x: sizes.width / 2 - zoom * (left + right) / 2, y: sizes.height / 2 - zoom * (top + bottom) / 2 });
});
document.querySelectorAll('[data-finding-node]').forEach(function (row) {
  row.addEventListener('click', function () {
    var section = row.closest('section.flow');
    section.querySelectorAll('.node.picked').forEach(function (node) { node.classList.remove('picked'); });
    section.querySelectorAll('.node').forEach(function (node) {
      if (node.getAttribute('data-node') === row.getAttribute('data-finding-node')) node.classList.add('picked');
    });
  });
});`;

function figures(flow: FlowReport): string {
  const errors = flow.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = flow.findings.length - errors;
  const human = flow.human.reachable
    ? `${plural(flow.human.minSteps ?? 0, 'step')}, ${flow.human.minSeconds} s`
    : 'no way';
  const cells: [string, string, string][] = [
    ['to-human', 'To a human', human],
    ['depth', 'Deepest menu', String(flow.stats.maxDepth)],
    ['nodes', 'Nodes', `${flow.stats.nodes} (${plural(flow.stats.menus, 'menu')})`],
    ['errors', 'Errors', String(errors)],
    ['warnings', 'Warnings', String(warnings)],
  ];
  return `<dl class="figures">${cells
    .map(
      ([name, label, value]) =>
        `<div class="figure figure-${name}"><dt>${label}</dt><dd>${escapeText(value)}</dd></div>`,
    )
    .join('')}</dl>
<p class="way">The way to a human: ${escapeText(humanHeadline(flow))}.</p>
${byConditions(flow)}`;
}

/** The condition values that change the way to a human, when some do. */
function byConditions(flow: FlowReport): string {
  if (!flow.byConditions || flow.byConditions.length === 0) return '';
  const rows = flow.byConditions.map(
    (each) =>
      `<tr><td>${escapeText(describeConditions(each.conditions))}</td><td>${
        each.reachable
          ? `${plural(each.minSteps ?? 0, 'step')}, ${each.minSeconds} s`
          : 'no human can be reached'
      }</td></tr>`,
  );
  const more = flow.byConditionsLeftOut
    ? `<p class="by-conditions-more">And ${plural(flow.byConditionsLeftOut, 'more value')} that change the way.</p>`
    : '';
  return `<table class="by-conditions"><thead><tr><th>When</th><th>To a human</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function findingsTable(flow: FlowReport): string {
  if (flow.findings.length === 0) return '<p class="no-findings">No findings.</p>';
  const rows = flow.findings.map(
    (finding) =>
      `<tr class="finding finding-${finding.severity}" data-finding-node="${escapeText(finding.node)}" data-rule="${finding.rule}"><td>${finding.line}:${finding.column}</td><td>${finding.severity}</td><td><code>${escapeText(finding.node)}</code></td><td>${escapeText(finding.message)}</td><td><code>${finding.rule}</code></td></tr>`,
  );
  return `<table class="findings"><thead><tr><th>At</th><th>Severity</th><th>Node</th><th>Finding</th><th>Rule</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Prompts listed at most: a page for a flow of 20,000 menus must still open. */
const MAX_PROMPTS_LISTED = 1000;

function promptsTable(flow: FlowReport): string {
  const spoken = flowShape(flow).nodes.filter((node) => node.prompt !== undefined);
  const rows = spoken
    .slice(0, MAX_PROMPTS_LISTED)
    .map(
      (node) =>
        `<tr><td><code>${escapeText(node.id)}</code></td><td>${node.type}</td><td>${node.steps ?? '–'}</td><td class="prompt">${escapeText(node.prompt ?? '')}</td></tr>`,
    );
  const more =
    spoken.length > rows.length
      ? `<p class="more-prompts">and ${spoken.length - rows.length} more prompts, not listed.</p>`
      : '';
  return `<details class="prompts"><summary>Prompts (${spoken.length})</summary>${more}<table><thead><tr><th>Node</th><th>Type</th><th>Steps</th><th>Prompt</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

const LEGEND = `<p class="legend">
<span class="key"><svg width="22" height="14"><rect x="1" y="1" width="20" height="12" rx="3"/></svg>menu or input</span>
<span class="key"><svg width="22" height="14"><rect x="1" y="1" width="20" height="12" rx="6"/></svg>message</span>
<span class="key"><svg width="22" height="14"><polygon points="11,1 21,7 11,13 1,7"/></svg>branch</span>
<span class="key"><svg width="22" height="14"><ellipse cx="11" cy="7" rx="10" ry="6"/></svg>agent</span>
<span class="key"><svg width="22" height="14"><polygon points="4,1 21,1 18,13 1,13"/></svg>transfer</span>
<span class="key"><svg width="22" height="14"><polygon points="5,1 17,1 21,5 21,9 17,13 5,13 1,9 1,5"/></svg>hang-up</span>
<span class="key way">— the way to a human</span>
<span class="key">shade: steps from the start, light (near) to dark (far)</span>
</p>`;

function flowSection(flow: FlowReport, index: number, simulation?: FlowSimulation): string {
  const diagram = layoutFlow(flow);
  const folded = diagram.folded
    ? `<p class="folded-nodes">${diagram.folded} of ${flowShape(flow).nodes.length} nodes are folded away: the diagram shows the way to a human, every node with a finding, and the nodes nearest the start.</p>`
    : '';
  return `<section class="flow" id="flow-${index}" data-flow="${escapeText(flow.id)}">
<h2>${escapeText(flow.title ?? flow.id)} <small>${escapeText(flow.file)}</small></h2>
${figures(flow)}
${LEGEND}
<div class="diagram-box">${diagramSvg(flow, index, diagram)}</div>
${folded}
${phoneSection(flow, index)}
<h3>Findings</h3>
${findingsTable(flow)}
${simulation ? simulationCharts(simulation.results, simulation.callers) : ''}
${promptsTable(flow)}
</section>`;
}

/** The whole page for a report. Pure: the same report gives the same page. */
export function htmlPage(report: Readonly<Report>, options: PageOptions = {}): string {
  const title = options.title ?? 'phonemaze report';
  // Only these scripts may run: the policy names each by its hash, never 'unsafe-inline'.
  const scripts = [
    panZoomSource(),
    START_PAN_ZOOM,
    phoneEngineSource(),
    PHONE_SCRIPT,
    ...(options.liveReload ? [LIVE_RELOAD] : []),
  ].map(inlineScript);
  const invalid = report.invalid.length
    ? `<section class="invalid"><h2>Files that are not valid flows</h2><ul>${report.invalid
        .flatMap((file) =>
          file.problems.map(
            (problem) => `<li><code>${escapeText(formatProblem(problem))}</code></li>`,
          ),
        )
        .join('')}</ul></section>`
    : '';
  const contents = report.flows
    .map(
      (flow, index) => `<li><a href="#flow-${index}">${escapeText(flow.title ?? flow.id)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${scripts.map(scriptHash).join(' ')}; img-src data:${options.liveReload ? "; connect-src 'self'" : ''}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="phonemaze ${escapeText(report.tool.version)}">
<title>${escapeText(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${escapeText(title)}</h1>
<p class="summary">${plural(report.summary.flows, 'flow')} · ${plural(report.summary.errors, 'error')} · ${plural(report.summary.warnings, 'warning')}${report.summary.invalid ? ` · ${report.summary.invalid} not valid` : ''}</p>
<nav><ul>${contents}</ul></nav></header>
<main>
${invalid}
${report.flows.map((flow, index) => flowSection(flow, index, options.simulations?.get(flow.file))).join('\n')}
</main>
${scripts.map((script) => `<script>${script}</script>`).join('\n')}
</body>
</html>
`;
}
