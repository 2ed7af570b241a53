/** `--set condition=value`, read one way for every command that takes it. */
import { ConditionError } from '../flow/conditions.js';

/** The values given with `--set`; a condition set twice is refused rather than one silently kept. */
export function parseSet(settings: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const setting of settings) {
    const at = setting.indexOf('=');
    const name = setting.slice(0, Math.max(0, at)).trim();
    const value = setting.slice(at + 1).trim();
    if (at <= 0 || name === '' || value === '') {
      throw new ConditionError(
        `--set takes condition=value, such as --set hours=closed, not "${setting}".`,
      );
    }
    if (Object.hasOwn(values, name) && values[name] !== value) {
      throw new ConditionError(
        `--set gives ${name} twice (${values[name]} and ${value}); give each condition one value.`,
      );
    }
    values[name] = value;
  }
  return values;
}
