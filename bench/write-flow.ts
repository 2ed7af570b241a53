import { writeFileSync } from 'node:fs';
import { generatedFlowYaml } from './generate.js';

const [menus = '20000', file = 'generated.yaml'] = process.argv.slice(2);
writeFileSync(file, generatedFlowYaml(Number(menus)));
