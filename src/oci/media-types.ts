// Every OCI media type and annotation name this project reads or writes, in one place.

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_MANIFEST_LIST_MEDIA_TYPE = 'application/vnd.docker.distribution.manifest.list.v2+json';

/** The config media type IPM's ORAS client writes (an empty JSON object as the blob). */
export const IPM_CONFIG_MEDIA_TYPE = 'application/vnd.unknown.config.v1+json';
/** The one layer type IPM installs from; it ignores `+gzip` and every other type. */
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

/** The Accept header for manifest requests: every manifest kind a registry may hold. */
export const MANIFEST_ACCEPT = [
  OCI_MANIFEST_MEDIA_TYPE,
  OCI_INDEX_MEDIA_TYPE,
  DOCKER_MANIFEST_MEDIA_TYPE,
  DOCKER_MANIFEST_LIST_MEDIA_TYPE,
].join(', ');
