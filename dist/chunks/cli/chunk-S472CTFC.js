import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);

// src/pipeline/upgrade/results.ts
var UPGRADE_SCENARIOS = ["database", "source", "fresh", "container-replacement"];
var IRIS_UPGRADE = "iris-upgrade";
var IRIS_UPGRADE_REPORT_SCHEMA = "ipm-db/iris-upgrade-report@1";

export {
  UPGRADE_SCENARIOS,
  IRIS_UPGRADE,
  IRIS_UPGRADE_REPORT_SCHEMA
};
