/**
 * Watching flow files for `check --watch` and `report --watch`. chokidar watches by path, so a
 * save that writes a temporary file and renames it over the flow (most editors, `sed -i`) and a
 * file deleted and made again are both seen, and a path that does not exist yet is waited for.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import chokidar from 'chokidar';
import { FLOW_FILE_PATTERN, findFlowFiles } from '../flow/files.js';
import { plural } from '../flow/words.js';
import type { CommandIO } from './io.js';

export interface Watching {
  /** "2 flow files", and the paths waited for. */
  readonly description: string;
  close(): Promise<void>;
}

/** Calls `changed` once a burst of saves to a flow file under the paths is over. */
export async function watchFlows(
  paths: readonly string[],
  io: CommandIO,
  changed: () => void,
): Promise<Watching> {
  const { files } = await findFlowFiles(paths);
  const whole = paths.filter((path) => existsSync(path)).map((path) => resolve(path));
  const missing = paths.filter((path) => !existsSync(path));
  // A path that does not exist yet is watched through its folder: chokidar says it is ready
  // before it watches that folder itself, and a file made in between would be missed.
  const awaited = new Set(missing.map((path) => resolve(path)));
  const folders = [...new Set([...awaited].map((path) => dirname(path)))].filter(existsSync);
  // chokidar watches a file through its folder, and asks about that folder too.
  const holding = new Set([...whole, ...folders].map((path) => dirname(path)));
  const within = (path: string) =>
    holding.has(path) || whole.some((root) => path === root || path.startsWith(`${root}${sep}`));
  // Hidden files and node_modules below a watched folder are not flows (the folder's own path
  // may be anywhere, a hidden folder included).
  const skipped = (path: string) => {
    const root = [...whole, ...folders].find((top) => path.startsWith(`${top}${sep}`));
    return root !== undefined && /(^|[\\/])(\.[^\\/.]|node_modules)/.test(path.slice(root.length));
  };
  let timer: NodeJS.Timeout | undefined;
  const watcher = chokidar.watch([...whole, ...folders], {
    ignoreInitial: true,
    ignored: (path) =>
      skipped(path) || !(within(path) || awaited.has(path) || folders.includes(path)),
  });
  watcher.on('all', (_event, path) => {
    if (!FLOW_FILE_PATTERN.test(path)) return;
    // Editors save in bursts (write, rename, touch): once the burst is over.
    clearTimeout(timer);
    timer = setTimeout(changed, 100);
  });
  watcher.on('error', (error) => io.stderr.write(`watching: ${(error as Error).message}\n`));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  const waiting = missing.length > 0 ? ` and for ${missing.join(', ')} to appear` : '';
  return {
    description: `${plural(files.length, 'flow file')}${waiting}`,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** Resolves when the user presses Ctrl+C. */
export function interrupted(): Promise<void> {
  return new Promise((stop) => process.once('SIGINT', () => stop()));
}
