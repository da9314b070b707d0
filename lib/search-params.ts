// URL search parameters as pages receive them (after awaiting Next's searchParams prop), and the
// two helpers every list page uses to read them and to build links that keep the current filters.

export type TSearchParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, as zod expects a flat object. */
export function flattenParams(params: TSearchParams | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) if (!(key in out)) out[key] = value;
    return out;
  }
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}

/** Builds a URL keeping the current filters, with changes (undefined removes a parameter). */
export function withParams(
  path: string,
  current: Record<string, string | number | undefined>,
  changes: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && Number(value) === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
