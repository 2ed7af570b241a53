import { Text } from 'ink';
import { useEffect, useState } from 'react';

export interface PlaybackBarProps {
  /** How long the prompt plays, in seconds. */
  readonly seconds: number;
  /** Characters the bar spans. */
  readonly width: number;
}

/** How far the prompt has played; the caller may press keys at any time (barge-in). */
export function PlaybackBar({ seconds, width }: PlaybackBarProps) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const now = (Date.now() - started) / 1000;
      setElapsed(Math.min(now, seconds));
      if (now >= seconds) clearInterval(timer);
    }, 200);
    return () => clearInterval(timer);
  }, [seconds]);
  const done = seconds <= 0 ? width : Math.round((elapsed / seconds) * width);
  return (
    <Text>
      <Text color="cyan">{'█'.repeat(done)}</Text>
      <Text dimColor>{'░'.repeat(Math.max(0, width - done))}</Text>
      <Text dimColor>{` ${Math.round(elapsed)}/${Math.round(seconds)} s`}</Text>
    </Text>
  );
}
