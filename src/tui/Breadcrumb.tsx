import { Text } from 'ink';
import { DISCONNECTED, HUNG_UP } from '../flow/ends.js';

export interface BreadcrumbProps {
  /** Nodes the call rested at, in order. */
  readonly nodes: readonly string[];
}

/** The machine's own end states, in the words the walker uses for them. */
const SHOWN_AS: Readonly<Record<string, string>> = {
  [DISCONNECTED]: '(disconnected)',
  [HUNG_UP]: '(hung up)',
};

/** The way so far: main › billing › agent. Long ways keep their end. */
export function Breadcrumb({ nodes }: BreadcrumbProps) {
  const named = nodes.map((node) => SHOWN_AS[node] ?? node);
  const shown = named.length > 6 ? ['…', ...named.slice(-5)] : named;
  return <Text dimColor>{shown.join(' › ')}</Text>;
}
