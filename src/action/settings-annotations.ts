/** Problems of the module's ipm-db.yml as error annotations on the file and line (a path outside the repository gets none). */
import { isAbsolute } from 'node:path';
import { MODULE_SETTINGS_FILE, formatSettingsProblem, type SettingsProblem } from '../pipeline/module-settings.js';
import type { Annotation } from './annotations.js';

export function settingsAnnotations(problems: readonly SettingsProblem[]): Annotation[] {
  return problems.map((p) => {
    const inRepository = !isAbsolute(p.file);
    const a: Annotation = {
      level: 'error',
      title: `${MODULE_SETTINGS_FILE}${p.key === null ? '' : `: ${p.key}`}`,
      message: inRepository ? `${p.key === null ? '' : `${p.key}: `}${p.message}` : formatSettingsProblem(p),
    };
    if (inRepository) {
      a.file = p.file;
      a.startLine = p.line;
    }
    return a;
  });
}
