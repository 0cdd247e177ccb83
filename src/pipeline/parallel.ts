/**
 * How many IRIS containers run at once on this machine: the `parallel` setting's default, and the
 * slots IRIS versions and upgrade scenarios with their own container share.
 */
import { availableParallelism, totalmem } from 'node:os';
import { Limiter } from '../util/limiter.js';

/** Memory one IRIS container needs (IRIS itself takes about 1.5-2 GB), kept free for each. */
export const IRIS_CONTAINER_BYTES = 2 * 1024 ** 3;
/** Memory left to the runner itself (Node, Docker, the OS). */
const RUNNER_RESERVE_BYTES = 1024 ** 3;

/** One IRIS container per core, as many as memory allows; at least one. */
export function defaultParallel(machine: { memoryBytes: number; cores: number }): number {
  const byMemory = Math.floor((machine.memoryBytes - RUNNER_RESERVE_BYTES) / IRIS_CONTAINER_BYTES);
  return Math.max(1, Math.min(machine.cores, byMemory));
}

export function thisMachine(): { memoryBytes: number; cores: number } {
  return { memoryBytes: totalmem(), cores: availableParallelism() };
}

/** Slots for IRIS containers: each IRIS version's run holds one; an upgrade scenario's own container takes one when free. */
export function containerSlots(parallel: number): Limiter {
  return new Limiter(parallel);
}
