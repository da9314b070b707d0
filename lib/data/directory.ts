import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { directoryScope } from "./scope";

export type TDirectoryEntry = { code: string; name: string; municipality: string; kind: "HOSPITAL" | "CLINIC" };

/** Partner picker search: by name (partial) or 医療機関コード (prefix), within the directory scope. */
export async function searchDirectory(viewer: TViewer, rawQuery: string, take = 20): Promise<TDirectoryEntry[]> {
  const query = rawQuery.normalize("NFKC").trim();
  if (query.length === 0) return [];
  const rows = await db.institution.findMany({
    where: {
      AND: [
        directoryScope(viewer),
        /^\d+$/.test(query) ? { code: { startsWith: query } } : { name: { contains: query, mode: "insensitive" } },
      ],
    },
    select: { code: true, name: true, kind: true, municipality: { select: { name: true } } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take,
  });
  return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, municipality: r.municipality.name }));
}
