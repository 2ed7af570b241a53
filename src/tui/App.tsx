import { useState } from 'react';
import type { Flow } from '../flow/types.js';
import { WalkSession } from '../walk/session.js';
import { ConditionPicker } from './ConditionPicker.js';
import { Walker } from './Walker.js';

export interface AppProps {
  readonly flow: Flow;
  /** Condition values from `--set`; the others are asked for first. */
  readonly conditions: Readonly<Record<string, string>>;
  /** Told of the walk once it starts, so the command can record it when the walker closes. */
  readonly onSession?: (session: WalkSession) => void;
}

/** The walker's root: it only picks the layout, the condition picker or the call. */
export function App({ flow, conditions, onSession }: AppProps) {
  const missing = Object.fromEntries(
    Object.entries(flow.conditions).filter(([name]) => !(name in conditions)),
  );
  const [session, setSession] = useState<WalkSession | undefined>(() =>
    Object.keys(missing).length === 0 ? start(conditions) : undefined,
  );
  function start(values: Readonly<Record<string, string>>): WalkSession {
    const created = new WalkSession(flow, values);
    onSession?.(created);
    return created;
  }
  if (!session)
    return (
      <ConditionPicker
        conditions={missing}
        onChosen={(chosen) => setSession(start({ ...conditions, ...chosen }))}
      />
    );
  return <Walker session={session} />;
}
