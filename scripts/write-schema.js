// Writes schema/flow.schema.json from the validator's definitions (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { flowJsonSchema } from '../dist/index.js';

const target = new URL('../schema/flow.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
