// Validates a test-result predicate against docs/test-result-predicate.schema.json with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../docs/test-result-predicate.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** Every schema violation as "<path> <message>"; empty when the predicate is valid. */
export function predicateSchemaErrors(predicate: unknown): string[] {
  if (validate(predicate)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}
