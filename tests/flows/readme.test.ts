/** What the README shows a new user holds: its example flow passes, its profiles are the built-in ones. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import { parseProfiles } from '../../src/simulate/profiles.js';
import { DEFAULT_PROFILES } from '../../src/simulate/simulate.js';
import { flowOf } from '../helpers.js';

const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(`${root}README.md`, 'utf8');

/** The first ```yaml block after a heading. */
function yamlAfter(heading: string): string {
  const section = readme.slice(readme.indexOf(heading));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`no yaml block after ${heading}`);
  return match[1];
}

describe('the README', () => {
  it('shows a flow under "Flow files" that passes check with no finding', () => {
    const flow = flowOf(yamlAfter('## Flow files'), 'README.md');
    const checked = checkFlow(flow);
    expect(checked.ok && checked.report.findings).toEqual([]);
  });

  it('shows the built-in caller profiles, with every default it names', () => {
    const flow = flowOf(yamlAfter('## Flow files'), 'README.md');
    const profiles = parseProfiles(yamlAfter('## Simulated callers'), 'README.md', flow);
    expect(profiles.ok && profiles.profiles).toEqual(DEFAULT_PROFILES);
  });

  it('npm start ends cleanly and says why check exits 1 on the bundled flows', () => {
    const demo = spawnSync('node', ['scripts/demo.js'], { cwd: root, encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('phonemaze check exited 1 (a flow has an error');
  });
});
