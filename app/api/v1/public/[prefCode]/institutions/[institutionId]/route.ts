import { publicNotFound, publicRoute } from "@/lib/http/public-api";
import { getLivePublication, getPublicInstitution } from "@/lib/data/public";
import { parsePublicSearch } from "@/lib/domain/public-search";
import { INSTITUTION_COLUMNS, toRecords } from "@/lib/summaries/public-open-data";

/** GET ?year: one published institution as its open-data record, plus its answers in words. */
export const GET = publicRoute<{ prefCode: string; institutionId: string }>(async ({ params, url }) => {
  const { year } = parsePublicSearch({ year: url.searchParams.get("year") ?? undefined });
  const live = await getLivePublication(params.prefCode, year);
  const row = live && params.institutionId.length <= 64 ? await getPublicInstitution(live, params.institutionId) : null;
  if (!live || !row) throw publicNotFound("医療機関");
  return {
    version: live.version,
    body: {
      fiscalYear: live.fiscalYear,
      dataAsOf: live.dataAsOf.toISOString(),
      record: toRecords(INSTITUTION_COLUMNS, [row])[0],
      answers: row.detail.answers.map((a) => ({ section: a.section, label: a.label, answer: a.answer })),
    },
  };
});
