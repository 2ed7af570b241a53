import { Text } from 'ink';
import type { MirrorNote } from '../live/mirror.js';

export interface LiveNoteProps {
  /** How the running app answered the same inputs; undefined while it has not answered yet. */
  readonly note: MirrorNote | undefined;
  /** The app's URL, as the tester gave it. */
  readonly url: string;
}

/** What the running app did with the walk's inputs: a quiet line when it agrees, a warning when not. */
export function LiveNote({ note, url }: LiveNoteProps) {
  if (!note) return <Text dimColor>{`app ${url}: calling…`}</Text>;
  if (note.agrees) return <Text dimColor>{`app ${url}: the same (${note.where})`}</Text>;
  return (
    <Text color="magenta" wrap="wrap">{`✗ app ${url}: ${note.difference} (${note.where})`}</Text>
  );
}
