// Bundles the report page's phone (src/report/html/phone/engine.ts and the call layer it uses)
// for the browser, at build time: the page runs the project's own step function, not a copy.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/report/html/phone/engine.ts', import.meta.url).pathname],
  outfile: new URL('../dist/report/html/phone/engine.bundle.js', import.meta.url).pathname,
  bundle: true,
  format: 'iife',
  globalName: 'phonemazePhone',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
