import { readFileSync } from 'node:fs';
import { importedYaml, importText } from '../src/import/read.ts';

const [file, entry] = process.argv.slice(2);
const r = importText(readFileSync(file, 'utf8'), file, entry ? { entry } : {});
console.log(r.ok ? importedYaml(r.imported, file) : r.problems);
