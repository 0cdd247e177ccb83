import type { SettingsUse } from '../pipeline/module-settings.js';
import type { RunReport } from '../pipeline/run-report.js';
import type { SummaryLinks } from './links.js';

export interface UploadedArtifact {
  name: string;
  id: number | null;
  size: number;
  files: string[];
  /** false for the archive uploaded on its own: the download is the .tgz itself, not a zip. */
  zipped: boolean;
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
  /** Where the summary's links point: the run (for its artifacts) and the packages' source repository. */
  links: SummaryLinks;
  /** What came from the module's ipm-db.yml; null when it has none. */
  moduleSettings?: SettingsUse | null;
  durationMs: number;
}
