/**
 * `npm run bench`: measured in one run, on this machine, printed side by side.
 * 0. Realistic flows: 100 and 1,000 nodes, and a folder of 300, each a fresh `phonemaze check`;
 *    flows of 4 to 40 conditions, against enumerating every combination of their values.
 * 1. Checking generated flows of 100 to 20,000 menus: parse, our analysis, and xstate/graph's
 *    getShortestPaths on the same compiled machine (cut off where it would take minutes).
 * 2. The walker: start to the first prompt, and a key press to the updated screen.
 * 3. A running TwiML app crawled and tested against (live.ts).
 * 4. An Amazon Connect export of a few hundred blocks, read and checked (import.ts).
 * It measures the built package (dist/, built by `npm run bench` first): what users run.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { parseDocument } from 'yaml';
import { checkFlow } from '../dist/analysis/check.js';
import { factsOf } from '../dist/analysis/facts.js';
import { parseCallerInput } from '../dist/flow/caller-input.js';
import { parseFlow } from '../dist/flow/load.js';
import { compile } from '../dist/machine/compile.js';
import { callerEvents, eventForInput, isCompleteCallerEvent } from '../dist/machine/events.js';
import { simulate } from '../dist/simulate/simulate.js';
import { simulateInWorkers, WORKERS_PAY_FROM } from '../dist/simulate/workers.js';
import { App } from '../dist/tui/App.js';
import { enumeratedFactsOf } from '../tests/analysis/enumeration.js';
import { conditionsFlowYaml } from './conditions.js';
import { generatedFlowYaml } from './generate.js';
import { benchImport } from './import.js';
import { benchLive } from './live.js';
import { realisticFlowYaml } from './realistic.js';

const SIZES = [100, 1000, 10_000, 20_000];
const cli = new URL('../bin/phonemaze.js', import.meta.url).pathname;
/** Reports the process's peak memory as it exits. */
const PEAK_ON_EXIT =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("peak "+process.resourceUsage().maxRSS+"\\n"))';

/** `phonemaze check` as CI runs it: a fresh process, start-up and reading the file included. */
function checkInChildProcess(file: string, ...args: string[]): { ms: number; peakMB: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', PEAK_ON_EXIT, cli, ...args, file], {
    encoding: 'utf8',
    // The report of 300 flows is larger than spawnSync's buffer; only the peak is read.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const elapsed = ms(start);
  const peak = /peak (\d+)/.exec(child.stderr)?.[1];
  // 1 is a finding that is an error: a realistic flow has some.
  if (child.status === 2 || child.status === null || !peak)
    throw new Error(`check failed: ${child.stderr}`);
  return { ms: elapsed, peakMB: Number(peak) / 1024 };
}
/** getShortestPaths grows with the square of the states: ~5 s at 3,906 menus, ~2 min at 21,845. */
const GRAPH_CUTOFF_MENUS = 10_000;

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pad = (text: string | number, width: number) => String(text).padStart(width);

const folder = mkdtempSync(join(tmpdir(), 'phonemaze-bench-'));

