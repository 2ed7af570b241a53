import { Text } from 'ink';

export interface BreadcrumbProps {
  /** Nodes the call rested at, in order. */
  readonly nodes: readonly string[];
}

/** The way so far: main › billing › agent. Long ways keep their end. */
export function Breadcrumb({ nodes }: BreadcrumbProps) {
  const shown = nodes.length > 6 ? ['…', ...nodes.slice(-5)] : nodes;
  return <Text dimColor>{shown.join(' › ')}</Text>;
}
