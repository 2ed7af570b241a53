import { Text } from 'ink';
import { BINDINGS } from './keys.js';

/** The keys, from the bindings table. */
export function HelpBar() {
  return (
    <Text dimColor wrap="wrap">
      {BINDINGS.map((binding) => `${binding.keys} ${binding.does}`).join(' · ')}
    </Text>
  );
}
