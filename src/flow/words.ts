/** Counting things in words, one way everywhere: "1 step", "2 steps". */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/**
 * A written input (`1`, `say: billing`, `silence`, `invalid`, `value: 123`, or a bare `value`)
 * as an instruction and as a thing done: "press 1" / "pressed 1", "wait" / "waited".
 */
function inputInWords(input: string): { readonly todo: string; readonly done: string } {
  if (input === 'silence') return { todo: 'wait', done: 'waited' };
  if (input === 'invalid') return { todo: 'a wrong key', done: 'a wrong input' };
  if (input === 'value') return { todo: 'enter a value', done: 'entered a value' };
  if (input.startsWith('say: ')) {
    const phrase = input.slice(5);
    return { todo: `say "${phrase}"`, done: `said "${phrase}"` };
  }
  if (input.startsWith('value: ')) {
    const value = input.slice(7);
    return { todo: `enter ${value}`, done: `entered ${value}` };
  }
  return { todo: `press ${input}`, done: `pressed ${input}` };
}

/** "press 1, press 0, say \"agent\", wait": a way to take, for a list of inputs. */
export function describeInputs(inputs: readonly string[]): string {
  return inputs.map((input) => inputInWords(input).todo).join(', ');
}

/** "pressed 1": an input the caller gave. */
export function describeInput(input: string): string {
  return inputInWords(input).done;
}
