/**
 * What counts as a person, as a project says it (`humans` in the project config): patterns of
 * dialled targets, queues and block types. `*` stands for any characters; `type:X` matches a
 * block of type X.
 */

/** The project's say on people: targets that are transfers after all, and transfers that are people. */
export interface HumanPatterns {
  /** A `<Dial>`, a queue or a block matching one of these is a transfer to another line, not a person. */
  readonly transfers: readonly string[];
  /** A transfer matching one of these reaches a person after all. */
  readonly people: readonly string[];
}

/** Whether a target (a number, a queue's name) or a block type matches one of the patterns. */
export function matchesPattern(
  patterns: readonly string[],
  target: string | undefined,
  blockType?: string,
): boolean {
  return patterns.some((pattern) => {
    if (pattern.startsWith('type:'))
      return blockType !== undefined && pattern.slice(5) === blockType;
    if (target === undefined) return false;
    const text = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${text}$`).test(target);
  });
}
