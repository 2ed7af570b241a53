import { Box, Text, useApp, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { describeInputs } from '../analysis/ways.js';
import { ENTRY_PAUSE_MS, entryComplete } from '../call/entry.js';
import type { CallerEvent } from '../call/events.js';
import { describeConditions } from '../flow/conditions.js';
import { expectedOf, type LiveMirror, type MirrorNote } from '../live/mirror.js';
import type { WalkSession } from '../walk/session.js';
import { describeInput, describeOutcome } from '../walk/words.js';
import { Breadcrumb } from './Breadcrumb.js';
import { Header } from './Header.js';
import { HelpBar } from './HelpBar.js';
import { commandFor, type KeyPress, sayCommandFor } from './keys.js';
import { LiveNote } from './LiveNote.js';
import { Options } from './Options.js';
import { Prompt } from './Prompt.js';
import { useKeys } from './useKeys.js';

export interface WalkerProps {
  /** The walk; the walker sends the caller's inputs to it. */
  readonly session: WalkSession;
  /** A running app to send the same inputs to (`walk --against`), and its URL. */
  readonly live?: { readonly mirror: LiveMirror; readonly url: string };
  /** Show the current menu's options from the start (toggled with `?`). */
  readonly showOptions?: boolean;
}

/** The smallest terminal the call screen fits in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/**
 * The terminal's size, following resizes. When it narrows, the screen is cleared first: the
 * terminal re-wraps the old frame's full-width lines into more rows than ink knows to erase.
 */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  useEffect(() => {
    let columns = stdout.columns || 80;
    const resized = () => {
      const now = stdout.columns || 80;
      if (now < columns && stdout.isTTY) stdout.write('\x1b[2J\x1b[3J\x1b[H');
      columns = now;
      setSize({ columns: now, rows: stdout.rows || 24 });
    };
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout]);
  return size;
}

/** How the running app answered the walk's inputs so far, once it has; follows every step, undo and restart. */
function useLiveNote(
  session: WalkSession,
  mirror: LiveMirror | undefined,
  version: number,
): MirrorNote | undefined {
  const [note, setNote] = useState<MirrorNote | undefined>();
  // `version` is what changes on each step, undo and restart; the session is the same object.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version stands for the session's inputs
  useEffect(() => {
    if (!mirror) return;
    let current = true;
    setNote(undefined);
    mirror.follow(session.events, expectedOf(session.call)).then(
      (answered) => current && setNote(answered),
      (error: Error) =>
        current &&
        setNote({ agrees: false, said: [], where: 'no answer', difference: error.message }),
    );
    return () => {
      current = false;
    };
  }, [mirror, session, version]);
  return note;
}

