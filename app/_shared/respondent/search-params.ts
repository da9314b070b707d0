import { z } from "zod";
import type { TSearchParams } from "@/lib/search-params";

const ZRevision = z.coerce.number().int().min(1).max(999).optional().catch(undefined);

/** Revision numbers from the URL (?revision=2, ?from=1&to=2); anything else is ignored. */
export async function revisionParams(searchParams: Promise<TSearchParams>) {
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  return {
    revision: ZRevision.parse(one("revision")),
    from: ZRevision.parse(one("from")),
    to: ZRevision.parse(one("to")),
    submitted: one("submitted") === "1",
  };
}
