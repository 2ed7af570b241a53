import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flowJsonSchema } from '../../src/flow/json-schema.js';
import { fixture } from '../helpers.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../schema/flow.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ strict: false, allErrors: true }).compile(shipped);
const read = (file: string) => parse(readFileSync(file, 'utf8'), { version: '1.2' });

describe('the JSON Schema shipped for editors', () => {
  it('is the one the validator definitions generate (run `npm run schema` after changing them)', () => {
    expect(shipped).toEqual(flowJsonSchema());
  });

  it('accepts every bundled flow and the full-format fixture', () => {
    const flows = readdirSync(new URL('../../flows', import.meta.url).pathname)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => new URL(`../../flows/${name}`, import.meta.url).pathname);
    for (const file of [...flows, fixture('full-format.yaml')]) {
      expect(validate(read(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('refuses what the loader refuses for its shape', () => {
    for (const name of [
      'unknown-key.yaml',
      'unknown-type.yaml',
      'not-dtmf.yaml',
      'bad-duration.yaml',
      'missing-id-start.yaml',
    ]) {
      expect(validate(read(fixture(`bad/${name}`))), name).toBe(false);
    }
  });
});
