import { readFileSync } from 'node:fs';
import { loadFlow } from '../src/flow/load.js';
import type { PathSegment } from '../src/flow/positions.js';
import { FlowLoadError } from '../src/flow/problems.js';
import type { Flow } from '../src/flow/types.js';
import { parseMenu } from '../src/import/read.js';

export const fixture = (name: string): string =>
  new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A flow from inline YAML, or an inline export; throws with every problem when it is not valid. */
export function flowOf(text: string, file = 'inline.yaml'): Flow {
  const read = parseMenu(text, file);
  if (!read.ok) throw new FlowLoadError(read.problems);
  return read.flow;
}

export function flowFromFixture(name: string): Flow {
  return loadFlow(readFileSync(fixture(name), 'utf8'), `tests/fixtures/${name}`);
}

/** Every path in parsed data, the data itself first: where a source map must place something. */
export function pathsIn(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  const here = [path];
  if (Array.isArray(value)) {
    return here.concat(value.flatMap((item, index) => pathsIn(item, [...path, index])));
  }
  if (value && typeof value === 'object') {
    return here.concat(
      Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...path, key])),
    );
  }
  return here;
}