// The work people have first: a contact centre's flows of about 100 and 1,000 nodes, and a
// repository of 300 of them, each checked as CI does, in a fresh process.
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
/** A file written, then checked three times in fresh processes: the median time and peak. */
function checkedThrice(name: string, text: string) {
  const file = join(folder, name);
  writeFileSync(file, text);
  const runs = [1, 2, 3].map(() => checkInChildProcess(file, 'check'));
  return {
    file,
    ms: median(runs.map((run) => run.ms)),
    peakMB: median(runs.map((run) => run.peakMB)),
  };
}
const realistic = [100, 1000].map((nodes) => ({
  nodes,
  ...checkedThrice(`realistic-${nodes}.yaml`, realisticFlowYaml(nodes, 1)),
}));
const repository = join(folder, 'repository');
mkdirSync(repository);
for (let seed = 1; seed <= 300; seed++) {
  writeFileSync(join(repository, `flow-${seed}.yaml`), realisticFlowYaml(100, seed));
}
const repositoryRuns = [1, 2, 3].map(() => checkInChildProcess(repository, 'check'));
const startUps = [1, 2, 3].map(() => {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, [cli, '--version']);
  return ms(start);
});
// Flows of N two-valued conditions (bench/conditions.ts), each checked in a fresh process.
const CONDITION_COUNTS = [4, 10, 20, 40];
const conditional = CONDITION_COUNTS.map((count) => ({
  count,
  ...checkedThrice(`conditions-${count}.yaml`, conditionsFlowYaml(count)),
}));
// Every fresh-process check runs first, while this process is small and idle: CI runs the
// command on a machine that is not holding (or collecting) what the measurements below fill.
const generated = SIZES.map((menus) => {
  const text = generatedFlowYaml(menus);
  const file = join(folder, `generated-${menus}.yaml`);
  writeFileSync(file, text);
  const cliRuns = [1, 2, 3]
    .map(() => checkInChildProcess(file, 'check'))
    .sort((a, b) => a.ms - b.ms);
  return { menus, file, cliRun: cliRuns[1] as { ms: number; peakMB: number } };
});

console.log(
  'Realistic flows (bench/realistic.ts), `phonemaze check` in a fresh process, median of 3:\n',
);
console.log(
  `${pad('flow', 28)} ${pad('cli ms', 7)} ${pad('cli MB', 7)} ${pad('analysis ms', 12)} ${pad('read ms', 8)} ${pad('yaml-lib read ms', 17)}`,
);
for (const { nodes, file, ms: cliMs, peakMB } of realistic) {
  const text = readFileSync(file, 'utf8');
  const reads: number[] = [];
  const careful: number[] = [];
  const analyses: number[] = [];
  for (let i = 0; i < 9; i++) {
    let start = process.hrtime.bigint();
    const parsed = parseFlow(text, file);
    reads.push(ms(start));
    start = process.hrtime.bigint();
    parseDocument(text, { uniqueKeys: false }).toJS();
    careful.push(ms(start));
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    start = process.hrtime.bigint();
    checkFlow(parsed.flow);
    analyses.push(ms(start));
  }
  console.log(
    `${pad(`${nodes} nodes, ${(text.length / 1024).toFixed(0)} KB`, 28)} ${pad(cliMs.toFixed(0), 7)} ${pad(peakMB.toFixed(0), 7)} ${pad(median(analyses).toFixed(1), 12)} ${pad(median(reads).toFixed(1), 8)} ${pad(median(careful).toFixed(1), 17)}`,
  );
}
console.log(
  `${pad('300 flows of ~100 nodes', 28)} ${pad(median(repositoryRuns.map((run) => run.ms)).toFixed(0), 7)} ${pad(median(repositoryRuns.map((run) => run.peakMB)).toFixed(0), 7)}`,
);
console.log(`
"cli ms": the whole command, of which a fresh process's start-up (\`phonemaze --version\`) is
${median(startUps).toFixed(0)} ms. "analysis ms": checkFlow alone, in this process. "read ms": reading and validating the
file as phonemaze does (js-yaml's event stream, data and positions in one walk); "yaml-lib read
ms": the same text read by the \`yaml\` library's parseDocument and toJS alone, the other
documented way to have every position.`);

