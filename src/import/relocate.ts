/**
 * An imported flow's positions moved from the YAML the loader read to the user's own file, so
 * that every finding and every error lands on the block it is about.
 */
import type {
  Flow,
  FlowNode,
  Handler,
  ListeningNode,
  MenuOption,
  SourcePosition,
} from '../flow/types.js';
import type { ImportedFlow } from './document.js';

export function relocate(flow: Flow, imported: ImportedFlow, file: string): Flow {
  const flowAt = imported.at.get('flow') ?? { line: 1, column: 1 };
  const nodes = new Map<string, FlowNode>();
  for (const [id, node] of flow.nodes) nodes.set(id, relocateNode(node, imported, flowAt));
  return {
    ...flow,
    file,
    nodes,
    conditionsAt: Object.fromEntries(Object.keys(flow.conditions).map((name) => [name, flowAt])),
    at: flowAt,
    imported: {
      format: imported.format,
      approximated: imported.approximated,
      unknown: imported.unknown,
      ...(imported.joined.length > 0 ? { joined: imported.joined } : {}),
    },
  };
}

function relocateNode(node: FlowNode, imported: ImportedFlow, flowAt: SourcePosition): FlowNode {
  const at = imported.at.get(`node ${node.id}`) ?? flowAt;
  if (node.type !== 'menu' && node.type !== 'input') return { ...node, at };
  const handler = (kind: 'noMatch' | 'noInput'): Handler => ({
    ...node[kind],
    at: imported.at.get(`handler ${node.id} ${kind}`) ?? at,
  });
  const listening: ListeningNode =
    node.type === 'menu'
      ? {
          ...node,
          options: node.options.map(
            (option, index): MenuOption => ({
              ...option,
              at: imported.at.get(`option ${node.id} ${index}`) ?? at,
            }),
          ),
        }
      : node;
  return { ...listening, at, noMatch: handler('noMatch'), noInput: handler('noInput') };
}
