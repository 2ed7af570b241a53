/** `--set condition=value` and the other `name=value` options, read one way for every command. */
import { ConditionError } from '../flow/conditions.js';

/** Thrown for a `name=value` option written otherwise. */
export class PairError extends Error {
  override name = 'PairError';
}

/** `name=value` pairs; a name given twice with two values is refused rather than one silently kept. */
export function parsePairs(
  settings: readonly string[],
  flag: string,
  shape: string,
  example: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const setting of settings) {
    const at = setting.indexOf('=');
    const name = setting.slice(0, Math.max(0, at)).trim();
    const value = setting.slice(at + 1).trim();
    if (at <= 0 || name === '' || value === '') {
      throw new PairError(`${flag} takes ${shape}, such as ${flag} ${example}, not "${setting}".`);
    }
    if (Object.hasOwn(values, name) && values[name] !== value) {
      throw new PairError(
        `${flag} gives ${name} twice (${values[name]} and ${value}); give each one value.`,
      );
    }
    values[name] = value;
  }
  return values;
}

/** The values given with `--set`. */
export function parseSet(settings: readonly string[]): Record<string, string> {
  try {
    return parsePairs(settings, '--set', 'condition=value', 'hours=closed');
  } catch (error) {
    throw error instanceof PairError ? new ConditionError(error.message) : error;
  }
}