// The search of live condition values against enumerating every combination, as before it.
/** 2^N combinations: the enumeration took 9.8 s and 410 MB at N = 16, and ran out of memory at 40. */
const ENUMERATION_CUTOFF = 12;
console.log(
  '\nConditions (bench/conditions.ts: N two-valued conditions in a row, every fifth read again):\n',
);
console.log(
  `${pad('flow', 28)} ${pad('cli ms', 7)} ${pad('cli MB', 7)} ${pad('analysis ms', 12)} ${pad('states', 7)} ${pad('enumerated ms', 14)}`,
);
for (const { count, file, ms: cliMs, peakMB } of conditional) {
  const parsed = parseFlow(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  const analyses: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A fresh copy each time: the analysis remembers its figures per flow.
    const again = parseFlow(readFileSync(file, 'utf8'), file);
    if (!again.ok) break;
    const start = process.hrtime.bigint();
    checkFlow(again.flow);
    analyses.push(ms(start));
  }
  const states = factsOf(parsed.flow).live.points.length;
  let enumerated = `cut off (2^${count})`;
  if (count <= ENUMERATION_CUTOFF) {
    const old = parseFlow(readFileSync(file, 'utf8'), file);
    if (!old.ok) throw new Error(old.problems[0]?.message);
    const start = process.hrtime.bigint();
    enumeratedFactsOf(old.flow);
    enumerated = ms(start).toFixed(1);
  }
  console.log(
    `${pad(`${count} conditions, ${parsed.flow.nodes.size} nodes`, 28)} ${pad(cliMs.toFixed(0), 7)} ${pad(peakMB.toFixed(0), 7)} ${pad(median(analyses).toFixed(1), 12)} ${pad(states, 7)} ${pad(enumerated, 14)}`,
  );
}
console.log(`
"analysis ms": checkFlow, every rule included, in this process; "states": the call states the
search visits; "enumerated ms": the figures alone computed as before the search, over every
combination of values (tests/analysis/enumeration.ts), cut off where it would take minutes.`);

// Measured next, on a fresh heap, before the large flows below fill it.
// Simulated callers: steps per second on one core, against stepping an XState actor.
const phone = parseFlow(
  readFileSync(new URL('../flows/4-phone-computer.as-was.yaml', import.meta.url), 'utf8'),
  'phone.yaml',
);
if (phone.ok) {
  const callers = 200_000;
  let start = process.hrtime.bigint();
  const { results } = simulate(phone.flow, { callers, seed: 1 });
  const simMs = ms(start);
  const simSteps = results.reduce(
    (sum, r) => sum + r.histogram.reduce((s2, count, steps) => s2 + count * steps, 0),
    0,
  );
  const machine = compile(phone.flow);
  const inputs = ['1', 'say: Vertrag', 'say: abschließen', '1', 'say: ja'];
  const walks = 5_000;
  start = process.hrtime.bigint();
  for (let i = 0; i < walks; i++) {
    const actor = createActor(machine, { input: {} }).start();
    for (const input of inputs) {
      const parsedInput = parseCallerInput(input);
      if (parsedInput) actor.send(eventForInput(parsedInput));
    }
    actor.stop();
  }
  const actorMs = ms(start);
  const simRate = simSteps / (simMs / 1000);
  const actorRate = (walks * inputs.length) / (actorMs / 1000);
  console.log(
    `\nSimulated callers (4-phone-computer.as-was): ${callers} callers, ${simSteps} steps in ${simMs.toFixed(0)} ms = ${(simRate / 1e6).toFixed(2)} M steps/s;`,
  );
  console.log(
    `an XState actor (createActor(...).send) on the same flow: ${(actorRate / 1e3).toFixed(0)} k steps/s; ${(simRate / actorRate).toFixed(0)}× faster.`,
  );
}

// Worker threads against one thread: where --workers starts to pay (WORKERS_PAY_FROM).
if (phone.ok) {
  const phoneFile = new URL('../flows/4-phone-computer.as-was.yaml', import.meta.url).pathname;
  console.log('\nSimulation on worker threads (4-phone-computer.as-was), one run each:');
  console.log(
    `${pad('callers', 10)} ${pad('1 thread ms', 12)} ${pad('2 workers ms', 13)} ${pad('ratio', 6)}`,
  );
  for (const callers of [200_000, 1_000_000, 3_000_000]) {
    let start = process.hrtime.bigint();
    simulate(phone.flow, { callers, seed: 1 });
    const one = ms(start);
    start = process.hrtime.bigint();
    await simulateInWorkers(phoneFile, phone.flow, { callers, seed: 1 }, 2);
    const two = ms(start);
    console.log(
      `${pad(callers, 10)} ${pad(one.toFixed(0), 12)} ${pad(two.toFixed(0), 13)} ${pad(`${(one / two).toFixed(2)}×`, 6)}`,
    );
  }
  console.log(
    `"ratio" above 1 means the workers paid; below WORKERS_PAY_FROM (${WORKERS_PAY_FROM}) callers, simulate runs on one thread.`,
  );
}

