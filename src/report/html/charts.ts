/** Simulated callers on the page: per profile, what became of them, and how many steps they took. */

import { plural } from '../../flow/words.js';
import type { CallerEnd, ProfileResult } from '../../simulate/simulate.js';
import { escapeText } from './escape.js';

/** Where calls ended, in the order a reader weighs them, with the words the page uses. */
const OUTCOMES: readonly { readonly end: CallerEnd; readonly words: string }[] = [
  { end: 'human', words: 'reached a human' },
  { end: 'abandoned', words: 'abandoned' },
  { end: 'disconnected', words: 'disconnected by the system' },
  { end: 'ended', words: 'other end' },
];

const BAR_WIDTH = 560;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function outcomeBar(result: ProfileResult): string {
  let x = 0;
  const parts = OUTCOMES.map(({ end, words }) => {
    const width = result.share[end] * BAR_WIDTH;
    const part = `<rect class="outcome-${end}" x="${x.toFixed(1)}" y="0" width="${width.toFixed(1)}" height="22"><title>${words}: ${percent(result.share[end])}</title></rect>`;
    x += width;
    return part;
  });
  return `<svg class="outcomes" viewBox="0 0 ${BAR_WIDTH} 22" width="${BAR_WIDTH}" height="22" role="img" aria-label="Outcomes of ${escapeText(result.profile)}">${parts.join('')}</svg>`;
}

/** Callers by the steps they took, with its axes named: steps across, callers up. */
function stepsHistogram(result: ProfileResult): string {
  const most = Math.max(1, ...result.histogram);
  const barWidth = 8;
  const height = 60;
  const left = 44;
  const below = 28;
  const bars = result.histogram.map((count, steps) => {
    const barHeight = (count / most) * height;
    return `<rect x="${left + steps * barWidth}" y="${(height - barHeight).toFixed(1)}" width="${barWidth - 1}" height="${barHeight.toFixed(1)}"><title>${plural(steps, 'step')}: ${plural(count, 'caller')}</title></rect>`;
  });
  const last = Math.max(0, result.histogram.length - 1);
  const width = left + Math.max(result.histogram.length, 10) * barWidth + 8;
  const axes = [
    `<line class="axis" x1="${left - 2}" y1="${height}" x2="${width}" y2="${height}"/>`,
    `<line class="axis" x1="${left - 2}" y1="0" x2="${left - 2}" y2="${height}"/>`,
    `<text class="tick" x="${left - 6}" y="8" text-anchor="end">${most}</text>`,
    `<text class="tick" x="${left - 6}" y="${height}" text-anchor="end">0</text>`,
    `<text class="tick" x="${left + barWidth / 2}" y="${height + 12}" text-anchor="middle">0</text>`,
    `<text class="tick" x="${left + last * barWidth + barWidth / 2}" y="${height + 12}" text-anchor="middle">${last}</text>`,
    `<text class="axis-label" x="${left + ((last + 1) * barWidth) / 2}" y="${height + 25}" text-anchor="middle">steps taken</text>`,
    `<text class="axis-label" x="10" y="${height / 2}" text-anchor="middle" transform="rotate(-90 10 ${height / 2})">callers</text>`,
  ];
  return `<svg class="histogram" viewBox="0 0 ${width} ${height + below}" width="${Math.min(BAR_WIDTH, width * 2)}" height="${(height + below) * 1.5}" role="img" aria-label="Steps taken by ${escapeText(result.profile)}: callers (up) by steps taken (across)">${axes.join('')}${bars.join('')}</svg>`;
}

/** Each profile's outcomes as a bar of shares, its figures, and a histogram of steps. */
export function simulationCharts(results: readonly ProfileResult[], callers: number): string {
  const legend = OUTCOMES.map(
    ({ end, words }) => `<span class="key"><i class="outcome-${end}"></i>${words}</span>`,
  ).join(' ');
  const rows = results.map(
    (result) => `<div class="profile" data-profile="${escapeText(result.profile)}">
<h4>${escapeText(result.profile)} <small>${result.callers} callers</small></h4>
${outcomeBar(result)}
<p class="shares">reached their goal <b>${percent(result.share.goal)}</b> · ${OUTCOMES.map(({ end, words }) => `${words} <b>${percent(result.share[end])}</b>`).join(' · ')}</p>
<p class="shares">steps: median ${result.steps.median}, 90th percentile ${result.steps.p90} · seconds: median ${result.seconds.median.toFixed(0)}, 90th percentile ${result.seconds.p90.toFixed(0)}</p>
${stepsHistogram(result)}
</div>`,
  );
  return `<section class="simulation"><h3>Simulated callers (${callers})</h3><p class="legend">${legend}</p>${rows.join('\n')}</section>`;
}
