import { Box, Text } from 'ink';
import type { MenuOption } from '../flow/types.js';

export interface OptionsProps {
  readonly options: readonly MenuOption[];
}

/** The current menu's options: key, phrases, where they lead. */
export function Options({ options }: OptionsProps) {
  return (
    <Box flexDirection="column">
      {options.map((option, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options have no id of their own
        <Text key={i}>
          <Text bold>{(option.key ?? '·').padStart(4)}</Text>
          {option.say.length > 0 ? <Text dimColor>{` "${option.say.join('", "')}"`}</Text> : null}
          {` → ${option.to ?? 'repeat'}`}
        </Text>
      ))}
    </Box>
  );
}
