import { createRequire as __ipmDbCreateRequire } from 'node:module'; const require = __ipmDbCreateRequire(import.meta.url);
import {
  publishPackage
} from "./chunk-FKDHF6XQ.js";
import {
  REGISTRY_ENV_HELP,
  cliLogger,
  parseCommandArgs,
  printJson,
  registryCredentialsFromEnv,
  registryFlags
} from "./chunk-USNFZL53.js";
import {
  canonicalJson
} from "./chunk-NC66LQRX.js";
import {
  EXIT
} from "./chunk-GYWSDV3W.js";
import "./chunk-TIJDGYO2.js";
import "./chunk-JM3CD6EF.js";
import {
  UsageError
} from "./chunk-7JDKL6H4.js";
import "./chunk-2YR2DOPF.js";

// src/cli/commands/publish.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var usage = `Usage: ipm-db publish <archive.tgz> --registry <host[:port]> --namespace <owner> [options]

Publishes a verified database package in the OCI form IPM installs from:
(only an archive that passes verification, unchanged since, is published)
<registry>/<namespace>/<module lower-case>:<version>_database__<IRIS major.minor>.

Options:
  --registry <host[:port]>  registry, e.g. ghcr.io
  --namespace <owner>       owner path, e.g. your GitHub organisation (lower case)
  --source <url>            repository URL (org.opencontainers.image.source; links a GHCR package)
  --report <file>           the JSON of "ipm-db verify --json" for this archive
                            (without it, the archive is verified now)
  --force                   overwrite an existing tag that holds different content
  --dry-run                 compute and print everything; send nothing
  --plain-http              talk HTTP, not HTTPS (local registries)
  --allow-prerelease        allow versions other than plain X.Y.Z (IPM cannot install them)
  --client <native|oras>    push through the oras CLI instead of the built-in client
  --json                    print the result as JSON
  -v, --verbose             log each registry step

${REGISTRY_ENV_HELP}
`;
function printResult(result, write) {
  const state = result.dryRun ? "would publish" : result.unchanged ? "unchanged" : "published";
  write(`${state} ${result.reference}
`);
  write(`  manifest digest  ${result.digest}
`);
  write(
    `  layer            ${result.layer.digest} (${result.layer.size} bytes${result.layer.uploaded ? ", uploaded" : ""})
`
  );
  write(`  blob bytes sent  ${result.bytesUploaded}
`);
  if (result.dryRun) write(`  manifest         ${canonicalJson(result.manifest)}
`);
}
function publishCommand(verify) {
  return {
    name: "publish",
    summary: "publish a verified database package to an OCI registry (GHCR) for IPM",
    usage,
    async run(argv, io) {
      const { values, positionals } = parseCommandArgs(argv, {
        ...registryFlags,
        registry: { type: "string" },
        namespace: { type: "string" },
        source: { type: "string" },
        report: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
        "allow-prerelease": { type: "boolean" },
        client: { type: "string" }
      });
      if (positionals.length !== 1) throw new UsageError("give exactly one <archive.tgz>");
      if (!values.registry) throw new UsageError("--registry is required", "e.g. --registry ghcr.io");
      if (!values.namespace) throw new UsageError("--namespace is required", "e.g. --namespace my-org");
      if (values.client !== void 0 && values.client !== "native" && values.client !== "oras") {
        throw new UsageError(`--client must be "native" or "oras", not "${values.client}"`);
      }
      const archivePath = resolve(io.cwd, positionals[0]);
      let report;
      if (values.report) {
        const text = await readFile(resolve(io.cwd, values.report), "utf8").catch((err) => {
          throw new UsageError(`cannot read --report ${values.report}: ${err.message}`);
        });
        try {
          report = JSON.parse(text);
        } catch {
          throw new UsageError(`--report ${values.report} is not JSON`, 'Give the output of "ipm-db verify --json".');
        }
      }
      const credentials = values["dry-run"] ? void 0 : registryCredentialsFromEnv(io.env, values.registry);
      const result = await publishPackage({
        archivePath,
        ...report ? { report } : {},
        verify,
        registry: values.registry,
        namespace: values.namespace,
        ...values.source ? { source: values.source } : {},
        force: values.force === true,
        dryRun: values["dry-run"] === true,
        plainHttp: values["plain-http"] === true,
        allowPrerelease: values["allow-prerelease"] === true,
        client: values.client === "oras" ? "oras" : "native",
        ...credentials ? { credentials } : {},
        logger: cliLogger(io, values.verbose === true)
      });
      if (values.json) printJson(io, result);
      else printResult(result, (s) => io.stdout.write(s));
      return EXIT.ok;
    }
  };
}
export {
  publishCommand
};
