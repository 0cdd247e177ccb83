/**
 * What `ipm-db run` and the action use when the user names no IRIS image or IPM: one constant
 * each, with where it comes from. Replace them here, and nowhere else, when they age.
 */
import { DEFAULT_IPM_REPOSITORY, type IpmGitPin } from '../ipm/ipm-source.js';

/**
 * The newest community IRIS release whose time-limited licence is valid (December 2026): 2026.1,
 * also the base image of IPM's own Dockerfile at the commit below. Community licences expire
 * (2023.2, 2023.3, 2024.3, 2025.1 and 2025.2 had by mid-2026); the start stage reports an expired
 * one as `iris-licence-expired`.
 */
export const DEFAULT_IRIS_IMAGE = 'containers.intersystems.com/intersystems/iris-community:2026.1';

/**
 * IPM with database packaging: no release has it yet, so the default is a source commit, the
 * head of intersystems/ipm pull request #1121 "Database Packaging" (branch db-packaging,
 * refs/pull/1121/head, "Address review comments", 2026-08-03). Its module.xml says
 * 0.10.9-SNAPSHOT: the capability check (%IPM.Lifecycle.Database exists) decides, not the version.
 * Replace it by a release version once one has package-database.
 */
export const DEFAULT_IPM_GIT: IpmGitPin = {
  commit: '1193db1ca91e1c5116230a69f1a28e63bbee30d6',
  repository: DEFAULT_IPM_REPOSITORY,
};