console.log('\nChecking generated flows (tries 3, two conditions), in one process run:\n');
console.log(
  `${pad('menus', 7)} ${pad('cli ms', 7)} ${pad('cli MB', 7)} ${pad('parse ms', 9)} ${pad('check ms', 9)} ${pad('graph ms', 10)} ${pad('states', 7)} ${pad('ratio', 7)} ${pad('peak MB', 8)}`,
);
for (const { menus, file, cliRun } of generated) {
  peak = 0;
  const text = readFileSync(file, 'utf8');
  let start = process.hrtime.bigint();
  const parsed = parseFlow(text, `generated-${menus}.yaml`);
  const parseMs = ms(start);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  start = process.hrtime.bigint();
  const checked = checkFlow(parsed.flow);
  const checkMs = ms(start);
  if (!checked.ok) throw new Error('check failed');
  let graphMs = 'cut off';
  let states = '–';
  let ratio = '–';
  if (menus <= GRAPH_CUTOFF_MENUS) {
    start = process.hrtime.bigint();
    const paths = getShortestPaths(compile(parsed.flow), {
      input: { conditions: { hours: 'open', region: 'north' } },
      events: callerEvents(parsed.flow),
      filterEvents: (_, event) => isCompleteCallerEvent(event),
      limit: 1_000_000,
    });
    const graph = ms(start);
    graphMs = graph.toFixed(0);
    states = String(paths.length);
    ratio = `${(graph / checkMs).toFixed(0)}×`;
  }
  sample();
  console.log(
    `${pad(menus, 7)} ${pad(cliRun.ms.toFixed(0), 7)} ${pad(cliRun.peakMB.toFixed(0), 7)} ${pad(parseMs.toFixed(0), 9)} ${pad(checkMs.toFixed(0), 9)} ${pad(graphMs, 10)} ${pad(states, 7)} ${pad(ratio, 7)} ${pad((peak / 1024 / 1024).toFixed(0), 8)}`,
  );
}
console.log(`
"cli ms" and "cli MB": \`phonemaze check\` in a fresh process (the median of three runs) and its
peak memory. In this process: "parse ms" reads and validates the file, "check ms" is the whole
analysis (every rule, all four condition combinations), "graph ms" is xstate/graph's
getShortestPaths on the compiled machine for one combination, cut off above ${GRAPH_CUTOFF_MENUS} menus
(it grows with the square of the states: minutes there); "ratio" is graph ms / check ms.`);

// The walker, rendered as the tests render it (no terminal needed).
const flowText = generatedFlowYaml(100);
const flow = parseFlow(flowText, 'walk.yaml');
if (flow.ok) {
  const runs = 20;
  let first = 0;
  let key = 0;
  for (let i = 0; i < runs; i++) {
    let start = process.hrtime.bigint();
    const screen = render(
      createElement(App, { flow: flow.flow, conditions: { hours: 'open', region: 'north' } }),
    );
    while (!screen.lastFrame()?.includes('Menu 0.'))
      await new Promise((resolve) => setImmediate(resolve));
    first += ms(start);
    start = process.hrtime.bigint();
    screen.stdin.write('1');
    while (!screen.lastFrame()?.includes('Menu 1.'))
      await new Promise((resolve) => setImmediate(resolve));
    key += ms(start);
    screen.unmount();
  }
  console.log(
    `\nWalker (mean of ${runs}): start to first prompt ${(first / runs).toFixed(1)} ms; key press to updated screen ${(key / runs).toFixed(1)} ms.`,
  );
}
clearInterval(sampler);
await benchLive();
benchImport();
