import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useState } from 'react';

export interface ConditionPickerProps {
  /** The conditions still to choose, with their values. */
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** Called once every condition has a value. */
  readonly onChosen: (values: Record<string, string>) => void;
}

/** Asks for each condition's value in turn, before the call starts. */
export function ConditionPicker({ conditions, onChosen }: ConditionPickerProps) {
  const names = Object.keys(conditions);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const name = names[Object.keys(chosen).length];
  if (name === undefined) return null;
  return (
    <Box flexDirection="column">
      <Text bold>{`Which value of ${name} for this call?`}</Text>
      <SelectInput
        items={(conditions[name] ?? []).map((value) => ({ label: value, value }))}
        onSelect={(item) => {
          const next = { ...chosen, [name]: item.value };
          if (Object.keys(next).length === names.length) onChosen(next);
          else setChosen(next);
        }}
      />
    </Box>
  );
}
