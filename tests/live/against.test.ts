/** A flow as the specification of a running app: `test --against` and `walk --against` on the suite's TwiML app. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAgainst } from '../../src/live/against.js';
import { crawlTwimlApp } from '../../src/live/crawl-app.js';
import { runCli, runCliWith } from '../cli/run-cli.js';

const runCliInput = (stdin: string, ...argv: string[]) => runCliWith({ stdin }, ...argv);

import { startTwimlApp, type TwimlApp } from './twiml-app.js';

let app: TwimlApp;
let dir: string;
let crawledText: string;
beforeAll(async () => {
  app = await startTwimlApp();
  dir = await mkdtemp(join(tmpdir(), 'phonemaze-against-'));
  crawledText = (await crawlTwimlApp({ url: app.url })).text;
});
afterAll(() => app.close());

/** The crawled flow, changed as a test says, in a file. */
async function flowFile(name: string, change: (text: string) => string = (text) => text) {
  const file = join(dir, name);
  await writeFile(file, change(crawledText));
  return file;
}

/** The crawled flow, with the person on key 8 instead of 0: one key off the app. */
const keyEight = (text: string) =>
  text.replace('{ key: "0", to: agent }', '{ key: "8", to: agent }');

describe('phonemaze test --against', () => {
  it('passes every generated path when the flow is what the app does', async () => {
    const result = await runCli('test', await flowFile('same.yaml'), '--against', app.url);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/15 passed, 0 failed \(\d+ requests\)/);
    expect(result.stdout).toContain('✓ 0 → agent');
  });

  it('fails at the first step where a flow differs from the app by one key, with both transcripts', async () => {
    const result = await runCli(
      'test',
      await flowFile('eight.yaml', keyEight),
      '--against',
      app.url,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ 8 → agent');
    expect(result.stdout).toContain(
      'After 8, the flow is at agent and says "Please hold for the next available agent.", but the IVR said "Sorry, that is not an option.',
    );
    const failure = result.stdout.slice(result.stdout.indexOf('✗ 8 → agent'));
    expect(failure).toMatch(/the flow:\n\s+call starts → menu[\s\S]*> 8 → agent\n\s+“Please hold/);
    expect(failure).toMatch(
      /the app:\n\s+call starts \(POST \/voice → POST \/menu\) → waits at a <Gather>[\s\S]*> pressed 8 \(POST \/menu\/choice → POST \/menu\) → waits at a <Gather>/,
    );
    expect(result.stdout).toContain('14 passed, 1 failed');
  });

  it('catches an app that puts the caller through where the flow hangs up', async () => {
    const hangs = (text: string) =>
      text.replace(/ {2}agent:\n {4}type: agent\n/, '  agent:\n    type: hangup\n');
    const result = await runCli('test', await flowFile('hangs.yaml', hangs), '--against', app.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'After 0, the flow is at agent and ends the call, but the IVR puts the caller through to a person.',
    );
  });

  it('writes JUnit XML with a case per path and the transcripts of the failure', async () => {
    const result = await runCli(
      'test',
      await flowFile('junit.yaml', keyEight),
      '--against',
      app.url,
      '--reporter',
      'junit',
    );
    expect(result.code).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    expect(result.stdout).toContain('<testsuites tests="15" failures="1"');
    expect(result.stdout).toMatch(
      /<testcase classname="twiml-app" name="8 → agent"[^>]*>\s*<failure/,
    );
    expect(result.stdout).toContain('the app:');
  });

  it('asks which condition values the app has, and takes one flow file', async () => {
    const withHours = (text: string) =>
      text.replace('start:', 'conditions:\n  hours: [open, closed]\nstart:');
    const unset = await runCli(
      'test',
      await flowFile('hours.yaml', withHours),
      '--against',
      app.url,
    );
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain(
      'reads hours, which the app decides for itself; say what the app has now with --set, such as --set hours=open',
    );
    const two = await runCli('test', 'flows', '--against', app.url);
    expect(two.code).toBe(2);
  });

  it('is a function too: outcomes per path and the requests sent', async () => {
    const { loadFlowFile } = await import('../../src/flow/load.js');
    const result = await testAgainst(await loadFlowFile(await flowFile('api.yaml', keyEight)), {
      url: app.url,
    });
    expect(result.failed).toBe(1);
    expect(result.paths.find((path) => !path.passed)?.description).toBe('8 → agent');
    expect(result.requests).toBeGreaterThan(15);
  });
});

describe('phonemaze walk --against', () => {
  it('sends a scripted walk to the app too, and exits 1 where the app differs', async () => {
    const same = await runCliInput(
      '1\n2\n',
      'walk',
      await flowFile('walk.yaml'),
      '--against',
      app.url,
    );
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('  app: the same (<Enqueue> billing)');
    const differs = await runCliInput(
      '8\n',
      'walk',
      await flowFile('walk8.yaml', keyEight),
      '--against',
      app.url,
    );
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain(
      '✗ app: the flow says “Please hold for the next available agent.”, the app said “Sorry, that is not an option.',
    );
    expect(differs.stderr).toContain('The app differs from the flow');
  });

  it('crawls the app first when no flow file is given', async () => {
    const walked = await runCliInput('0\n', 'walk', '--against', app.url);
    expect(walked.code).toBe(0);
    expect(walked.stderr).toMatch(/crawled 3 menus in \d+ requests/);
    expect(walked.stdout).toContain('A human (agent) after 1 step');
    expect(walked.stdout).toContain('app: the same (<Dial> +15555550123)');
  });

  it('needs a flow file or --against, and a flow file to save an expectation in', async () => {
    expect((await runCli('walk')).code).toBe(2);
    const save = await runCli('walk', '--against', app.url, '--save-expect', 'x');
    expect(save.code).toBe(2);
    expect(save.stderr).toContain('--save-expect adds the walk to a flow file');
  });
});
