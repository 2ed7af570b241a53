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

function stepsHistogram(result: ProfileResult): string {
  const most = Math.max(1, ...result.histogram);
  const width = 8;
  const height = 60;
  const bars = result.histogram.map((count, steps) => {
    const barHeight = (count / most) * height;
    return `<rect x="${steps * width}" y="${(height - barHeight).toFixed(1)}" width="${width - 1}" height="${barHeight.toFixed(1)}"><title>${plural(steps, 'step')}: ${plural(count, 'caller')}</title></rect>`;
  });
  const total = result.histogram.length * width;
  return `<svg class="histogram" viewBox="0 0 ${total} ${height}" width="${Math.min(BAR_WIDTH, total * 2)}" height="${height}" preserveAspectRatio="none" role="img" aria-label="Steps taken by ${escapeText(result.profile)}">${bars.join('')}</svg>`;
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
