/**
 * An imported flow's parts placed in the user's own export, for the flow loader to read the
 * importer's data with: every finding and every error lands on the block it is about.
 */
import type { PartPositions, PathSegment } from '../flow/positions.js';
import type { ImportNotes, SourcePosition } from '../flow/types.js';
import type { ImportedFlow } from './document.js';

/**
 * A node's parts are where its block is, an option or a handler where the importer placed it;
 * anything else (the flow's id, a condition) is where the flow starts in the export.
 */
export function importPositions(imported: ImportedFlow): PartPositions {
  const { at } = imported;
  const flowAt = at.get('flow') ?? { line: 1, column: 1 };
  const placeOf = (path: readonly PathSegment[]): SourcePosition => {
    const [top, id, field, index] = path;
    if (top !== 'nodes' || id === undefined) return flowAt;
    const nodeAt = at.get(`node ${id}`) ?? flowAt;
    if (field === 'options' && typeof index === 'number')
      return at.get(`option ${id} ${index}`) ?? nodeAt;
    if (field === 'noMatch' || field === 'noInput')
      return at.get(`handler ${id} ${field}`) ?? nodeAt;
    return nodeAt;
  };
  const positions = (prefix: readonly PathSegment[]): PartPositions => ({
    at: (path) => placeOf([...prefix, ...path]),
    part: (path) => positions([...prefix, ...path]),
  });
  return positions([]);
}

/** What the import approximated and did not know, as the flow carries it. */
export function importNotesOf(imported: ImportedFlow): ImportNotes {
  return {
    format: imported.format,
    approximated: imported.approximated,
    unknown: imported.unknown,
    ...(imported.joined.length > 0 ? { joined: imported.joined } : {}),
  };
}
