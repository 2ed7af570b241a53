/** A duration as the format writes it: `5s`, `90s`, `3m`, `1m30s`, `1h`. */
export const DURATION_PATTERN =
  '^\\s*(?:\\d+(?:\\.\\d+)?h)?\\s*(?:\\d+(?:\\.\\d+)?m)?\\s*(?:\\d+(?:\\.\\d+)?s)?\\s*$';

const PARTS = /(\d+(?:\.\d+)?)([hms])/g;
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };

/**
 * Seconds in a duration as the format writes it (`5s`, `3m`, `1m30s`, `90`), or undefined
 * when the text is not a duration. A bare number string counts as seconds.
 */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (text === '' || !new RegExp(DURATION_PATTERN).test(text)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(PARTS)) {
    seconds += Number(amount) * (SECONDS_PER_UNIT[unit ?? 's'] ?? 1);
  }
  return seconds;
}

/** `75` → `1m15s`, as a designer would write it back. */
export function formatDuration(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (rounded < 60) return `${rounded}s`;
  const minutes = Math.floor(rounded / 60);
  const rest = Math.round((rounded - minutes * 60) * 10) / 10;
  return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}
