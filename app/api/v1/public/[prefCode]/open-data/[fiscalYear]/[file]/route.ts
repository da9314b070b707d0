import { publicFile, publicNotFound, publicRoute } from "@/lib/http/public-api";
import { getLivePublication } from "@/lib/data/public";
import { openDataFile } from "@/lib/data/public-files";

/**
 * GET: an open-data file at its stable URL, e.g. /api/v1/public/18/open-data/2024/institutions.csv
 * (institutions | municipalities | zones | councils; .csv UTF-8, -sjis.csv Shift_JIS, .json).
 */
export const GET = publicRoute<{ prefCode: string; fiscalYear: string; file: string }>(async ({ request, params }) => {
  const year = /^\d{4}$/.test(params.fiscalYear) ? Number(params.fiscalYear) : NaN;
  const live = Number.isFinite(year) ? await getLivePublication(params.prefCode, year) : null;
  const file = live ? await openDataFile(live, params.file) : null;
  if (!live || !file) throw publicNotFound("公表データ");
  return publicFile(request, file.bytes, file.fileName, file.contentType, file.version);
});
