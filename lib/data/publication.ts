import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import { foldForSearch, tallyPublicRows, type TPublicTally } from "@/lib/aggregation/public-row";
import type { TPublishedRecordInput } from "@/lib/summaries/public-open-data";
import { findCycle, type TCycle } from "./cycles";
import { parsePublicDetail } from "./json-columns";
import { collectPublicationRows, type TPublicationRow } from "./publication-rows";

// What the officer, the institution and the national administrator see of 公表: the setting, the
// runs, the holds, and the preview — computed by the same collector the run uses, so the preview
// is exactly what would go public now (docs/decisions/0017-publication.md).

export type TPreviewRow = TPublishedRecordInput & { institutionId: string };

const asRecord = (row: TPublicationRow): TPreviewRow => ({
  institutionId: row.institutionId,
  code: row.code,
  name: row.name,
  kind: row.kind,
  municipalityCode: row.municipalityCode,
  municipalityName: row.municipalityName,
  zoneCode: row.zoneCode ?? null,
  zoneName: row.zoneName ?? null,
  address: row.address ?? null,
  revision: row.revision,
  confirmedAt: row.confirmedAt ? new Date(row.confirmedAt) : null,
  f1: row.f1,
  f2i: row.f2i,
  f2ro: row.f2ro,
  f2ha: row.f2ha,
  f2ni: row.f2ni,
  areas: (row.areas as string[]) ?? [],
  diseases: (row.diseases as string[]) ?? [],
  detail: parsePublicDetail(row.detail),
});

const PREVIEW_PAGE = 50;

export async function getPublicationPanel(
  viewer: TViewer,
  cycleId: string,
  options: { q?: string; page?: number } = {},
) {
  assertRole(viewer, "prefecture");
  const cycle = await findCycle(viewer, cycleId);
  const [setting, runs, holds] = await Promise.all([
    db.publicationSetting.findUnique({ where: { cycleId: cycle.id } }),
    db.publicationRun.findMany({
      where: { cycleId: cycle.id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, dataAsOf: true, trigger: true, institutionCount: true, heldBack: true, carriedForward: true },
    }),
    db.publicationHold.findMany({
      where: { cycleId: cycle.id },
      orderBy: { heldAt: "desc" },
      select: {
        id: true,
        reason: true,
        heldAt: true,
        releasedAt: true,
        institution: { select: { id: true, code: true, name: true } },
      },
    }),
  ]);
  const collected =
    cycle.kind === "CLINIC_REPORT"
      ? await collectPublicationRows(cycle, { liveRunId: setting?.liveRunId ?? null })
      : { rows: [], carriedForward: 0, heldBack: 0 };
  const rows = collected.rows.map(asRecord);
  const byZone = tallyPublicRows(rows, (r) => `${r.zoneCode ?? ""}\t${r.zoneName ?? "（圏域外）"}`);
  const total = tallyPublicRows(rows, () => "all").get("all") ?? emptyTally();
  const q = options.q ? foldForSearch(options.q) : "";
  const matching = q ? rows.filter((r) => foldForSearch(r.name).includes(q) || r.code.startsWith(q)) : rows;
  const page = Math.max(1, options.page ?? 1);
  return {
    cycle,
    setting: setting ?? { status: "DRAFT" as const, licence: "CC-BY-4.0", liveRunId: null, updatedAt: null },
    runs,
    holds,
    preview: {
      total,
      zones: [...byZone].map(([key, tally]) => {
        const [code, name] = key.split("\t") as [string, string];
        return { code, name, ...tally };
      }),
      carriedForward: collected.carriedForward,
      heldBack: collected.heldBack,
      list: matching.slice((page - 1) * PREVIEW_PAGE, page * PREVIEW_PAGE),
      matching: matching.length,
      page,
      pageSize: PREVIEW_PAGE,
    },
  };
}

const emptyTally = (): TPublicTally => ({ institutions: 0, f1: 0, f2i: 0, f2ro: 0, f2ha: 0, f2ni: 0 });

export type TInstitutionPreview =
  | { state: "public"; row: TPreviewRow }
  | { state: "held"; reason: string }
  | { state: "not-confirmed"; status: string | null };

async function previewOne(
  cycle: Pick<TCycle, "id" | "prefectureCode">,
  institutionId: string,
): Promise<TInstitutionPreview> {
  const [setting, hold, submission] = await Promise.all([
    db.publicationSetting.findUnique({ where: { cycleId: cycle.id }, select: { liveRunId: true } }),
    db.publicationHold.findFirst({
      where: { cycleId: cycle.id, institutionId, releasedAt: null },
      select: { reason: true },
    }),
    db.submission.findFirst({ where: { cycleId: cycle.id, institutionId }, select: { status: true } }),
  ]);
  if (hold) return { state: "held", reason: hold.reason };
  const { rows } = await collectPublicationRows(cycle, {
    liveRunId: setting?.liveRunId ?? null,
    institutionIds: [institutionId],
  });
  return rows[0]
    ? { state: "public", row: asRecord(rows[0]) }
    : { state: "not-confirmed", status: submission?.status ?? null };
}

/** The officer's per-institution preview. */
export async function getInstitutionPublicationPreview(viewer: TViewer, cycleId: string, institutionId: string) {
  assertRole(viewer, "prefecture");
  const cycle = await findCycle(viewer, cycleId);
  const institution = await db.institution.findFirst({
    where: { id: institutionId, prefectureCode: viewer.prefectureCode },
    select: { id: true, code: true, name: true },
  });
  if (!institution) throw notFoundError("医療機関");
  return { cycle, institution, preview: await previewOne(cycle, institution.id) };
}

/**
 * 「Renkei が公表する内容」 on the institution's home: its clinic-report cycles whose publication
 * is still ahead (no 公表日 yet, or a date to come), with what would be published about it.
 */
export async function getOwnPublicationPreviews(viewer: TViewer) {
  assertRole(viewer, "institution");
  const now = new Date();
  const cycles = await db.reportingCycle.findMany({
    where: {
      prefectureCode: viewer.prefectureCode,
      kind: "CLINIC_REPORT",
      AND: [
        { OR: [{ publishAt: null }, { publishAt: { gt: now } }] },
        {
          OR: [
            { publication: { status: "SCHEDULED" } },
            { submissions: { some: { institutionId: viewer.institutionId, revision: { gt: 0 } } } },
          ],
        },
      ],
    },
    orderBy: { fiscalYear: "desc" },
    select: { id: true, prefectureCode: true, fiscalYear: true, publishAt: true },
  });
  return Promise.all(cycles.map(async (cycle) => ({ cycle, preview: await previewOne(cycle, viewer.institutionId) })));
}

/** The national administrator: every prefecture's publication settings. */
export async function listPublicationStatus(viewer: TViewer) {
  assertRole(viewer, "admin");
  const settings = await db.publicationSetting.findMany({
    where: { status: { not: "DRAFT" } },
    orderBy: [{ prefectureCode: "asc" }, { cycle: { fiscalYear: "desc" } }],
    select: {
      status: true,
      licence: true,
      cycle: { select: { fiscalYear: true, publishAt: true, prefecture: { select: { code: true, name: true } } } },
      liveRun: { select: { dataAsOf: true, institutionCount: true } },
    },
  });
  return settings;
}
