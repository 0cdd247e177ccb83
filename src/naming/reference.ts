// Registry references ("<registry>/<path>[:tag][@digest]") and the distribution grammar
// that repository names and tags must follow. Pure functions.
import { UsageError } from '../util/errors.js';
import { isDigest, isTag } from './grammar.js';

/** One path component of a repository name (distribution reference grammar). */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** host[:port]: DNS labels, an IPv4 address, or a bracketed IPv6 address, then an optional port. */
const REGISTRY_HOST =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;
const MAX_NAME_LENGTH = 255;

export interface Reference {
  /** host[:port] */
  registry: string;
  /** Repository path without the registry, e.g. "acme/mymodule". */
  repository: string;
  tag?: string;
  digest?: string;
}

export function validateRegistryHost(registry: string): string {
  if (!REGISTRY_HOST.test(registry)) {
    throw new UsageError(
      `registry "${registry}" is not a host name with an optional port`,
      'Give the registry as host[:port], e.g. ghcr.io or 127.0.0.1:5000, without a scheme or path.',
    );
  }
  return registry;
}

export function validatePathComponent(component: string, what: string): string {
  if (!PATH_COMPONENT.test(component)) {
    throw new UsageError(
      `${what} "${component}" is not a valid repository path component`,
      'Use lower-case letters and digits, separated by single ".", "_", "__" or runs of "-" (no leading or trailing separator).',
    );
  }
  return component;
}

export function validateRepository(repository: string): string {
  if (repository.length === 0) throw new UsageError('the repository name is empty');
  for (const component of repository.split('/')) validatePathComponent(component, 'repository path component');
  return repository;
}

export function validateTag(tag: string): string {
  if (!isTag(tag)) {
    throw new UsageError(
      `tag "${tag}" is not a valid OCI tag`,
      'A tag is 1-128 characters of letters, digits, "_", "." and "-", not starting with "." or "-".',
    );
  }
  return tag;
}

export function validateDigest(digest: string): string {
  if (!isDigest(digest)) {
    throw new UsageError(`digest "${digest}" is not a sha256 digest`, 'Expected "sha256:" followed by 64 hex digits.');
  }
  return digest;
}

/** Parses "<host[:port]>/<repo path>[:tag][@sha256:...]"; the registry part is required. */
export function parseReference(text: string, opts: { requireTagOrDigest?: boolean } = {}): Reference {
  const input = text.trim().replace(/^oci:\/\//, '');
  const at = input.indexOf('@');
  const beforeDigest = at >= 0 ? input.slice(0, at) : input;
  const digest = at >= 0 ? validateDigest(input.slice(at + 1)) : undefined;
  const slash = beforeDigest.indexOf('/');
  if (slash <= 0) {
    throw new UsageError(
      `reference "${text}" has no registry`,
      'Write it as <registry>/<namespace>/<module>[:tag], e.g. ghcr.io/acme/mymodule:1.2.3_database__2026.1.',
    );
  }
  const registry = validateRegistryHost(beforeDigest.slice(0, slash));
  let path = beforeDigest.slice(slash + 1);
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = validateTag(path.slice(colon + 1));
    path = path.slice(0, colon);
  }
  const repository = validateRepository(path);
  if (`${registry}/${repository}`.length > MAX_NAME_LENGTH) {
    throw new UsageError(`reference "${text}" is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (opts.requireTagOrDigest && tag === undefined && digest === undefined) {
    throw new UsageError(`reference "${text}" names no tag or digest`, 'Append ":<tag>" or "@sha256:<digest>".');
  }
  const ref: Reference = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

export function formatReference(ref: Reference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
