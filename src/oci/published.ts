// What a publish leaves behind, as reported by the action, the CLI and the run report.

/** Proof that the registry gives back what was published, read by digest after the push. */
export interface RoundTrip {
  status: 'verified';
  /** The manifest digest that was read back. */
  digest: string;
  /** true when the layer was downloaded and verified again; false for an unchanged re-publish (manifest and blob size re-checked). */
  layerRead: boolean;
}

export interface PublishedPackage {
  /** Full reference, "<registry>/<namespace>/<module>:<tag>". */
  reference: string;
  tag: string;
  /** Manifest digest, "sha256:...". */
  digest: string;
  /** true when the tag already pointed at this exact manifest and nothing was uploaded. */
  unchanged: boolean;
  roundTrip: RoundTrip;
}
