import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import {
  indicatorAskedBy,
  judgeProgress,
  readIndicator,
  type TFrozenBaseline,
  type TIndicatorMeta,
  type TIndicatorReading,
  type TProgress,
} from "@/lib/aggregation";
import type { TCouncilRecordStatus } from "@/lib/domain/council";
import { councilRecordScope } from "./scope";
import { RECORD_INCLUDE, getVisibleZone, shapeRecord, type TCouncilRecordView } from "./council-records";
import { findClinicCycle, unsafeZoneFigures, type TZoneFigures } from "./council-zone-figures";

// The follow-up of last year's council decisions (協議の場 PDCA ⑥): for each measure of the
// zone's record of 年度 N−1, its indicator's frozen baseline → the value in 年度 N → the target,
// judged by lib/aggregation (judgeProgress). The same bundle feeds the dashboard block, the
// packet's section 「前年度の協議結果と進捗」 and its worksheets, so their figures agree.

export type TFollowUpMeasure = {
  id: string;
  issueTitle: string | null;
  title: string;
  ownerBody: string;
  ownerName: string;
  startMonth: string | null;
  deadlineMonth: string | null;
  status: TCouncilRecordView["measures"][number]["status"];
  notes: string;
  indicatorKey: string | null;
  indicator: TIndicatorMeta | null;
  baseline: TFrozenBaseline | null;
  current: TIndicatorReading | null;
  target: number | null;
  progress: TProgress | null;
};

export type TCouncilFollowUp = {
  /** The 年度 the decisions were made in (N − 1). */
  fiscalYear: number;
  /** The 年度 whose figures are the current values (N). */
  currentFiscalYear: number;
  zoneName: string;
  recordStatus: TCouncilRecordStatus;
  vision: string;
  issues: { title: string; indicatorLabels: string[] }[];
  measures: TFollowUpMeasure[];
};

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
