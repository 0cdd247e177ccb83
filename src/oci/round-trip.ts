// Reads a just-published package back from the registry by digest and checks it is what was
// verified: the manifest against every rule IPM applies and against what was pushed, the
// layer streamed through the archive verifier (or, for an unchanged re-publish, its size
// checked without downloading it again).
import type { VerificationReport } from '../archive/report.js';
import { IpmDbError, errorMessage } from '../util/errors.js';
import type { RegistryClient } from './client.js';
import { ipmAcceptanceViolations } from './ipm-artifact.js';
import { IPM_LAYER_MEDIA_TYPE, TITLE_ANNOTATION, type OciManifest } from './media-types.js';

/** Proof that the registry gives back what was published, read by digest after the push. */
export interface RoundTrip {
  status: 'verified';
  /** The manifest digest that was read back. */
  digest: string;
  /** true when the layer was downloaded and verified again; false for an unchanged re-publish (manifest and blob size re-checked). */
  layerRead: boolean;
}

/** Verifies an archive arriving as chunks (src/archive/verify.ts `verifyArchiveStream` fits). */
export type VerifyArchiveStreamFn = (chunks: AsyncIterable<Buffer>, fileName: string) => Promise<VerificationReport>;

export interface RoundTripRequest {
  repository: string;
  tag: string;
  /** The manifest digest the tag was set to. */
  digest: string;
  /** The manifest that was meant to be published. */
  expected: OciManifest;
  /** Download and verify the layer (false: check its size only, for an unchanged re-publish). */
  readLayer: boolean;
  verifyStream: VerifyArchiveStreamFn;
  /** IPM acceptance rules the publisher was told to waive ("version" for --allow-prerelease). */
  waivedRules?: readonly string[];
}

/** Differences between the manifest read back and the one meant (layer and every annotation). */
export function roundTripDifferences(actual: Partial<OciManifest>, expected: OciManifest): string[] {
  const out: string[] = [];
  const a = actual.layers?.[0];
  const e = expected.layers[0];
  if (a?.digest !== e?.digest || a?.size !== e?.size)
    out.push(`layer is ${a?.digest ?? 'missing'} (${a?.size ?? '?'} bytes), expected ${e?.digest} (${e?.size} bytes)`);
  const got = actual.annotations ?? {};
  const want = expected.annotations ?? {};
  for (const key of new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (got[key] !== want[key]) out.push(`annotation ${key} differs`);
  }
  return out;
}

/** The verifier's report on the layer read back, against the manifest's own claims. */
export function layerReportProblems(report: VerificationReport, manifest: Partial<OciManifest>): string[] {
  const out: string[] = [];
  const layer = manifest.layers?.[0];
  const annotations = manifest.annotations ?? {};
  if (!report.valid) out.push(`the layer does not pass verification (${report.errors.length} error(s))`);
  if (layer && `sha256:${report.archive.sha256}` !== layer.digest)
    out.push(`the verifier read bytes with sha256 ${report.archive.sha256}, not ${layer.digest}`);
  const module = report.module;
  if (module?.name !== annotations[TITLE_ANNOTATION]) out.push(`the layer holds module ${module?.name ?? 'none'}`);
  if (module?.version !== annotations['org.opencontainers.image.version'])
    out.push(`the layer holds version ${module?.version ?? 'none'}`);
  if (module?.irisVersion !== annotations['com.intersystems.ipm.platformVersion'])
    out.push(`the layer is built for IRIS ${module?.irisVersion ?? 'none'}`);
  return out;
}

function failed(reference: string, problems: string[], cause?: unknown): IpmDbError {
  return new IpmDbError('round-trip', `reading ${reference} back from the registry failed: ${problems.join('; ')}`, {
    hint:
      'The tag now points at this digest, but the registry does not give back what was verified: ' +
      'do not install it; check the registry (or a proxy in front of it) and publish again with --force.',
    ...(cause !== undefined ? { cause } : {}),
  });
}

export async function verifyRoundTrip(client: RegistryClient, r: RoundTripRequest): Promise<RoundTrip> {
  const reference = `${client.registry}/${r.repository}@${r.digest}`;
  let fetched;
  try {
    fetched = await client.getManifest(r.repository, r.digest);
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  if (!fetched) throw failed(reference, ['the registry has no manifest with this digest']);
  let manifest: unknown;
  try {
    manifest = JSON.parse(fetched.bytes.toString('utf8'));
  } catch {
    manifest = null;
  }
  const violations = ipmAcceptanceViolations(manifest, r.tag).filter((v) => !r.waivedRules?.includes(v.rule));
  if (violations.length > 0)
    throw failed(
      reference,
      violations.map((v) => `[${v.rule}] ${v.message}`),
    );
  const m = manifest as Partial<OciManifest>;
  const differences = roundTripDifferences(m, r.expected);
  if (differences.length > 0) throw failed(reference, differences);
  const layer = m.layers?.find((l) => l.mediaType === IPM_LAYER_MEDIA_TYPE);
  if (!layer) throw failed(reference, ['no IPM layer']);

  if (!r.readLayer) {
    const size = await client.blobSize(r.repository, layer.digest);
    if (size !== layer.size)
      throw failed(reference, [`the layer blob is ${size === undefined ? 'missing' : `${size} bytes`}`]);
    return { status: 'verified', digest: fetched.digest, layerRead: false };
  }
  let report: VerificationReport;
  try {
    const title = layer.annotations?.[TITLE_ANNOTATION] ?? 'package.tgz';
    report = await client.readBlob(r.repository, layer.digest, layer.size, (chunks) => r.verifyStream(chunks, title));
  } catch (err) {
    throw failed(reference, [errorMessage(err)], err);
  }
  const problems = layerReportProblems(report, m);
  if (problems.length > 0) throw failed(reference, problems);
  return { status: 'verified', digest: fetched.digest, layerRead: true };
}