/** The call screen: the prompt, the options, the way so far, and the caller's keys. */
export function Walker({ session, live, showOptions = true }: WalkerProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [version, setVersion] = useState(0);
  const note = useLiveNote(session, live?.mirror, version);
  const [digits, setDigitsShown] = useState('');
  // Keys arrive faster than renders; the ref holds what was typed, the state shows it.
  const typed = useRef('');
  const setDigits = (value: string) => {
    typed.current = value;
    setDigitsShown(value);
  };
  // The say box, likewise in refs: a pasted "agent" and its Enter arrive together.
  const [phrase, setPhraseShown] = useState<string | undefined>(undefined);
  const typedPhrase = useRef<string | undefined>(undefined);
  const setPhrase = (value: string | undefined) => {
    typedPhrase.current = value;
    setPhraseShown(value);
  };
  const [optionsShown, setOptionsShown] = useState(showOptions);
  const [hint, setHint] = useState<string | undefined>();
  const pause = useRef<NodeJS.Timeout | undefined>(undefined);
  const call = session.call;
  const node = session.flow.nodes.get(call.node);

  const act = (event: CallerEvent) => {
    clearTimeout(pause.current);
    setDigits('');
    setHint(undefined);
    session.send(event);
    setVersion((v) => v + 1);
  };
  // The session changes between renders when keys come fast: read it fresh in handlers.
  const here = () => session.flow.nodes.get(session.call.node);
  const submitDigits = (entry: string) =>
    act(here()?.type === 'input' ? { type: 'enter', value: entry } : { type: 'press', key: entry });
  useEffect(() => () => clearTimeout(pause.current), []);

  const sayKey = (key: KeyPress) => {
    const command = sayCommandFor(key);
    const text = typedPhrase.current ?? '';
    switch (command?.name) {
      case 'type':
        return setPhrase(text + command.text);
      case 'erase':
        return setPhrase(text.slice(0, -1));
      case 'cancel':
        return setPhrase(undefined);
      case 'say':
        setPhrase(undefined);
        if (text.trim()) act({ type: 'say', phrase: text.trim() });
        return;
      case 'quit':
        return exit();
    }
  };

  const dial = (dialled: string) => {
    if (session.call.ended) return;
    // A `#` after digits at an input ends the entry, as "followed by the hash key" asks.
    if (dialled === '#' && typed.current !== '' && here()?.type === 'input') {
      return submitDigits(typed.current);
    }
    const entry = typed.current + dialled;
    if (entryComplete(here(), entry)) return act({ type: 'press', key: entry });
    setDigits(entry);
    clearTimeout(pause.current);
    pause.current = setTimeout(() => submitDigits(entry), ENTRY_PAUSE_MS);
  };

  const callKey = (key: KeyPress) => {
    const command = commandFor(key, typed.current !== '');
    switch (command?.name) {
      case 'dial':
        return dial(command.key);
      case 'submitDigits':
        return submitDigits(typed.current);
      case 'waitOut':
        return session.call.ended ? undefined : act({ type: 'silence' });
      case 'openSay':
        if (!session.call.ended) setPhrase('');
        return;
      case 'toggleOptions':
        return setOptionsShown((shown) => !shown);
      case 'showWayToHuman': {
        const way = session.wayToHuman();
        setHint(
          way === undefined
            ? 'No human can be reached from here.'
            : way.length === 0
              ? 'You are with a human.'
              : `Way to a human: ${describeInputs(way)}`,
        );
        return;
      }
      case 'undo':
        session.undo();
        setDigits('');
        return setVersion((v) => v + 1);
      case 'restart':
        session.restart();
        setDigits('');
        return setVersion((v) => v + 1);
      case 'quit':
        return exit();
    }
  };

  useKeys((key) => (typedPhrase.current !== undefined ? sayKey(key) : callKey(key)));

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Text wrap="wrap">{`The window is too small for the walker (${columns}×${rows}; it needs ${MIN_COLUMNS}×${MIN_ROWS}). Make it larger, or press q to leave.`}</Text>
    );
  }
  const last = call.transcript.at(-1);
  const outcome = call.outcome();
  const rested = call.transcript
    .map((entry) => entry.node)
    .filter((id, i, all) => i === 0 || all[i - 1] !== id);
  const warnings = session.warningsHere();
  const current = node && 'promptSeconds' in node ? node.promptSeconds : 0;
  return (
    <Box flexDirection="column" width={columns}>
      <Header
        title={session.flow.title ?? session.flow.id}
        conditions={describeConditions(session.conditions)}
        steps={call.stepCount}
        seconds={call.secondsInMenus}
        notUnderstood={call.notUnderstoodCount}
      />
      <Breadcrumb nodes={rested} />
      <Box marginY={1} flexDirection="column">
        {last?.input !== undefined ? (
          <Text dimColor>{`You ${describeInput(last.input)}.`}</Text>
        ) : null}
        <Prompt heard={last?.heard ?? []} seconds={current} width={columns} />
      </Box>
      {outcome ? (
        <Text bold color={outcome.kind === 'human' ? 'green' : 'red'}>
          {describeOutcome(outcome, call)}
        </Text>
      ) : null}
      {!outcome && node?.type === 'menu' && optionsShown ? (
        <Options options={node.options} />
      ) : null}
      {!outcome && node?.type === 'input' ? (
        <Text dimColor>Type the digits and press Enter, or s to say it.</Text>
      ) : null}
      {warnings.map((finding) => (
        <Text
          key={`${finding.rule}:${finding.line}:${finding.column}:${finding.message}`}
          color="yellow"
          wrap="wrap"
        >{`⚠ ${finding.rule}: ${finding.message}`}</Text>
      ))}
      {live ? <LiveNote note={note} url={live.url} /> : null}
      {hint ? <Text color="cyan">{hint}</Text> : null}
      {digits ? <Text>{`Keys: ${digits}▌`}</Text> : null}
      {phrase !== undefined ? <Text>{`Say: ${phrase}▌`}</Text> : null}
      <Box marginTop={1}>
        <HelpBar />
      </Box>
    </Box>
  );
}
