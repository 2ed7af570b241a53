import { type Key, useInput } from 'ink';
import { useCallback, useRef } from 'react';
import { type KeyPress, keysIn } from './keys.js';

/**
 * Hears every key, one at a time. ink's `useInput` subscribes again whenever its handler
 * changes, after the screen paints, and a key arriving in between is lost; this handler never
 * changes (it calls the latest one through a ref), so nothing typed fast is dropped.
 */
export function useKeys(onKey: (key: KeyPress) => void): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  const hear = useCallback((input: string, key: Key) => {
    for (const one of keysIn({ ...key, input })) latest.current(one);
  }, []);
  useInput(hear);
}
