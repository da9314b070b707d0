import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { notFoundError } from "@/lib/errors";
import { fileResponse } from "@/lib/http/download";
import { assertRole } from "@/lib/auth/viewer-guards";
import { findCycle } from "@/lib/data/cycles";
import { getDefinition } from "@/lib/data/questionnaires";
import { NDB_COLUMNS, POPULATION_COLUMNS, ROSTER_COLUMNS, ZONE_COLUMNS, paperSubmissionHeaders } from "@/lib/import";
import { tableToFile } from "@/lib/export/table-file";
import { IMPORT_KIND_LABELS, IMPORT_KINDS } from "@/lib/prefecture/import-preview";

/** GET: an empty file with the import's header row (CSV UTF-8 with BOM), to fill in in Excel. */
export const GET = apiRoute<{ kind: string }>(async ({ viewer, params, request }) => {
  assertRole(viewer, "prefecture");
  const parsed = z.enum(IMPORT_KINDS).safeParse(params.kind);
  if (!parsed.success) throw notFoundError("様式");
  const kind = parsed.data;
  let header: string[];
  switch (kind) {
    case "ROSTER":
      header = ROSTER_COLUMNS.map((c) => c.header);
      break;
    case "ZONES":
      header = ZONE_COLUMNS.map((c) => c.header);
      break;
    case "POPULATION":
      header = POPULATION_COLUMNS.map((c) => c.header);
      break;
    case "NDB":
      header = NDB_COLUMNS.map((c) => c.header);
      break;
    case "PAPER": {
      const cycle = await findCycle(viewer, new URL(request.url).searchParams.get("cycleId") ?? "");
      header = paperSubmissionHeaders(await getDefinition(cycle.questionnaireVersionId));
      break;
    }
  }
  const file = await tableToFile({ header, rows: [] }, "csv");
  return fileResponse(file.bytes, `${IMPORT_KIND_LABELS[kind]}_様式.csv`, file.contentType);
});
