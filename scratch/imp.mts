import { readFileSync } from 'node:fs';
import { checkFlow } from '../src/analysis/check.ts';
import { importedYaml, importText, parseMenu } from '../src/import/read.ts';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const imported = importText(text, file);
if (!imported.ok) {
  console.log(imported.problems);
  process.exit(1);
}
console.log(importedYaml(imported.imported, file));
const flow = parseMenu(text, file);
if (!flow.ok) {
  console.log(flow.problems);
  process.exit(1);
}
const c = checkFlow(flow.flow);
if (c.ok)
  for (const f of c.report.findings)
    console.log(`${f.line}:${f.column} ${f.rule} ${f.node} ${f.message}`);
console.log(c.ok && c.report.human);
