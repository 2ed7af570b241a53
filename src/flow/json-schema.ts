import * as z from 'zod';
import { flowFileSchema } from './schema.js';

/** The JSON Schema of flow files, generated from the same definitions the loader validates with. */
export function flowJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(flowFileSchema, { target: 'draft-7', io: 'input' }),
    $id: 'https://phonemaze.dev/schema/flow.schema.json',
    title: 'phonemaze flow',
  };
}
