/** Counting things in words, one way everywhere: "1 step", "2 steps". */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}
