// 休院 institutions (as of the cycle's 1 January) are outside the denominator: the progress
// counts (対象) and the dashboard counters both leave them out, and say how many were left out.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countCycleStatuses } from "@/lib/data/cycles";
import { getPrefectureDashboard } from "@/lib/data/summaries";
import { getProgress } from "@/lib/data/progress";
import { recountClinicCounters } from "@/lib/services/counters";
import { referenceDateOf } from "@/lib/domain/suspension";
import { unsafeLoadClinicTotals } from "@/lib/data/clinic-counters";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
});

const respondents = async (cycleId: string) => {
  const counters = (await unsafeLoadClinicTotals([cycleId])).get(cycleId)!;
  return Object.values(counters.cells)
    .flatMap((byStatus) => Object.values(byStatus ?? {}))
    .reduce((sum, cell) => sum + (cell?.respondents ?? 0), 0);
};

describe("休院 institutions", () => {
  it("leave the denominator of the cycle whose 1 January falls in their 休院, with the count said", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    await recountClinicCounters(cycle.id);
    const before = await countCycleStatuses(world.viewers.fukuiPrefecture, cycle);
    const countersBefore = await respondents(cycle.id);
    expect(before.suspended).toBe(0);

    // 敦賀 has not started the cycle: 休院 on its reference date takes it out of 対象.
    const reference = referenceDateOf(cycle.fiscalYear);
    await db.institution.update({
      where: { id: world.institutions.tsurugaClinic.id },
      data: { suspendedSince: reference, suspensionReason: "院長療養のため" },
    });
    await recountClinicCounters(cycle.id);
    const after = await countCycleStatuses(world.viewers.fukuiPrefecture, cycle);
    expect(after).toMatchObject({
      total: before.total - 1,
      NOT_STARTED: before.NOT_STARTED - 1,
      suspended: 1,
    });
    expect(await respondents(cycle.id)).toBe(countersBefore - 1);
    // The dashboard says so next to 対象 (status.respondents comes from the same counters).
    const dashboard = await getPrefectureDashboard(world.viewers.fukuiPrefecture, {
      cycleId: cycle.id,
      schemeId: null,
      zoneId: null,
      kind: "ALL",
      confirmedOnly: false,
    });
    expect(dashboard.prefecture.suspended).toBe(1);
    // The progress screen's per-zone and per-municipality rows leave it out too, and say so.
    const progress = await getProgress(world.viewers.fukuiPrefecture, cycle);
    expect(progress.total).toMatchObject({ total: after.total, suspended: 1 });
    expect(progress.byZone.reduce((sum, z) => sum + z.counts.suspended, 0)).toBe(1);
    expect(dashboard.prefecture.summary.status.respondents).toBe(countersBefore - 1);

    // A 休院 that starts after the reference date does not change this cycle.
    await db.institution.update({
      where: { id: world.institutions.tsurugaClinic.id },
      data: { suspendedSince: `${cycle.fiscalYear + 1}-01-02` },
    });
    await recountClinicCounters(cycle.id);
    expect(await countCycleStatuses(world.viewers.fukuiPrefecture, cycle)).toMatchObject({
      total: before.total,
      suspended: 0,
    });
    expect(await respondents(cycle.id)).toBe(countersBefore);
  });

  it("still counts a report that a 休院 institution sent anyway", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    await recountClinicCounters(cycle.id);
    const before = await countCycleStatuses(world.viewers.fukuiPrefecture, cycle);
    await db.institution.update({
      where: { id: world.institutions.sabaeClinic.id },
      data: { suspendedSince: referenceDateOf(cycle.fiscalYear), suspensionReason: "建替え工事" },
    });
    await recountClinicCounters(cycle.id);
    expect(await countCycleStatuses(world.viewers.fukuiPrefecture, cycle)).toMatchObject({
      total: before.total,
      suspended: 0,
    });
  });
});
