// Small helpers that add (or subtract) the plain-object counters. Counters keep one canonical
// form so that equal totals are structurally equal (the additivity tests compare with toEqual):
// - fixed-shape tallies are dense (every field present, zeros included);
// - open-ended maps (codes, function keys, cells) are sparse: a key is present only when its
//   value is not all zeros. Subtraction drops entries that fall back to zero.
// A negative result means the counters drifted from the data (subtracting what was never added):
// it throws rather than storing nonsense.

export type TSign = 1 | -1;

export function mergeFlat<T extends Record<string, number>>(a: T, b: T, sign: TSign): T {
  const out: Record<string, number> = { ...a };
  for (const key of Object.keys(b)) {
    const value = (a[key] ?? 0) + sign * (b[key] ?? 0);
    if (value < 0) throw negative(key);
    out[key] = value;
  }
  return out as T;
}

export function isZeroFlat(a: Record<string, number>): boolean {
  return Object.values(a).every((v) => v === 0);
}

/** Sparse map of numbers: zero entries are dropped. */
export function mergeCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, sign: TSign) {
  const out: Record<string, number> = { ...a };
  for (const [key, v] of Object.entries(b)) {
    const value = (a[key] ?? 0) + sign * v;
    if (value < 0) throw negative(key);
    if (value === 0) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** Sparse map of tallies: entries that become all zeros are dropped. */
export function mergeKeyed<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  sign: TSign,
  merge: (x: T, y: T, sign: TSign) => T,
  empty: () => T,
  isZero: (x: T) => boolean,
): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const merged = merge(a[key] ?? empty(), value, sign);
    if (isZero(merged)) delete out[key];
    else out[key] = merged;
  }
  return out;
}

export function increment(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function negative(key: string): Error {
  return new Error(`集計カウンタが負になります（${key}）。差し引く内容が加算されていません。`);
}

export function checkFormat(expected: number, ...formats: number[]): void {
  for (const f of formats) {
    if (f !== expected) {
      throw new Error(`集計カウンタの形式 ${f} は現在の形式 ${expected} と異なります。再集計してください。`);
    }
  }
}

/** A signed structural difference of two counters (numbers b − a, objects key by key). */
export type TSignedTree = { [key: string]: number | TSignedTree };

/**
 * b − a over every key of either side, zeros included (a dense tally that does not exist yet on
 * the stored side must be created whole). `changed` says whether any number differs.
 */
export function signedDifference(a: unknown, b: unknown): { tree: TSignedTree; changed: boolean } {
  const tree: TSignedTree = {};
  let changed = false;
  const left = (a ?? {}) as Record<string, unknown>;
  const right = (b ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const x = left[key];
    const y = right[key];
    if (typeof x === "object" || typeof y === "object") {
      const inner = signedDifference(x, y);
      tree[key] = inner.tree;
      changed ||= inner.changed;
    } else {
      const value = ((y as number | undefined) ?? 0) - ((x as number | undefined) ?? 0);
      tree[key] = value;
      changed ||= value !== 0;
    }
  }
  return { tree, changed };
}
