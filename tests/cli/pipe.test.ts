import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/phonemaze.js', import.meta.url).pathname;

/** A flow whose report runs to far more than a pipe holds: findings at each of 1,500 menus. */
function flowWithManyFindings(): string {
  const menus = Array.from(
    { length: 1500 },
    (_, i) =>
      `  m${i}: { type: menu, prompt: Press 1., options: [{ key: 1, to: ${i === 1499 ? 'agent' : `m${i + 1}`} }] }`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'phonemaze-pipe-')), 'long.yaml');
  writeFileSync(
    file,
    `id: long\nstart: m0\nnodes:\n${menus.join('\n')}\n  agent: { type: agent }\n`,
  );
  return file;
}

describe('phonemaze piped into a reader that stops early (`| head -1`)', () => {
  it('ends quietly with its own exit code, not a stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'check', flowWithManyFindings()], {
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // The reader takes the first chunk and goes away.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(1);
  });
});
