/** Bounding how much runs at once: a counting semaphore and a bounded map over a list. */

/** At most `limit` holders at a time; waiters are served in arrival order. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`a limit must be a whole number >= 1, not ${limit}`);
  }

  /** How many hold a slot now. */
  get inUse(): number {
    return this.active;
  }

  /** Waits for a slot; the caller must release() it. */
  acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Takes a slot only when one is free now. */
  tryAcquire(): boolean {
    if (this.active >= this.limit) return false;
    this.active++;
    return true;
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** Runs `work` holding a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}

/**
 * `work` over every item with at most `limit` at once (each holding a slot of `slots` when given,
 * shared with other users of it), results in the items' order. Stops starting items once
 * `shouldStart` says no.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  slots: Limiter,
  work: (item: T, index: number) => Promise<R>,
  shouldStart: () => boolean = () => true,
): Promise<Array<R | undefined>> {
  const results: Array<R | undefined> = new Array<R | undefined>(items.length).fill(undefined);
  await Promise.all(
    items.map((item, index) =>
      slots.run(async () => {
        if (!shouldStart()) return;
        results[index] = await work(item, index);
      }),
    ),
  );
  return results;
}
