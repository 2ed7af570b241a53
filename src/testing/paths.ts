/** Generated paths through a flow, as `expect` entries a designer can paste into the flow. */
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { bestWayTo, eventsOf, factsOf } from '../analysis/facts.js';
import { inputForEvent } from '../call/events.js';
import type { Flow } from '../flow/types.js';

export interface GeneratedPath {
  readonly name: string;
  readonly given?: Readonly<Record<string, string>>;
  readonly inputs: readonly string[];
  readonly ends: string;
}

const RESTING = new Set(['menu', 'input', 'agent', 'transfer', 'hangup']);

/**
 * The shortest way to each node a call can rest at (or only to each agent), under the
 * condition values that make it shortest. `value` inputs get a value the node accepts.
 */
export function generatePaths(flow: Flow, to: 'nodes' | 'human' = 'nodes'): GeneratedPath[] {
  const facts = factsOf(flow);
  const { graph } = facts;
  const conditional = Object.keys(flow.conditions).length > 0;
  const paths: GeneratedPath[] = [];
  graph.ids.forEach((id, vertex) => {
    const node = graph.nodes[vertex];
    if (!node || !RESTING.has(node.type) || (to === 'human' && node.type !== 'agent')) return;
    // The condition values with the fewest steps to it, as `check` counts (the first on a tie).
    const way = bestWayTo(facts, facts.steps, vertex);
    if (!way) return;
    const { edges } = way;
    // Each value is one the input node takes, chosen when the graph was made.
    const inputs = eventsOf(edges).map(inputForEvent);
    paths.push({
      name: `${node.type === 'agent' ? 'a human at' : 'reach'} ${id} in ${inputs.length} step${inputs.length === 1 ? '' : 's'}`,
      ...(conditional && Object.keys(way.given).length > 0 ? { given: { ...way.given } } : {}),
      inputs,
      ends: id,
    });
  });
  return paths.sort((a, b) => a.inputs.length - b.inputs.length || a.ends.localeCompare(b.ends));
}

/** The paths as YAML to paste under `expect:`: no aliases, short lists inline. */
export function pathsAsYaml(paths: readonly GeneratedPath[]): string {
  const doc = new Document(paths, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === 'inputs' || key === 'given') && (isSeq(pair.value) || isMap(pair.value)))
        pair.value.flow = true;
    },
  });
  return doc.toString({ flowCollectionPadding: true });
}
