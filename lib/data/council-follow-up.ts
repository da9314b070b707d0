import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import {
  CLINIC_INDICATORS,
  indicatorAskedBy,
  judgeProgress,
  readIndicator,
  type TIndicatorMeta,
} from "@/lib/aggregation";
import type { TCouncilFollowUp, TFollowUpSource } from "@/lib/summaries/council";
import { councilRecordScope, cycleScope } from "./scope";
import { RECORD_INCLUDE, getVisibleZone, shapeRecord, type TCouncilRecordView } from "./council-records";
import { candidatesOf, findClinicCycle, unsafeZoneFigures, type TZoneFigures } from "./council-zone-figures";

// The follow-up of last year's council decisions (協議の場 PDCA ⑥): for each measure of the
// zone's record of 年度 N−1, its indicator's frozen baseline → the value in 年度 N → the target,
// judged by lib/aggregation (judgeProgress). The same bundle feeds the dashboard block, the
// packet's section 「前年度の協議結果と進捗」 and its worksheets, so their figures agree.

export type TFollowUpMeasure = TFollowUpSource & { indicator: TIndicatorMeta | null };
export type { TCouncilFollowUp };

/** Judges each measure of a record against the current figures (null figures: no current cycle). */
export function followUpOf(
  record: TCouncilRecordView,
  figures: TZoneFigures | null,
  currentFiscalYear: number,
): TCouncilFollowUp {
  const issueTitle = new Map(record.issues.map((i) => [i.id, i.title]));
  return {
    fiscalYear: record.fiscalYear,
    currentFiscalYear,
    zoneName: record.zone.name,
    recordStatus: record.status,
    vision: record.vision,
    issues: record.issues.map((i) => ({ title: i.title, indicatorLabels: i.indicatorLabels })),
    measures: record.measures.map((m): TFollowUpMeasure => {
      const indicator = m.indicator;
      const current = indicator && figures ? readIndicator(figures.zone, indicator) : null;
      const asked = Boolean(m.indicatorKey && figures && indicatorAskedBy(m.indicatorKey, figures.definition));
      const { measure: _measure, ...meta } = indicator ?? { measure: null };
      return {
        id: m.id,
        issueTitle: m.issueId ? (issueTitle.get(m.issueId) ?? null) : null,
        title: m.title,
        ownerBody: m.ownerBody,
        ownerName: m.ownerName,
        startMonth: m.startMonth,
        deadlineMonth: m.deadlineMonth,
        status: m.status,
        notes: m.notes,
        indicatorKey: m.indicatorKey,
        indicator: indicator ? (meta as TIndicatorMeta) : null,
        baseline: m.baseline,
        current,
        target: m.targetValue,
        progress:
          m.indicatorKey && figures
            ? judgeProgress({
                unit: indicator?.unit ?? m.baseline?.unit ?? "share",
                higherIsBetter: indicator?.higherIsBetter ?? null,
                baseline: m.baseline,
                current,
                target: m.targetValue,
                indicatorAsked: asked && indicator !== null,
              })
            : null,
      };
    }),
  };
}

/**
 * Last year's decisions of a zone followed up with this year's figures; null when the zone kept
 * no record last year. `fiscalYear` is this year (N).
 */
export async function getCouncilFollowUp(
  viewer: TViewer,
  zoneId: string,
  fiscalYear: number,
): Promise<TCouncilFollowUp | null> {
  const zone = await getVisibleZone(viewer, zoneId);
  const row = await db.councilRecord.findFirst({
    where: { AND: [councilRecordScope(viewer), { zoneId, fiscalYear: fiscalYear - 1 }] },
    include: RECORD_INCLUDE,
  });
  if (!row) return null;
  const cycle = await findClinicCycle(zone.scheme.prefectureCode, fiscalYear);
  const figures = cycle ? await unsafeZoneFigures(cycle, zoneId) : null;
  return followUpOf(shapeRecord(row), figures, fiscalYear);
}

/**
 * The indicators a record's 課題 and 対応策 may link: those the 年度's questionnaire asks (another
 * would freeze a baseline of 0/0, and the services refuse it), with the zone's 課題の候補 of that
 * 年度 marked (their comparison with the prefecture); the catalogue order otherwise.
 */
export async function getRecordIndicatorChoices(viewer: TViewer, zoneId: string, fiscalYear: number) {
  const zone = await getVisibleZone(viewer, zoneId);
  const cycle = await findClinicCycle(zone.scheme.prefectureCode, fiscalYear);
  const figures = cycle ? await unsafeZoneFigures(cycle, zoneId) : null;
  const byKey = new Map((figures ? candidatesOf(figures) : []).map((c) => [c.key, c]));
  return CLINIC_INDICATORS.filter((i) => !figures || indicatorAskedBy(i.key, figures.definition)).map(
    ({ measure: _m, ...meta }) => ({ ...meta, candidate: byKey.get(meta.key) ?? null }),
  );
}

/** Each zone's follow-up of 年度 N−1 in 年度 N, for the prefecture's side-by-side view. */
export async function listFollowUps(viewer: TViewer, fiscalYear: number) {
  if (viewer.role !== "prefecture" && viewer.role !== "admin") return new Map<string, TCouncilFollowUp>();
  const rows = await db.councilRecord.findMany({
    where: { AND: [councilRecordScope(viewer), { fiscalYear: fiscalYear - 1 }] },
    include: RECORD_INCLUDE,
  });
  const out = new Map<string, TCouncilFollowUp>();
  for (const row of rows) {
    const cycle = await findClinicCycle(row.prefectureCode, fiscalYear);
    const figures = cycle ? await unsafeZoneFigures(cycle, row.zoneId) : null;
    out.set(row.zoneId, followUpOf(shapeRecord(row), figures, fiscalYear));
  }
  return out;
}

/** The dashboard's follow-up block: the cycle and zone the dashboard shows (null without a zone). */
export async function getDashboardFollowUp(viewer: TViewer, filter: { cycleId: string; zoneId: string | null }) {
  if (!filter.zoneId || viewer.role === "institution" || viewer.role === "hub") return null;
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: filter.cycleId }] },
    select: { fiscalYear: true },
  });
  if (!cycle) return null;
  return getCouncilFollowUp(viewer, filter.zoneId, cycle.fiscalYear);
}
