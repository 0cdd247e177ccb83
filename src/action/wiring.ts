/**
 * Binds the action's ports to the implementations in src/pipeline and src/oci.
 */
import { IpmDbError } from '../util/errors.js';
import type { PipelinePort, PublishPort } from './ports.js';

function notBuilt(what: string): never {
  throw new IpmDbError('not-available', `${what} is not part of this build of the action.`, {
    hint: 'Use a released version of the action (uses: <owner>/<repo>@v1).',
  });
}

export const pipeline: PipelinePort = {
  runImage: async () => notBuilt('The IRIS pipeline (src/pipeline)'),
};

export const publisher: PublishPort = {
  publish: async () => notBuilt('OCI publishing (src/oci)'),
};
