// `ipm-db run`'s IRIS image flags, the action's inputs of the same names: --iris-images, or
// --iris-versions (a list, a JSON list or "auto") under --iris-image-registry/--iris-flavor, and the
// docker login for private images.
import type { RegistryLogin } from '../iris/container.js';
import { isImageReference } from '../naming/grammar.js';
import { credentialsOnlyFor } from '../oci/access.js';
import { DEFAULT_IRIS_IMAGE } from '../pipeline/defaults.js';
import { UsageError } from '../util/errors.js';
import { parseLists } from '../util/setting-values.js';
import { DEFAULT_IRIS_IMAGE_REGISTRY, irisImageRepository, listIrisTags } from '../workflow/iris-tags.js';
import { parseIrisVersionsSetting, parseLatest, parseSkipList, resolveAuto } from '../workflow/iris-versions.js';
import type { CliIo } from './command.js';
import { warnCli } from './flag-vocabulary.js';

export const IRIS_IMAGE_FLAGS = {
  'iris-images': { type: 'string', multiple: true },
  'iris-versions': { type: 'string' },
  'iris-flavor': { type: 'string' },
  'iris-image-registry': { type: 'string' },
  'iris-registry-username': { type: 'string' },
  'skip-versions': { type: 'string' },
  latest: { type: 'string' },
} as const;

export type IrisImageFlagValues = {
  [K in keyof typeof IRIS_IMAGE_FLAGS]?: K extends 'iris-images' ? string[] : string;
};

/** The IRIS images to run on: --iris-images, else --iris-versions resolved, else the default image. */
export async function irisImagesFromFlags(v: IrisImageFlagValues, io: CliIo): Promise<string[]> {
  const listed = parseLists(v['iris-images'] ?? []);
  const registry = (v['iris-image-registry'] ?? DEFAULT_IRIS_IMAGE_REGISTRY).trim().replace(/\/+$/, '');
  const flavor = (v['iris-flavor'] ?? 'iris-community').trim();
  let images = listed;
  if (listed.length === 0) {
    const request = parseIrisVersionsSetting(v['iris-versions'] ?? '');
    if (request === null) images = [DEFAULT_IRIS_IMAGE];
    else {
      const where = irisImageRepository(registry, flavor, {
        imageRegistry: '--iris-image-registry',
        flavor: '--iris-flavor',
      });
      let versions = request.kind === 'list' ? request.versions : [];
      if (request.kind === 'auto') {
        const skip = parseSkipList(v['skip-versions'] ?? 'default', flavor);
        const tags = await listIrisTags(where, {
          plainHttp: false,
          credentialsFor: tagCredentials(where.registry, io),
        });
        versions = resolveAuto(tags, skip, parseLatest(v.latest ?? '')).versions;
        io.stderr.write(`--iris-versions auto: ${versions.join(', ')}\n`);
      }
      images = versions.map((version) => `${registry}/${flavor}:${version}`);
    }
  }
  for (const image of images)
    if (!isImageReference(image))
      throw new UsageError(`--iris-images: "${image}" is not an image reference; write e.g. ${DEFAULT_IRIS_IMAGE}.`);
  return images;
}

function tagCredentials(registry: string, io: CliIo) {
  const username = io.env.IPM_DB_IRIS_REGISTRY_USERNAME ?? '';
  const password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD ?? '';
  return credentialsOnlyFor(registry, username || password ? { username, password } : undefined);
}

/**
 * docker login for private IRIS images: the host of --iris-image-registry with
 * --iris-registry-username, the password from IPM_DB_IRIS_REGISTRY_PASSWORD (the reusable
 * workflow's iris-registry-password secret); IPM_DB_REGISTRY_PASSWORD, which the former --login
 * read, still works with a warning.
 */
export function irisRegistryLogin(v: IrisImageFlagValues, io: CliIo): RegistryLogin | undefined {
  const username = v['iris-registry-username'];
  if (username === undefined) return undefined;
  if (!username) throw new UsageError('--iris-registry-username is empty.');
  let password = io.env.IPM_DB_IRIS_REGISTRY_PASSWORD;
  if (!password && io.env.IPM_DB_REGISTRY_PASSWORD) {
    warnCli(
      io,
      'IPM_DB_REGISTRY_PASSWORD for the IRIS image registry is deprecated; use IPM_DB_IRIS_REGISTRY_PASSWORD.',
    );
    password = io.env.IPM_DB_REGISTRY_PASSWORD;
  }
  if (!password)
    throw new UsageError(
      '--iris-registry-username needs the password in the IPM_DB_IRIS_REGISTRY_PASSWORD environment variable.',
    );
  const registry = (v['iris-image-registry'] ?? DEFAULT_IRIS_IMAGE_REGISTRY).trim().replace(/\/.*$/, '');
  return { registry, username, password };
}
