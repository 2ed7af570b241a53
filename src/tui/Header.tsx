import { Box, Text } from 'ink';

export interface HeaderProps {
  readonly title: string;
  /** `hours=open`, or empty without conditions. */
  readonly conditions: string;
  readonly steps: number;
  readonly seconds: number;
  readonly notUnderstood: number;
}

/** The flow's title and the call's counters. */
export function Header({ title, conditions, steps, seconds, notUnderstood }: HeaderProps) {
  return (
    <Box justifyContent="space-between">
      <Text bold>
        {title}
        {conditions ? <Text dimColor>{` (${conditions})`}</Text> : null}
      </Text>
      <Text>
        {`step ${steps} · ${Math.round(seconds)} s`}
        {notUnderstood > 0 ? (
          <Text color="yellow">{` · not understood ${notUnderstood}×`}</Text>
        ) : null}
      </Text>
    </Box>
  );
}
