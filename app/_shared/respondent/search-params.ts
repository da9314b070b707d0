import { z } from "zod";

export type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const ZRevision = z.coerce.number().int().min(1).max(999).optional().catch(undefined);

/** Revision numbers from the URL (?revision=2, ?from=1&to=2); anything else is ignored. */
export async function revisionParams(searchParams: TSearchParams) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  return {
    revision: ZRevision.parse(one("revision")),
    from: ZRevision.parse(one("from")),
    to: ZRevision.parse(one("to")),
    submitted: one("submitted") === "1",
  };
}
