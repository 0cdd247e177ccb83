// Writes docs/ipm-db.schema.json, the JSON Schema of a module's ipm-db.yml, from its one definition.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { moduleSettingsSchema } from '../src/pipeline/module-settings.js';

await writeFile(
  join(import.meta.dirname, '../docs/ipm-db.schema.json'),
  `${JSON.stringify(moduleSettingsSchema(), null, 2)}\n`,
);
