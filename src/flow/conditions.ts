import type { Flow } from './types.js';

/** Thrown when a call is started with conditions the flow does not declare. */
export class ConditionError extends Error {
  override name = 'ConditionError';
}

/**
 * Every declared condition's value for one call: the given one, else the first declared value.
 * Refuses names and values the flow does not declare, saying which it has.
 */
export function resolveConditions(
  flow: Flow,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  for (const [name, value] of Object.entries(given)) {
    const values = flow.conditions[name];
    if (!values) {
      const known = Object.keys(flow.conditions);
      throw new ConditionError(
        `The flow ${flow.id} has no condition "${name}"${known.length ? `; its conditions are: ${known.join(', ')}` : ''}.`,
      );
    }
    if (!values.includes(value)) {
      throw new ConditionError(
        `"${value}" is not a value of ${name}; its values are: ${values.join(', ')}.`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(flow.conditions).map(([name, values]) => [name, given[name] ?? values[0] ?? '']),
  );
}

/** Every combination of condition values (one empty combination when there are none). */
export function conditionCombinations(flow: Flow): Record<string, string>[] {
  let combinations: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(flow.conditions)) {
    combinations = combinations.flatMap((partial) =>
      values.map((value) => ({ ...partial, [name]: value })),
    );
  }
  return combinations;
}

/** `hours=closed, region=north` */
export function describeConditions(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
}
