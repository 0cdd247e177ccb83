// Entry point of the stand-in's `iris` executable (and of the container's entrypoint):
//   iris session IRIS [-U <NS>]     ObjectScript on stdin (session.ts)
//   iris qlist [IRIS]               the instance line IRIS prints
//   iris standin-main [args...]     the container entrypoint: "starts IRIS" after
//                                   STANDIN_START_DELAY_MS, unless STANDIN_FAULT_NEVER_READY=1
import { checkInstanceVersion } from './instance-upgrade.js';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Instance, INSTALL_DIR, irisVersion } from './instance.js';
import { dirname, join } from 'node:path';
import { claimLicenceUnit } from './licence-units.js';
import { Session } from './session.js';
import { IpmShell } from './ipm.js';
import { abortForLicence } from './licence.js';

function qlist(inst: Instance): number {
  const v = irisVersion(inst.env);
  const running = existsSync(inst.readyFile);
  const since = running ? readFileSync(inst.readyFile, 'utf8').trim() : '';
  const state = running ? `running, since ${since}` : 'down';
  process.stdout.write(
    `IRIS^${INSTALL_DIR}^${v.number.split('.').slice(0, 3).join('.')}.${v.number.split('.')[3]}^${state}^iris.cpf^1972^52773^0^${running ? 'ok' : ''}^IRIS^^^${INSTALL_DIR}\n`,
  );
  return 0;
}

function session(inst: Instance, args: string[]): number {
  const instanceName = args[0] ?? '';
  if (instanceName.toUpperCase() !== 'IRIS') {
    process.stderr.write(`iris: Instance '${instanceName}' not found\n`);
    return 1;
  }
  if (!existsSync(inst.readyFile)) {
    process.stdout.write(`Startup Error: IRIS instance is not running (iris start IRIS)\n`);
    return 1;
  }
  const u = args.indexOf('-U');
  const requested = u >= 0 ? (args[u + 1] ?? '') : 'USER';
  const ns = inst.canonicalNamespace(requested);
  if (!ns) {
    process.stdout.write(`\n<NAMESPACE> *${requested}\n`);
    return 1;
  }
  const release = claimLicenceUnit(join(dirname(inst.readyFile), 'standin-licence'));
  if (!release) {
    process.stdout.write(`\n<LICENSE LIMIT EXCEEDED>\n`);
    return 1;
  }
  try {
    const s = new Session(inst, ns);
    s.ipm = new IpmShell(s);
    return s.run();
  } finally {
    release();
  }
}

/** waitReady.sh: polls until the instance runs; exit 1 after the timeout (seconds, arg 1). */
function waitReady(inst: Instance, args: string[]): number {
  const timeoutS = Number(args[0] ?? inst.env.STANDIN_WAITREADY_TIMEOUT_S ?? '60');
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    if (existsSync(inst.readyFile)) {
      process.stdout.write('IRIS is up and running\n');
      return 0;
    }
    if (Date.now() >= deadline) {
      process.stdout.write(`IRIS did not start within ${timeoutS} seconds\n`);
      return 1;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

function entrypoint(inst: Instance): void {
  rmSync(inst.readyFile, { force: true });
  inst.ensureCreated();
  inst.log(`Starting IRIS (stand-in), version ${irisVersion(inst.env).number}, data in ${inst.mgr}`);
  if (abortForLicence(inst)) return;
  const version = checkInstanceVersion(inst);
  if (version.kind === 'refused') {
    const text = `Cannot start: the instance data in ${inst.mgr} belongs to IRIS ${version.recorded}; this is IRIS ${version.version} (downgrades are not supported)`;
    inst.log(text);
    process.stderr.write(`${text}\n`);
    process.exit(1);
  }
  const delay = Number(inst.env.STANDIN_START_DELAY_MS ?? '1000');
  const stop = (): void => {
    rmSync(inst.readyFile, { force: true });
    inst.log('Shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (inst.env.STANDIN_FAULT_NEVER_READY === '1') inst.log('STANDIN_FAULT_NEVER_READY=1: startup will never complete');
  else {
    const complete = (): void => {
      writeFileSync(inst.readyFile, new Date().toUTCString() + '\n');
      inst.log('Startup complete');
      process.stdout.write('Startup complete\n');
    };
    // STANDIN_START_HOLD_FILE: startup completes only once that file exists (a test's gate, so that
    // "not ready yet" is observed for certain, however slow the machine).
    const hold = inst.env.STANDIN_START_HOLD_FILE;
    const whenReleased = (): void => {
      if (!hold || existsSync(hold)) complete();
      else setTimeout(whenReleased, 100);
    };
    setTimeout(whenReleased, delay);
  }
  setInterval(() => {}, 1 << 30);
}

export function main(argv: string[]): void {
  const [command = '', ...args] = argv;
  const inst = new Instance(process.env);
  switch (command.toLowerCase()) {
    case 'session':
      process.exitCode = session(inst, args);
      return;
    case 'qlist':
      process.exitCode = qlist(inst);
      return;
    case 'standin-wait-ready':
      process.exitCode = waitReady(inst, args);
      return;
    case 'standin-main':
      entrypoint(inst);
      return;
    default:
      process.stderr.write(`usage: iris session IRIS [-U <namespace>] | iris qlist\n`);
      process.exitCode = 1;
  }
}

main(process.argv.slice(2));
