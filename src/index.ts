// GitHub Action entry point (main step). Placeholder until the action issue lands.
import * as core from '@actions/core';

core.setFailed('The ipm-database action is not implemented yet.');
