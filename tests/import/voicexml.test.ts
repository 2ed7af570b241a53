/** VoiceXML documents, one construct at a time, as every command reads them. */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../src/analysis/check.js';
import type { InputNode, MenuNode } from '../../src/flow/types.js';
import { formatOfText, importText, parseMenu } from '../../src/import/read.js';
import { runCli } from '../cli/run-cli.js';
import { importFixtures } from './fixtures.js';

const { path, text, flowOf, lineOf } = importFixtures('voicexml');
const relativePath = (file: string) => relative(process.cwd(), file);

describe('VoiceXML', () => {
  it('is told apart by its <vxml>', () => {
    expect(formatOfText(text('main.vxml'))).toBe('voicexml');
  });

  it('makes a <menu> a menu: dtmf="true" numbers its choices, their words are phrases', () => {
    const menu = flowOf('main.vxml').nodes.get('main') as MenuNode;
    expect(menu.options.map((option) => [option.key, option.say, option.to])).toEqual([
      ['1', ['billing'], 'billing-block'],
      ['2', ['account'], 'number'],
      ['3', ['agent'], 'xfer'],
    ]);
    expect(menu.at.line).toBe(lineOf('main.vxml', '<menu id="main"'));
    expect(menu.options[1]?.at.line).toBe(lineOf('main.vxml', '<choice next="#account">'));
  });

  it('takes the handlers in scope by their counts: the first that leaves is then, at its count', () => {
    const menu = flowOf('main.vxml').nodes.get('main') as MenuNode;
    // <nomatch count="1"> reprompts, <nomatch count="2"> goes to the agent.
    expect(menu.noMatch).toMatchObject({
      tries: 2,
      then: 'xfer',
      prompt: 'That is not an option.',
    });
    // The menu's <noinput count="1"> reprompts; the document's <catch event="noinput" count="3"> leaves.
    expect(menu.noInput).toMatchObject({ tries: 3, prompt: 'Sorry, I did not hear you.' });
    expect(menu.noInput.at.line).toBe(lineOf('main.vxml', '<catch event="noinput" count="3">'));
  });

  it('reprompts for ever where only the platform handles an event, as the spec has it, or exits as OpenVXI does', () => {
    const field = flowOf('main.vxml').nodes.get('number') as InputNode;
    expect(field.noMatch.tries).toBe(Number.POSITIVE_INFINITY);
    const openvxi = parseMenu(text('main.vxml'), path('main.vxml'), { platform: 'openvxi' });
    if (!openvxi.ok) throw new Error('not read');
    expect((openvxi.flow.nodes.get('number') as InputNode).noMatch.tries).toBe(4);
  });

  it('makes a digits field an input, blocks said, a transfer to an agent a person, a disconnect a hang-up', () => {
    const flow = flowOf('main.vxml');
    expect(flow.nodes.get('number')).toMatchObject({
      type: 'input',
      digits: { min: 8, max: 8 },
      next: 'thanks-block',
    });
    expect(flow.nodes.get('billing-block')).toMatchObject({ type: 'say', next: 'main' });
    expect(flow.nodes.get('xfer')).toMatchObject({
      type: 'agent',
      prompt: 'Please hold for an agent.',
    });
    expect(flow.nodes.get('thanks-block')).toMatchObject({ next: 'disconnect-end' });
  });

  it('reads inline SRGS grammars as keys (mode="dtmf") and phrases, and <filled> if/elseif as where each goes', () => {
    const menu = flowOf('grammar.vxml').nodes.get('dept') as MenuNode;
    expect(menu.options.map((option) => [option.key, option.say, option.to])).toEqual([
      ['1', ['sales'], 'sales'],
      ['2', ['support'], 'support'],
    ]);
    expect(menu.options[1]?.at.line).toBe(lineOf('grammar.vxml', '<grammar mode="dtmf"'));
  });

  it("goes on into documents next to it, takes the application root's handlers, and offers <link>s", () => {
    const flow = flowOf('app/main.vxml');
    const main = flow.nodes.get('main') as MenuNode;
    expect(main.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'billing-menu'],
      // <link dtmf="0" next="agent.vxml#queue"/> in the document's scope.
      ['0', 'agent-agent'],
      // root.vxml's <link> with only a voice grammar, in scope in every document of the application.
      [undefined, 'agent-agent'],
    ]);
    expect(main.options[2]?.say).toEqual(['operator', 'a person']);
    expect(main.options[2]?.at.line).toBe(lineOf('app/main.vxml', 'application="root.vxml"'));
    // root.vxml's <catch event="nomatch" count="3"> goes to agent.vxml.
    expect(main.noMatch).toMatchObject({ tries: 3, then: 'agent-agent', prompt: 'Sorry.' });
    // A handler of the root document is named at this file's application=, not at its own line.
    expect(main.noMatch.at.line).toBe(lineOf('app/main.vxml', 'application="root.vxml"'));
    const billing = flow.nodes.get('billing-menu') as MenuNode;
    // "main.vxml#main" comes back to the same menu, not a copy of it.
    expect(billing.options.find((option) => option.key === '9')?.to).toBe('main');
    // So it does when the file is named by a path from here, as a command line names it.
    const relative = parseMenu(text('app/main.vxml'), relativePath(path('app/main.vxml')));
    if (!relative.ok) throw new Error('not read');
    expect((relative.flow.nodes.get('billing-menu') as MenuNode).options[1]?.to).toBe('main');
    expect(relative.flow.nodes.has('main-main')).toBe(false);
    // A document gone on into stands where the call went in.
    expect(billing.at.line).toBe(
      lineOf('app/main.vxml', '<choice dtmf="1" next="billing.vxml#menu">'),
    );
    expect(flow.nodes.get('agent-agent')).toMatchObject({ type: 'agent', prompt: 'Please hold.' });
  });

  it("takes a link's DTMF grammar as its key in a field's choices, and says what it leaves out", () => {
    const flow = flowOf('tapered.vxml');
    const size = flow.nodes.get('size') as MenuNode;
    expect(size.options.map((option) => [option.key, option.to])).toEqual([
      ['1', 'thanks-block'],
      ['2', 'thanks-block'],
      ['3', 'thanks-block'],
      ['9', 'help-block'],
    ]);
    expect(size.options[3]?.at.line).toBe(lineOf('tapered.vxml', '<link next="#help">'));
    expect(flow.imported?.approximated.map((note) => [note.block, note.at.line])).toEqual([
      ['<link>', lineOf('tapered.vxml', '<link event="help">')],
      ['<field name="size">', lineOf('tapered.vxml', '<field name="size">')],
      ['<submit>', lineOf('tapered.vxml', '<submit next="order.vxml"')],
    ]);
    // The <submit> goes on into the document at its address, as a <goto> would.
    expect(flow.nodes.get('thanks-block')).toMatchObject({ next: 'order-placed-block' });
  });

  it('says the first visit\'s prompt: <prompt count="2"> is for a later visit', () => {
    const size = flowOf('tapered.vxml').nodes.get('size') as MenuNode;
    expect(size.prompt).toBe(
      'Welcome to Pizza Roma. Would you like a small, a medium or a large pizza? You can also press 1, 2 or 3.',
    );
  });

  it('names two documents named alike in a folder apart by their folders', async () => {
    const checked = await runCli('check', path(''), '--format', 'json');
    const report = JSON.parse(checked.stdout) as { flows: { id: string; file: string }[] };
    const ids = report.flows.map((flow) => [flow.file.split('/voicexml/')[1], flow.id]);
    expect(ids).toContainEqual(['main.vxml', 'voicexml-main']);
    expect(ids).toContainEqual(['app/main.vxml', 'app-main']);
    // Documents no other is named like keep the id of their file.
    expect(ids).toContainEqual(['grammar.vxml', 'grammar']);
  });

  it('gives check its figures', () => {
    const checked = checkFlow(flowOf('main.vxml'));
    if (!checked.ok) throw new Error('not checked');
    expect(checked.report.human).toMatchObject({ minSteps: 1, inputs: ['3'] });
  });

  it('refuses a transition to no dialog, with its place', async () => {
    const read = importText(text('bad/missing-dialog.vxml'), 'bad/missing-dialog.vxml');
    expect(!read.ok && read.problems[0]).toMatchObject({
      line: 5,
      message: '`next="#biling"` names no dialog of this document.',
      hint: 'Did you mean `billing`?',
    });
    expect((await runCli('check', path('bad/missing-dialog.vxml'))).code).toBe(2);
  });

  it('starts at the dialog --entry names, and says which dialogs there are when it names none', async () => {
    const read = parseMenu(text('main.vxml'), path('main.vxml'), { entry: 'account' });
    expect(read.ok && read.flow.start).toBe('number');
    const wrong = await runCli('check', path('main.vxml'), '--entry', 'acount');
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('--entry acount names no dialog of this file.');
    expect(wrong.stdout).toContain('Did you mean `account`?');
  });
});
