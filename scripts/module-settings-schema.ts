// Writes docs/ipm-db.schema.json, the JSON Schema of a module's ipm-db.yml, from its one definition
// (formatted as the repository's prettier formats it, so the written file passes `prettier --check`).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { moduleSettingsSchema } from '../src/pipeline/module-settings.js';

const path = join(import.meta.dirname, '../docs/ipm-db.schema.json');
const options = (await resolveConfig(path)) ?? {};
await writeFile(path, await format(JSON.stringify(moduleSettingsSchema(), null, 2), { ...options, parser: 'json' }));
