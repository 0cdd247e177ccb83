import type { SettingsUse } from '../pipeline/module-settings.js';
import type { RunReport } from '../pipeline/run-report.js';

export interface UploadedArtifact {
  name: string;
  id: number | null;
  size: number;
  files: string[];
}

/** What one action run produced, across every IRIS image: the input of outputs, summary and artifacts. */
export interface ActionOutcome {
  runs: RunReport[];
  ok: boolean;
  /** What ended the run, already redacted; null when it passed. */
  failure: { message: string; hint: string | null; details: string | null } | null;
  /** Things the user should know that are not failures (publish refused, artifacts skipped, cache down). */
  notices: string[];
  /** Annotations GitHub could not show (over the per-step limit). */
  annotationOverflow: string[];
  artifacts: UploadedArtifact[];
  /** What came from the module's ipm-db.yml; null when it has none. */
  moduleSettings?: SettingsUse | null;
  durationMs: number;
}
