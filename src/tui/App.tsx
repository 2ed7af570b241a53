import { useState } from 'react';
import type { Flow } from '../flow/types.js';
import type { LiveMirror } from '../live/mirror.js';
import { WalkSession } from '../walk/session.js';
import { ConditionPicker } from './ConditionPicker.js';
import { Walker } from './Walker.js';

export interface AppProps {
  readonly flow: Flow;
  /** Condition values from `--set`; the others are asked for first. */
  readonly conditions: Readonly<Record<string, string>>;
  /** Told of the walk once it starts, so the command can record it when the walker closes. */
  readonly onSession?: (session: WalkSession) => void;
  /** A running app that gets the same inputs (`walk --against`): its URL, and how to follow it under the chosen conditions. */
  readonly live?: {
    readonly url: string;
    readonly mirrorFor: (conditions: Readonly<Record<string, string>>) => LiveMirror;
  };
}

/** The walker's root: it only picks the layout, the condition picker or the call. */
export function App({ flow, conditions, onSession, live }: AppProps) {
  const missing = Object.fromEntries(
    Object.entries(flow.conditions).filter(([name]) => !(name in conditions)),
  );
  const [walk, setWalk] = useState<{ session: WalkSession; mirror?: LiveMirror } | undefined>(() =>
    Object.keys(missing).length === 0 ? start(conditions) : undefined,
  );
  function start(values: Readonly<Record<string, string>>) {
    const session = new WalkSession(flow, values);
    onSession?.(session);
    return live ? { session, mirror: live.mirrorFor(session.conditions) } : { session };
  }
  if (!walk)
    return (
      <ConditionPicker
        conditions={missing}
        onChosen={(chosen) => setWalk(start({ ...conditions, ...chosen }))}
      />
    );
  return (
    <Walker
      session={walk.session}
      {...(live && walk.mirror ? { live: { mirror: walk.mirror, url: live.url } } : {})}
    />
  );
}
