import { Box, Text, useApp } from 'ink';
import { useRef, useState } from 'react';
import { pickCommandFor } from './keys.js';
import { useKeys } from './useKeys.js';

export interface ConditionPickerProps {
  /** The conditions still to choose, with their values. */
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** Called once every condition has a value. */
  readonly onChosen: (values: Record<string, string>) => void;
}

interface Choosing {
  readonly chosen: Readonly<Record<string, string>>;
  /** The value under the cursor, for the condition being asked. */
  readonly cursor: number;
}

/** Asks for each condition's value in turn, before the call starts. */
export function ConditionPicker({ conditions, onChosen }: ConditionPickerProps) {
  const { exit } = useApp();
  const names = Object.keys(conditions);
  // Held in a ref as well as shown: "Down Down Enter" can arrive in one chunk, before a render.
  const state = useRef<Choosing>({ chosen: {}, cursor: 0 });
  const [shown, setShown] = useState<Choosing>(state.current);
  const update = (next: Choosing) => {
    state.current = next;
    setShown(next);
  };

  useKeys((key) => {
    const { chosen, cursor } = state.current;
    const name = names[Object.keys(chosen).length];
    if (name === undefined) return;
    const values = conditions[name] ?? [];
    const command = pickCommandFor(key);
    if (command?.name === 'quit') return exit();
    if (command?.name === 'previous') update({ chosen, cursor: Math.max(0, cursor - 1) });
    if (command?.name === 'next')
      update({ chosen, cursor: Math.min(values.length - 1, cursor + 1) });
    if (command?.name === 'choose') {
      const next = { ...chosen, [name]: values[cursor] ?? '' };
      update({ chosen: next, cursor: 0 });
      if (Object.keys(next).length === names.length) onChosen(next);
    }
  });

  const name = names[Object.keys(shown.chosen).length];
  if (name === undefined) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{`Which value of ${name} for this call?`}</Text>
      {(conditions[name] ?? []).map((value, index) => (
        <Text key={value} color={index === shown.cursor ? 'blue' : undefined}>
          {`${index === shown.cursor ? '❯' : ' '} ${value}`}
        </Text>
      ))}
      <Text dimColor>↑ ↓ to choose, Enter to take it</Text>
    </Box>
  );
}
