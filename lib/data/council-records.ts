import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { findIndicator, type TFrozenBaseline } from "@/lib/aggregation";
import { COUNCIL_BODIES, type TCouncilMeeting } from "@/lib/domain/council";
import { councilRecordScope, zoneScope } from "./scope";

// Council records (協議の場の記録), read for a viewer (docs/decisions/0018-council-records.md):
// a council member its own zones, the officer every zone of its prefecture, the administrator all.
// A zone outside the viewer's scope is the same 404 as a zone that does not exist.

const ZMeetings = z.array(
  z.object({
    date: z.string(),
    agenda: z.string(),
    attendees: z.array(z.object({ body: z.enum(COUNCIL_BODIES), count: z.number().int(), names: z.string() })),
  }),
);

/** CouncilRecord.meetings, parsed at the read boundary. */
export function parseMeetings(value: unknown): TCouncilMeeting[] {
  const parsed = ZMeetings.safeParse(value);
  if (!parsed.success)
    throw new Error(`JSON column "meetings" has an unexpected shape: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export const RECORD_INCLUDE = {
  zone: { select: { id: true, code: true, name: true, scheme: { select: { name: true, isDefault: true } } } },
  issues: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
  measures: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.CouncilRecordInclude;

type TRecordRow = Prisma.CouncilRecordGetPayload<{ include: typeof RECORD_INCLUDE }>;
type TMeasureRow = TRecordRow["measures"][number];

/** The frozen baseline of a measure, or null when none was frozen (no indicator or no cycle). */
export function baselineOf(m: TMeasureRow): TFrozenBaseline | null {
  if (!m.baselineUnit || m.baselineCount === null || m.baselineBase === null || m.baselineFiscalYear === null)
    return null;
  return {
    unit: m.baselineUnit === "per10k" ? "per10k" : "share",
    count: m.baselineCount,
    denominator: m.baselineDenominator,
    base: m.baselineBase,
    value: m.baselineValue,
    fiscalYear: m.baselineFiscalYear,
  };
}

export function shapeRecord(row: TRecordRow) {
  return {
    id: row.id,
    prefectureCode: row.prefectureCode,
    fiscalYear: row.fiscalYear,
    zone: { id: row.zone.id, code: row.zone.code, name: row.zone.name, schemeName: row.zone.scheme.name },
    vision: row.vision,
    meetings: parseMeetings(row.meetings),
    status: row.status,
    agreedAt: row.agreedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    issues: row.issues.map((i) => ({
      id: i.id,
      title: i.title,
      indicatorKeys: i.indicatorKeys,
      indicatorLabels: i.indicatorKeys.map((k) => findIndicator(k)?.label ?? `（現在の指標一覧にない指標: ${k}）`),
      causeGovernment: i.causeGovernment,
      causeMedical: i.causeMedical,
      causeCare: i.causeCare,
    })),
    measures: row.measures.map((m) => ({
      id: m.id,
      issueId: m.issueId,
      title: m.title,
      ownerBody: m.ownerBody,
      ownerName: m.ownerName,
      startMonth: m.startMonth,
      deadlineMonth: m.deadlineMonth,
      indicatorKey: m.indicatorKey,
      indicator: m.indicatorKey ? (findIndicator(m.indicatorKey) ?? null) : null,
      baseline: baselineOf(m),
      baselineFrozenAt: m.baselineFrozenAt?.toISOString() ?? null,
      targetValue: m.targetValue,
      status: m.status,
      notes: m.notes,
    })),
  };
}
export type TCouncilRecordView = ReturnType<typeof shapeRecord>;

/** The zone if the viewer may see it (a council member: its own; the officer: its prefecture's). */
export async function getVisibleZone(viewer: TViewer, zoneId: string) {
  if (viewer.role === "institution" || viewer.role === "hub") throw notFoundError("圏域");
  const zone = await db.zone.findFirst({
    where: { AND: [zoneScope(viewer), { id: zoneId }] },
    select: { id: true, code: true, name: true, scheme: { select: { prefectureCode: true, name: true } } },
  });
  if (!zone) throw notFoundError("圏域");
  return zone;
}

/** One zone's record of one 年度, or null when none has been started. */
export async function getCouncilRecord(
  viewer: TViewer,
  zoneId: string,
  fiscalYear: number,
): Promise<TCouncilRecordView | null> {
  await getVisibleZone(viewer, zoneId);
  const row = await db.councilRecord.findFirst({
    where: { AND: [councilRecordScope(viewer), { zoneId, fiscalYear }] },
    include: RECORD_INCLUDE,
  });
  return row ? shapeRecord(row) : null;
}

/** Every record the viewer may read, newest 年度 first, zones in their scheme order. */
export async function listCouncilRecords(viewer: TViewer, options: { fiscalYear?: number } = {}) {
  if (viewer.role === "institution" || viewer.role === "hub") throw forbiddenError();
  const rows = await db.councilRecord.findMany({
    where: { AND: [councilRecordScope(viewer), options.fiscalYear ? { fiscalYear: options.fiscalYear } : {}] },
    include: RECORD_INCLUDE,
    orderBy: [{ fiscalYear: "desc" }, { zone: { sortOrder: "asc" } }],
  });
  return rows.map(shapeRecord);
}

/** The zones the viewer may keep records for, with their scheme (councils: their own zones). */
export async function listRecordZones(viewer: TViewer) {
  if (viewer.role === "institution" || viewer.role === "hub") throw forbiddenError();
  return db.zone.findMany({
    where: zoneScope(viewer),
    select: { id: true, code: true, name: true, scheme: { select: { id: true, name: true, isDefault: true } } },
    orderBy: [{ scheme: { isDefault: "desc" } }, { sortOrder: "asc" }, { code: "asc" }],
  });
}

/** The 年度 a record can be kept for: those with a clinic-report cycle in the prefecture. */
export async function listRecordYears(viewer: TViewer): Promise<number[]> {
  if (viewer.role === "institution" || viewer.role === "hub" || viewer.role === "admin") return [];
  const cycles = await db.reportingCycle.findMany({
    where: { prefectureCode: viewer.prefectureCode, kind: "CLINIC_REPORT" },
    select: { fiscalYear: true },
    orderBy: { fiscalYear: "desc" },
  });
  return cycles.map((c) => c.fiscalYear);
}

/**
 * A published record, for the public page and its downloads. Public by design: the PUBLISHED
 * status the council or the officer set is the scope (nothing else of the prefecture is read).
 * The zone is found by its code, the default scheme's first.
 */
export async function getPublishedCouncilRecord(prefectureCode: string, zoneCode: string, fiscalYear: number) {
  const rows = await db.councilRecord.findMany({
    where: { prefectureCode, fiscalYear, status: "PUBLISHED", zone: { code: zoneCode } },
    include: {
      ...RECORD_INCLUDE,
      zone: {
        select: {
          ...RECORD_INCLUDE.zone.select,
          scheme: { select: { name: true, isDefault: true, prefecture: { select: { name: true, isDemo: true } } } },
        },
      },
    },
  });
  const row = rows.sort((a, b) => Number(b.zone.scheme.isDefault) - Number(a.zone.scheme.isDefault))[0];
  if (!row) throw notFoundError("公表された協議の結果");
  return {
    record: shapeRecord(row),
    prefectureName: row.zone.scheme.prefecture.name,
    isDemo: row.zone.scheme.prefecture.isDemo,
  };
}

/**
 * Every published record of a prefecture and 年度 (open data: councils.csv/.json). Public by
 * design, like getPublishedCouncilRecord: only PUBLISHED records are read — 合意済 and 作成中 never.
 * Default scheme first, then the zones in their order.
 */
export async function listPublishedCouncilRecords(prefectureCode: string, fiscalYear: number) {
  const rows = await db.councilRecord.findMany({
    where: { prefectureCode, fiscalYear, status: "PUBLISHED" },
    include: RECORD_INCLUDE,
    orderBy: [{ zone: { scheme: { isDefault: "desc" } } }, { zone: { sortOrder: "asc" } }, { zone: { code: "asc" } }],
  });
  return rows.map(shapeRecord);
}

/**
 * The 年度 of a zone's published council results, newest first, for the public zone page's links.
 * Public by design, like getPublishedCouncilRecord: only PUBLISHED records are read.
 */
export async function listPublishedCouncilYears(prefectureCode: string, zoneCode: string): Promise<number[]> {
  const rows = await db.councilRecord.findMany({
    where: { prefectureCode, status: "PUBLISHED", zone: { code: zoneCode } },
    select: { fiscalYear: true },
    distinct: ["fiscalYear"],
    orderBy: { fiscalYear: "desc" },
  });
  return rows.map((r) => r.fiscalYear);
}

/** The record PDF's input: the record by id within the viewer's scope (else 404). */
export async function getCouncilRecordDocumentInput(viewer: TViewer, recordId: string) {
  if (viewer.role === "institution" || viewer.role === "hub") throw notFoundError("協議の記録");
  const row = await db.councilRecord.findFirst({
    where: { AND: [councilRecordScope(viewer), { id: recordId }] },
    include: RECORD_INCLUDE,
  });
  if (!row) throw notFoundError("協議の記録");
  const prefecture = await db.prefecture.findUniqueOrThrow({
    where: { code: row.prefectureCode },
    select: { name: true, isDemo: true },
  });
  return {
    record: shapeRecord(row),
    prefectureName: prefecture.name,
    isDemo: prefecture.isDemo,
    generatedAt: new Date().toISOString(),
  };
}
