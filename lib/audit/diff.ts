// Before/after snapshots for the audit log hold only what changed, so a one-field edit of a
// 200-item report stays readable and small.
export type TJson = string | number | boolean | null | TJson[] | { [key: string]: TJson };
export type TSnapshot = Record<string, TJson | undefined>;

export function changedFields(
  before: TSnapshot | null | undefined,
  after: TSnapshot | null | undefined,
): { before: TSnapshot; after: TSnapshot } {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out = { before: {} as TSnapshot, after: {} as TSnapshot };
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (!jsonEqual(b, a)) {
      if (b !== undefined) out.before[key] = b;
      if (a !== undefined) out.after[key] = a;
    }
  }
  return out;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
