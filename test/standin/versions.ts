// Semantic-version comparison (IPM module versions) and the SystemRequirements Version check
// (Storage/SystemRequirements.cls: the running major.minor must satisfy the requirement).

function parse(v: string): { nums: number[]; pre: string } {
  const [core, pre = ''] = v.trim().split('+')[0]!.split(/-(.*)/s);
  return { nums: (core ?? '').split('.').map((n) => Number(n) || 0), pre };
}

/** <0, 0, >0 as a is older than, equal to, newer than b (a prerelease precedes its release). */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length, 3); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (!pa.pre) return 1;
  if (!pb.pre) return -1;
  return pa.pre < pb.pre ? -1 : 1;
}

/**
 * Whether IRIS `system` (major.minor) satisfies `required`: a bare "2026.1" means that major.minor
 * (any maintenance build); ">=x", "<=x", ">x", "<x" compare; "a || b" alternatives; "a b" all.
 */
export function satisfiesSystemVersion(required: string, system: string): boolean {
  return required.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((term) => {
        const m = /^(>=|<=|>|<|=)?(.+)$/.exec(term)!;
        const op = m[1] ?? '';
        const want = m[2]!;
        const d = compareVersions(system, want);
        switch (op) {
          case '>=':
            return d >= 0;
          case '<=':
            return d <= 0;
          case '>':
            return d > 0;
          case '<':
            return d < 0;
          default: {
            const w = want.split('.');
            const s = system.split('.');
            return w.every((part, i) => Number(part) === Number(s[i] ?? 0));
          }
        }
      }),
  );
}
