import "server-only";
import { db } from "@/lib/db";
import {
  compareWithReference,
  issueCandidates,
  sumClinicCounters,
  sumPopulations,
  summarizeClinic,
  type TClinicSummary,
  type TIndicatorComparison,
} from "@/lib/aggregation";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { getDefinition } from "./questionnaires";
import { unsafeLoadClinicCells } from "./clinic-counters";

// The figures a council record is measured with: one zone's clinic-report summary in one cycle,
// counted exactly as the zone dashboard counts it with its default filter (病院・診療所, every
// submitted report) — so a baseline frozen here, or a current value shown in the follow-up, is
// the figure the dashboard showed that day.

export const FOLLOW_UP_FILTER = { kind: "ALL", confirmedOnly: false } as const;

export type TZoneFigures = {
  cycle: { id: string; fiscalYear: number; prefectureCode: string };
  definition: TQuestionnaireDefinition;
  zone: TClinicSummary;
  prefecture: TClinicSummary;
};

/** The clinic-report cycle of a prefecture and 年度; null when there is none. */
export async function findClinicCycle(prefectureCode: string, fiscalYear: number) {
  return db.reportingCycle.findFirst({
    where: { prefectureCode, kind: "CLINIC_REPORT", fiscalYear },
    select: { id: true, fiscalYear: true, prefectureCode: true, questionnaireVersionId: true, status: true },
  });
}

/**
 * A zone's summary in a cycle, without a viewer: callers have already checked that the viewer
 * may see the zone (or, for the public page, that the record is published). Hence unsafe….
 */
export async function unsafeZoneFigures(
  cycle: { id: string; fiscalYear: number; prefectureCode: string; questionnaireVersionId: string },
  zoneId: string,
): Promise<TZoneFigures> {
  const [definition, cells, populations, zone] = await Promise.all([
    getDefinition(cycle.questionnaireVersionId),
    unsafeLoadClinicCells(cycle.id),
    db.municipality.findMany({
      where: { prefectureCode: cycle.prefectureCode },
      select: { code: true, populationTotal: true, population65: true, population75: true },
    }),
    db.zone.findUniqueOrThrow({
      where: { id: zoneId },
      select: { municipalities: { select: { municipalityCode: true } } },
    }),
  ]);
  const byCode = cells;
  const codes = new Set(zone.municipalities.map((m) => m.municipalityCode));
  const options = { ...FOLLOW_UP_FILTER, definition };
  const zoneSummary = summarizeClinic(
    sumClinicCounters([...codes].flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []))),
    {
      ...options,
      population: sumPopulations(populations.filter((p) => codes.has(p.code))),
    },
  );
  const prefecture = summarizeClinic(sumClinicCounters(byCode.values()), {
    ...options,
    population: sumPopulations(populations),
  });
  return {
    cycle: { id: cycle.id, fiscalYear: cycle.fiscalYear, prefectureCode: cycle.prefectureCode },
    definition,
    zone: zoneSummary,
    prefecture,
  };
}

/** The zone's 課題の候補 in these figures (what the dashboard lists). */
export function candidatesOf(figures: TZoneFigures): TIndicatorComparison[] {
  return issueCandidates(compareWithReference(figures.zone, figures.prefecture));
}
