// The hand-built dataset (tests/fixtures/aggregation/small-dataset.ts) stored in a real database,
// counted by the recount service, read back by the dashboard loaders, the JSON endpoint's view and
// the CSV export — each checked against figures counted here by hand from the fixture's
// annotations, never with the code under test.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { recountClinicCounters } from "@/lib/services/counters";
import { confirmSubmission } from "@/lib/services/review";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { getPrefectureDashboard, getZoneDashboard } from "@/lib/data/summaries";
import { resolveSummaryFilter } from "@/lib/data/summary-scope";
import { getSummaryView, tablesOf } from "@/lib/data/summary-views";
import { parseSummaryParams } from "@/lib/summaries/params";
import { findTable } from "@/lib/summaries/tables";
import { tableToFile } from "@/lib/export/table-file";
import { decodeText } from "@/lib/import/decode";
import { parseCsv } from "@/lib/import/csv";
import type { TClinicSummary } from "@/lib/aggregation";
import {
  CLINIC_R6,
  CLINIC_R7,
  FISCAL_YEARS,
  HUBS,
  HUB_R6,
  HUB_R7,
  INSTITUTIONS,
  MUNICIPALITIES,
  PREFECTURE_CODE,
  ZONES,
  type TFixtureInstitution,
  type TFixtureYear,
} from "@/tests/fixtures/aggregation/small-dataset";

let officer: TViewer;
let council: TViewer;
const cycleIds: Record<TFixtureYear, string> = { current: "", previous: "" };
const zoneIds = new Map<string, string>();
let schemeId = "";

