/** The page's styles, inline: system fonts only, nothing loaded. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #cbd5e1; --way: #16a34a; --error: #dc2626; --warning: #d97706; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
header, main { max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
header h1 { margin: 8px 0 4px; font-size: 24px; }
nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; list-style: none; }
section.flow, section.invalid { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 0 0 24px; }
h2 small { color: var(--muted); font-weight: normal; font-size: 13px; margin-left: 8px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 8px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; min-width: 120px; }
.figure dt { color: var(--muted); font-size: 12px; } .figure dd { margin: 0; font-size: 18px; font-weight: 600; }
.figure-errors dd { color: var(--error); } .figure-warnings dd { color: var(--warning); }
.legend { color: var(--muted); font-size: 12px; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.legend svg { vertical-align: middle; margin-right: 4px; fill: #dbeafe; stroke: #334155; }
.legend .way { color: var(--way); font-weight: 600; }
.diagram-box { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: #fff; }
svg.diagram { display: block; font: 12px system-ui, sans-serif; }
.node > rect, .node > ellipse, .node > polygon { stroke: #334155; stroke-width: 1.2; }
.node.on-way > rect, .node.on-way > ellipse, .node.on-way > polygon { stroke: var(--way); stroke-width: 3; }
.node.picked > rect, .node.picked > ellipse, .node.picked > polygon { stroke: #7c3aed; stroke-width: 4; }
.node text { text-anchor: middle; fill: var(--ink); } .node text.id { font-weight: 600; } .node text.kind { font-size: 10px; fill: #334155; }
.node-disconnected > polygon { stroke-dasharray: 4 3; stroke: var(--error); }
.move polyline { fill: none; stroke: #94a3b8; stroke-width: 1.2; }
.move-noMatch polyline, .move-noInput polyline { stroke-dasharray: 5 4; }
.move.on-way polyline { stroke: var(--way); stroke-width: 3; }
.move-label { font-size: 10px; fill: #475569; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.pin circle { stroke: #fff; stroke-width: 1.5; } .pin text { fill: #fff; font-size: 10px; font-weight: 700; }
.pin-error circle { fill: var(--error); } .pin-warning circle { fill: var(--warning); }
.folded-nodes, .more-prompts { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
tr.finding { cursor: pointer; } tr.finding:hover { background: #f1f5f9; }
.finding-error td:nth-child(2) { color: var(--error); font-weight: 600; } .finding-warning td:nth-child(2) { color: var(--warning); font-weight: 600; }
td.prompt { white-space: pre-wrap; }
table.by-conditions { width: auto; margin: 0 0 8px; }
.simulation .profile { margin: 12px 0; } .simulation h4 { margin: 0 0 4px; } .shares { margin: 4px 0; font-size: 13px; }
.outcome-goal { fill: #16a34a; background: #16a34a; } .outcome-human { fill: #65a30d; background: #65a30d; }
.outcome-abandoned { fill: #d97706; background: #d97706; } .outcome-disconnected { fill: #dc2626; background: #dc2626; }
.outcome-ended { fill: #94a3b8; background: #94a3b8; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
svg.histogram rect { fill: #3b82f6; }
.phone { margin: 0.75rem 0; } .call-button { font-weight: 600; padding: 0.35rem 1.2rem; border-radius: 999px; border: 1px solid #15803d; background: #dcfce7; cursor: pointer; }
.phone-panel { border: 1px solid var(--line, #cbd5e1); border-radius: 8px; padding: 0.75rem; margin-top: 0.5rem; max-width: 34rem; }
.keypad { display: grid; grid-template-columns: repeat(3, 3.2rem); gap: 0.4rem; margin: 0.5rem 0; } .keypad .key { font-size: 1.2rem; padding: 0.4rem 0; cursor: pointer; }
.transcript { max-height: 14rem; overflow: auto; padding-left: 1.4rem; } .transcript .caller { color: #1d4ed8; } .phone-outcome { font-weight: 600; }
.node.current > rect, .node.current > ellipse, .node.current > polygon { stroke: #7c3aed; stroke-width: 5; }
.move.taken polyline { stroke: #7c3aed; stroke-width: 3; } svg.histogram .axis { stroke: #94a3b8; stroke-width: 1; } svg.histogram text { font-size: 9px; fill: #475569; } svg.histogram .axis-label { font-size: 10px; fill: #334155; }
`;
