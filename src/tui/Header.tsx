import { Box, Text } from 'ink';

export interface HeaderProps {
  readonly title: string;
  /** `hours=open`, or empty without conditions. */
  readonly conditions: string;
  readonly steps: number;
  readonly seconds: number;
  readonly notUnderstood: number;
}

/**
 * The flow's title and the call's counters. The counters keep their width; a title too long for
 * the line is cut short, so the two never run together on a narrow terminal.
 */
export function Header({ title, conditions, steps, seconds, notUnderstood }: HeaderProps) {
  return (
    <Box justifyContent="space-between" columnGap={2}>
      <Box flexShrink={1}>
        <Text bold wrap="truncate-end">
          {title}
          {conditions ? <Text dimColor>{` (${conditions})`}</Text> : null}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text>
          {`step ${steps} · ${Math.round(seconds)} s`}
          {notUnderstood > 0 ? (
            <Text color="yellow">{` · not understood ${notUnderstood}×`}</Text>
          ) : null}
        </Text>
      </Box>
    </Box>
  );
}
