// The OCI media types and manifest shape the registry client and IPM's artifact form share.
// IPM's own choices (config and layer types, the title annotation) are the OCI ones IPM's ORAS client uses.

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const IPM_CONFIG_MEDIA_TYPE = 'application/vnd.unknown.config.v1+json';
export const IPM_LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar';
export const TITLE_ANNOTATION = 'org.opencontainers.image.title';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface OciManifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}
