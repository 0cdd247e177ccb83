/**
 * What the upgrade scenarios need from IRIS, IPM, Docker and the registry. The pipeline binds
 * these to the container driver (src/iris/, src/ipm/) and the OCI client (src/oci/); the
 * scenarios (./scenarios.ts) know nothing else.
 */

export interface SwapInfo {
  /** `  Backup: <path>` as the swap printed it, inside the container. */
  backupPath: string | null;
  output: string;
}

/** What one session of upgrade lines printed, as the session runner read it. */
export interface LinesOutput {
  /** The `##IPMDB key=value` results, in order (repeated keys kept). */
  results: ReadonlyArray<{ key: string; value: string }>;
  /** Everything the session printed (redacted), for error details. */
  raw: string;
}

/** One IRIS instance with IPM ready. */
export interface UpgradeIris {
  /** A new empty namespace with separate code and data databases and IPM mapped in (contract section 6). */
  createNamespace(): Promise<string>;
  /**
   * Runs lines from ./objectscript.ts in one piped session in `namespace` and returns what it
   * reported. Throws when the session fails or does not reach its end; `doing` names it in the error.
   */
  run(namespace: string, lines: string[], doing: string): Promise<LinesOutput>;
  /** `load <dir>` of a module source directory copied in from the host. */
  loadModule(namespace: string, hostDir: string): Promise<void>;
  /** `load <tgz> -swap-db`. */
  loadPackage(namespace: string, hostTgz: string): Promise<SwapInfo>;
  /** `update <module> -path <tgz> -swap-db`. */
  updateModule(namespace: string, moduleName: string, hostTgz: string): Promise<SwapInfo>;
}

/** An IRIS container whose data directory is a durable volume (Durable %SYS). */
export interface ReplaceableIris extends UpgradeIris {
  /**
   * Stops this container cleanly and removes it, then starts another on the same volume (of `image`,
   * default the same image: a newer IRIS upgrades the instance) and waits until it is ready; from
   * then on every method talks to the new container.
   */
  replace(image?: string): Promise<void>;
  /** Removes the current container and the volume. */
  dispose(): Promise<void>;
}

export interface UpgradeEnvironment {
  /** The pipeline's IRIS (fresh, database and source scenarios). */
  iris: UpgradeIris;
  /** Starts a separate durable container (of `image`, default the pipeline's) with IPM ready. */
  startDurable(image?: string): Promise<ReplaceableIris>;
  /**
   * Takes a container slot when one is free now, for a scenario with its own container to run
   * beside the others; returns its release, or null (then it runs after them, as before).
   */
  reserveContainer(): (() => void) | null;
  /** Downloads `reference` into `dir`; returns the file. Throws naming the reference when it does not exist. */
  pull(reference: string, dir: string): Promise<string>;
  /** A fresh host directory for downloads. */
  tempDir(): Promise<string>;
  /** Removes a directory tempDir() made, with everything in it. */
  removeTempDir(dir: string): Promise<void>;
}
