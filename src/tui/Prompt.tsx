import { Box, Text } from 'ink';
import type { Heard } from '../call/call.js';
import { PlaybackBar } from './PlaybackBar.js';

export interface PromptProps {
  /** What the caller heard after their last input, the current prompt last. */
  readonly heard: readonly Heard[];
  /** How long the current prompt plays. */
  readonly seconds: number;
  readonly width: number;
}

/** The prompts as text, with a playback bar under the current one. */
export function Prompt({ heard, seconds, width }: PromptProps) {
  const earlier = heard.slice(0, -1);
  const current = heard.at(-1);
  return (
    <Box flexDirection="column">
      {earlier.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: prompts can repeat; order is the identity
        <Text key={i} dimColor wrap="wrap">{`“${h.prompt}”`}</Text>
      ))}
      {current ? <Text wrap="wrap">{`“${current.prompt}”`}</Text> : null}
      {current ? (
        <PlaybackBar
          key={heard.length + current.prompt}
          seconds={seconds}
          width={Math.max(10, Math.min(40, width - 12))}
        />
      ) : null}
    </Box>
  );
}