async function storeDataset() {
  await db.municipality.createMany({
    data: MUNICIPALITIES.map((m) => ({
      ...m,
      prefectureCode: PREFECTURE_CODE,
      populationSource: "テスト用の架空値",
      populationYear: 2025,
    })),
  });
  const scheme = await db.zoneScheme.create({
    data: { prefectureCode: PREFECTURE_CODE, name: "二次医療圏", kind: "SECONDARY_MEDICAL_AREA", isDefault: true },
  });
  schemeId = scheme.id;
  for (const [i, zone] of ZONES.entries()) {
    const created = await db.zone.create({
      data: {
        schemeId: scheme.id,
        code: zone.code,
        name: zone.name,
        sortOrder: i,
        municipalities: {
          create: zone.municipalityCodes.map((code) => ({ municipalityCode: code, schemeId: scheme.id })),
        },
      },
    });
    zoneIds.set(zone.code, created.id);
  }
  const versionIds = new Map<string, string>();
  for (const def of [CLINIC_R6, HUB_R6, CLINIC_R7, HUB_R7]) {
    versionIds.set(def.versionKey, (await registerDefinition(null, def, { publish: true })).versionId);
  }
  const cycle = (kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT", year: TFixtureYear, versionKey: string) =>
    db.reportingCycle.create({
      data: {
        prefectureCode: PREFECTURE_CODE,
        kind,
        fiscalYear: FISCAL_YEARS[year],
        questionnaireVersionId: versionIds.get(versionKey)!,
        status: year === "current" ? "OPEN" : "CLOSED",
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
      },
    });
  const clinicCycles = {
    current: await cycle("CLINIC_REPORT", "current", CLINIC_R7.versionKey),
    previous: await cycle("CLINIC_REPORT", "previous", CLINIC_R6.versionKey),
  };
  const hubCycles = {
    current: await cycle("HUB_SELF_ASSESSMENT", "current", HUB_R7.versionKey),
    previous: await cycle("HUB_SELF_ASSESSMENT", "previous", HUB_R6.versionKey),
  };
  cycleIds.current = clinicCycles.current.id;
  cycleIds.previous = clinicCycles.previous.id;

  const report = async (
    cycleRow: { id: string; questionnaireVersionId: string },
    respondent: { institutionId: string } | { hubId: string },
    fixture: { status: string; answers: Prisma.InputJsonValue | null; draftAnswers?: Prisma.InputJsonValue },
    definition: typeof CLINIC_R7,
  ) => {
    if (fixture.status === "NOT_STARTED") return;
    const submitted = fixture.answers !== null;
    const derived = submitted
      ? (computeStoredDerived(definition, fixture.answers as never) as unknown as Prisma.InputJsonValue)
      : undefined;
    await db.submission.create({
      data: {
        cycleId: cycleRow.id,
        questionnaireVersionId: cycleRow.questionnaireVersionId,
        prefectureCode: PREFECTURE_CODE,
        ...respondent,
        status: fixture.status as "DRAFT",
        answers: (fixture.answers ?? fixture.draftAnswers ?? {}) as Prisma.InputJsonValue,
        revision: submitted ? 1 : 0,
        derived,
        submittedAt: submitted ? new Date() : null,
        ...(submitted ? { revisions: { create: { revision: 1, answers: fixture.answers!, derived: derived! } } } : {}),
      },
    });
  };
  for (const inst of INSTITUTIONS) {
    const created = await db.institution.create({
      data: {
        code: inst.code,
        name: inst.name,
        kind: inst.kind,
        prefectureCode: PREFECTURE_CODE,
        municipalityCode: inst.municipalityCode,
      },
    });
    for (const year of ["current", "previous"] as const) {
      await report(
        clinicCycles[year],
        { institutionId: created.id },
        inst[year] as never,
        year === "current" ? CLINIC_R7 : CLINIC_R6,
      );
    }
  }
  for (const hub of HUBS) {
    const created = await db.hub.create({
      data: {
        name: hub.name,
        operatorType: "MEDICAL_ASSOCIATION",
        prefectureCode: PREFECTURE_CODE,
        zoneId: zoneIds.get(hub.zoneCode)!,
      },
    });
    for (const year of ["current", "previous"] as const) {
      await report(hubCycles[year], { hubId: created.id }, hub[year] as never, year === "current" ? HUB_R7 : HUB_R6);
    }
  }

  const officerUser = await db.user.create({
    data: { email: "officer36@example.jp", name: "担当", role: "PREFECTURE", prefectureCode: PREFECTURE_CODE },
  });
  const councilUser = await db.user.create({
    data: {
      email: "council36@example.jp",
      name: "委員",
      role: "COUNCIL",
      prefectureCode: PREFECTURE_CODE,
      zones: { create: [{ zoneId: zoneIds.get("3691")! }] },
    },
  });
  officer = (await loadViewer(officerUser.id))!;
  council = (await loadViewer(councilUser.id))!;
}

beforeAll(async () => {
  await storeDataset();
  await recountClinicCounters(cycleIds.current);
  await recountClinicCounters(cycleIds.previous);
}, 120_000);

// ---- expected figures, counted by hand from the fixture's annotations ----------------------------

type TExpected = {
  respondents: number;
  n: number;
  f1: number;
  has: Record<string, number>;
  self: Record<string, number>;
  areas: Record<string, number>;
};

function expectedFor(
  institutions: readonly TFixtureInstitution[],
  year: TFixtureYear,
  kind: "ALL" | "HOSPITAL" | "CLINIC" = "ALL",
  confirmedOnly = false,
): TExpected {
  const out: TExpected = {
    respondents: 0,
    n: 0,
    f1: 0,
    has: { f2i: 0, f2ro: 0, f2ha: 0, f2ni: 0 },
    self: { f2i: 0, f2ro: 0, f2ha: 0, f2ni: 0 },
    areas: {},
  };
  for (const inst of institutions) {
    if (kind !== "ALL" && inst.kind !== kind) continue;
    out.respondents += 1;
    const r = inst[year];
    if (!r.expected || (confirmedOnly && r.status !== "CONFIRMED")) continue;
    out.n += 1;
    if (r.expected.f1) out.f1 += 1;
    for (const [fn, outcome] of Object.entries(r.expected.f2)) {
      if (["self", "partner", "both", "unknown"].includes(outcome)) out.has[fn]! += 1;
      if (outcome === "self") out.self[fn]! += 1;
    }
    for (const area of r.expected.areas) out.areas[area] = (out.areas[area] ?? 0) + 1;
  }
  return out;
}

function expectSummaryMatches(summary: TClinicSummary, expected: TExpected) {
  expect(summary.status.respondents).toBe(expected.respondents);
  expect(summary.n).toBe(expected.n);
  const fn = (key: string) => summary.functions.find((f) => f.key === key)!;
  expect(fn("f1").has.count).toBe(expected.f1);
  for (const key of ["f2i", "f2ro", "f2ha", "f2ni"]) {
    expect(fn(key).has, key).toMatchObject({ count: expected.has[key], n: expected.n });
    expect(fn(key).modes.self.overN.count, `${key} 自院`).toBe(expected.self[key]);
  }
  for (const row of summary.areas.areas)
    expect(row.offered.count, `area ${row.code}`).toBe(expected.areas[row.code] ?? 0);
}

const zoneInstitutions = (zoneCode: string) =>
  INSTITUTIONS.filter((i) => ZONES.find((z) => z.code === zoneCode)!.municipalityCodes.includes(i.municipalityCode));

describe("the dashboards agree with the hand count", () => {
  it("prefecture, both zones and last year, for every kind filter and confirmed-only", async () => {
    for (const kind of ["ALL", "HOSPITAL", "CLINIC"] as const) {
      for (const confirmedOnly of [false, true]) {
        const filter = await resolveSummaryFilter(officer, {
          cycleId: cycleIds.current,
          schemeId,
          kind,
          confirmedOnly,
        });
        const view = await getPrefectureDashboard(officer, filter);
        expectSummaryMatches(view.prefecture.summary, expectedFor(INSTITUTIONS, "current", kind, confirmedOnly));
        expectSummaryMatches(view.prefecture.previous!, expectedFor(INSTITUTIONS, "previous", kind, confirmedOnly));
        for (const zone of ZONES) {
          const shown = view.zones.find((z) => z.code === zone.code)!;
          expectSummaryMatches(shown.summary, expectedFor(zoneInstitutions(zone.code), "current", kind, confirmedOnly));
          // A zone's last year is on its own view (the prefecture view sends only this year's zones).
          const zoneView = await getZoneDashboard(officer, { ...filter, zoneId: shown.id });
          expectSummaryMatches(
            zoneView.zone.previous!,
            expectedFor(zoneInstitutions(zone.code), "previous", kind, confirmedOnly),
          );
        }
      }
    }
  });

  it("the zone's institution list shows each report's functions, for every kind filter and confirmed-only", async () => {
    for (const zone of ZONES) {
      for (const kind of ["ALL", "HOSPITAL", "CLINIC"] as const) {
        for (const confirmedOnly of [false, true]) {
          const filter = await resolveSummaryFilter(officer, {
            cycleId: cycleIds.current,
            schemeId,
            zoneId: zoneIds.get(zone.code)!,
            kind,
            confirmedOnly,
          });
          const rows = (await getZoneDashboard(officer, filter)).institutions;
          const expected = expectedFor(zoneInstitutions(zone.code), "current", kind, confirmedOnly);
          const label = `${zone.code} ${kind} ${confirmedOnly}`;
          expect(rows, label).toHaveLength(expected.respondents);
          expect(rows.filter((r) => r.functions.f1?.has).length, label).toBe(expected.f1);
          for (const key of ["f2i", "f2ro", "f2ha", "f2ni"]) {
            expect(rows.filter((r) => r.functions[key]?.has).length, `${label} ${key}`).toBe(expected.has[key]);
            expect(rows.filter((r) => r.functions[key]?.mode === "self").length, `${label} ${key} 自院`).toBe(
              expected.self[key],
            );
          }
          // Hospitals first, then by 医療機関コード, as the appendix of the packet lists them.
          const order = rows.map((r) => `${r.kind === "HOSPITAL" ? 0 : 1}${r.code}`);
          expect(order).toEqual([...order].sort());
        }
      }
    }
  });

  it("per 10,000 people aged 65+ uses the zone's summed population; an unknown 75+ figure stays unknown", async () => {
    const filter = await resolveSummaryFilter(officer, {
      cycleId: cycleIds.current,
      schemeId,
      zoneId: zoneIds.get("3692")!,
    });
    const view = await getZoneDashboard(officer, filter);
    const south = MUNICIPALITIES.filter((m) => ZONES[1]!.municipalityCodes.includes(m.code));
    const f1 = view.zone.summary.functions.find((f) => f.key === "f1")!;
    expect(f1.per10k65).toEqual({
      count: expectedFor(zoneInstitutions("3692"), "current").f1,
      population: south.reduce((s, m) => s + m.population65!, 0),
    });
    expect(f1.per10k75.population).toBeNull();
  });

  it("the JSON endpoint's view and the CSV export carry the same figures", async () => {
    const params = parseSummaryParams(new URLSearchParams({ cycle: cycleIds.current, scheme: schemeId }));
    const view = JSON.parse(JSON.stringify(await getSummaryView(officer, params)));
    expect(view.level).toBe("prefecture");
    const expected = expectedFor(INSTITUTIONS, "current");
    expectSummaryMatches(view.prefecture.summary, expected);

    const table = findTable(tablesOf(view), "zones")!;
    const file = await tableToFile(table, "csv");
    const decoded = decodeText(file.bytes);
    if (!decoded.ok) throw new Error("csv did not decode");
    const parsed = parseCsv(decoded.text);
    if (!parsed.ok) throw new Error("csv did not parse");
    const [header, ...rows] = parsed.rows.map((r) => r.cells);
    const col = (name: string) => header!.indexOf(name);
    const total = rows.find((r) => r[0]!.endsWith("（全体）"))!;
    expect(Number(total[col("集計対象の報告数")])).toBe(expected.n);
    expect(Number(total[col("1号 有り（件）")])).toBe(expected.f1);
    expect(Number(total[col("1号 有り（%）")])).toBeCloseTo((expected.f1 / expected.n) * 100, 1);
    for (const zone of ZONES) {
      const row = rows.find((r) => r[0] === zone.name)!;
      expect(Number(row[col("集計対象の報告数")])).toBe(expectedFor(zoneInstitutions(zone.code), "current").n);
    }
    const sjis = await tableToFile(table, "csv-sjis");
    expect(sjis.contentType).toContain("Shift_JIS");
  });

  it("a confirmation is counted at once (the recount follows the review)", async () => {
    const submitted = await db.submission.findFirstOrThrow({
      where: { cycleId: cycleIds.current, status: "SUBMITTED" },
      select: { id: true, revision: true },
    });
    const before = (
      await getPrefectureDashboard(
        officer,
        await resolveSummaryFilter(officer, { cycleId: cycleIds.current, confirmedOnly: true }),
      )
    ).prefecture.summary.n;
    await confirmSubmission(officer, submitted.id, { revision: submitted.revision });
    const after = (
      await getPrefectureDashboard(
        officer,
        await resolveSummaryFilter(officer, { cycleId: cycleIds.current, confirmedOnly: true }),
      )
    ).prefecture.summary.n;
    expect(after).toBe(before + 1);
  });
});

describe("what a council may see", () => {
  it("gets its own zone with the prefecture as reference, not the other zones, and drafts as 未提出", async () => {
    const view = await getSummaryView(council, parseSummaryParams({ cycle: cycleIds.current }));
    expect(view.level).toBe("zone");
    if (view.level !== "zone") return;
    expect(view.zone.code).toBe("3691");
    expect(view.otherZones).toBeNull();
    expect(view.institutions.map((i) => i.status)).not.toContain("DRAFT");
    expect(view.institutions.map((i) => i.status)).not.toContain("NOT_STARTED");
    expect(view.comparison.length).toBeGreaterThan(0);
  });

  it("cannot open another zone or the prefecture view", async () => {
    await expect(
      getSummaryView(
        council,
        parseSummaryParams({ cycle: cycleIds.current, scheme: schemeId, zone: zoneIds.get("3692")! }),
      ),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const filter = await resolveSummaryFilter(council, { cycleId: cycleIds.current });
    await expect(getPrefectureDashboard(council, filter)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the other prefecture's officer and respondents see nothing", async () => {
    const stranger = await db.user.create({
      data: { email: "fukui@example.jp", name: "福井", role: "PREFECTURE", prefectureCode: "18" },
    });
    const viewer = (await loadViewer(stranger.id))!;
    await expect(getSummaryView(viewer, parseSummaryParams({ cycle: cycleIds.current }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("a cycle in 準備中", () => {
  it("is answered with what it holds, not as unknown; another prefecture still gets 404", async () => {
    const current = await db.reportingCycle.findUniqueOrThrow({ where: { id: cycleIds.current } });
    const preparing = await db.reportingCycle.create({
      data: {
        prefectureCode: PREFECTURE_CODE,
        kind: "CLINIC_REPORT",
        fiscalYear: current.fiscalYear + 1,
        questionnaireVersionId: current.questionnaireVersionId,
        status: "PREPARING",
        opensAt: new Date(Date.now() + 30 * 86_400_000),
        closesAt: new Date(Date.now() + 90 * 86_400_000),
      },
    });
    const roster = await db.institution.count({ where: { prefectureCode: PREFECTURE_CODE, isActive: true } });
    const refusal = await resolveSummaryFilter(officer, { cycleId: preparing.id }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string },
    );
    expect(refusal?.code).toBe("CYCLE_PREPARING");
    expect(refusal?.message).toMatch(/は準備中です（受付開始前）/);
    expect(refusal?.message).toContain(`医療機関名簿の報告対象 ${roster.toLocaleString("ja-JP")}機関`);
    expect(refusal?.message).toContain("NDBプレプリント値 0件");
    const stranger = await db.user.create({
      data: { email: `pref-other-${preparing.id}@example.jp`, name: "他県", role: "PREFECTURE", prefectureCode: "17" },
    });
    await expect(
      resolveSummaryFilter((await loadViewer(stranger.id))!, { cycleId: preparing.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
