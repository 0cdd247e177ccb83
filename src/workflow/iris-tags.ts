/**
 * Reads the tag list of an IRIS image repository, for iris-versions "auto": used by the action
 * and by `ipm-db iris-versions` (the reusable workflow's versions job), so "auto" means the same
 * in both.
 */
import { IpmDbError, UsageError, errorMessage } from '../util/errors.js';
import { registryAccess, type CredentialsFor } from '../oci/access.js';
import { RegistryClient } from '../oci/client.js';

export const DEFAULT_IRIS_IMAGE_REGISTRY = 'containers.intersystems.com/intersystems';

/** "containers.intersystems.com/intersystems" + "iris-community": the registry host and the repository. */
export function irisImageRepository(
  imageRegistry: string,
  flavor: string,
  names: { imageRegistry: string; flavor: string } = { imageRegistry: 'iris-image-registry', flavor: 'iris-flavor' },
): { registry: string; repository: string } {
  const path = imageRegistry.trim().replace(/\/+$/, '');
  const slash = path.indexOf('/');
  const registry = slash < 0 ? path : path.slice(0, slash);
  const prefix = slash < 0 ? '' : path.slice(slash + 1);
  if (!/^[a-z0-9][a-z0-9.-]*(?::\d{1,5})?$/.test(registry) || !/^[a-z0-9][a-z0-9._/-]*$|^$/.test(prefix))
    throw new UsageError(
      `${names.imageRegistry} "${imageRegistry}" is not a registry path`,
      `e.g. ${DEFAULT_IRIS_IMAGE_REGISTRY}`,
    );
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(flavor))
    throw new UsageError(
      `${names.flavor} "${flavor}" is not an image name`,
      'e.g. iris-community or irishealth-community',
    );
  return { registry, repository: prefix ? `${prefix}/${flavor}` : flavor };
}

/** Every tag of `<registry>/<repository>` (up to 1000), with the credentials `credentialsFor` gives its host. */
export async function listIrisTags(
  where: { registry: string; repository: string },
  opts: { plainHttp: boolean; credentialsFor: CredentialsFor },
): Promise<string[]> {
  const client = new RegistryClient(
    registryAccess({ host: where.registry, plainHttp: opts.plainHttp, credentialsFor: opts.credentialsFor }),
  );
  try {
    return await client.listTags(where.repository, 1000);
  } catch (err) {
    throw new IpmDbError(
      'iris-tags',
      `Reading the tags of ${where.registry}/${where.repository} failed: ${errorMessage(err)}`,
      {
        hint: 'Licensed images need registry credentials (the iris-registry-username and iris-registry-password secrets of the workflow, or docker login before the action); or give iris-versions as a list.',
        cause: err,
      },
    );
  }
}
