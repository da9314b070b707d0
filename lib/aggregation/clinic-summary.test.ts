import { describe, expect, it } from "vitest";
import { MINI_F1, MINI_V1, MINI_V2, miniReport } from "@/tests/fixtures/aggregation/mini-definitions";
import { addClinicCounters, countClinicReport, countClinicReports, emptyClinicCounters } from "./clinic-counters";
import { findChoice, findCount, findFunction, summarizeClinic, summarizeClinicByKind } from "./clinic-summary";
import { CHOICE_TAGS, COUNT_TAGS, PRIMARY_CARE_AREAS } from "./clinic-tags";
import { per10kValue, rateValue } from "./rate";

describe("summarizeClinic on nothing", () => {
  it.each([
    ["empty counters, no definition", emptyClinicCounters(), undefined],
    ["empty counters, with the definition", emptyClinicCounters(), MINI_V2],
    [
      "only respondents who have not submitted",
      countClinicReports([miniReport(null), miniReport(null, { status: "DRAFT" })]),
      MINI_V2,
    ],
  ])("%s: n = 0 and every rate has n = 0 (undefined, not 0%%)", (_name, counters, definition) => {
    const s = summarizeClinic(counters, { definition });
    expect(s.n).toBe(0);
    for (const f of s.functions) {
      expect(f.has).toEqual({ count: 0, n: 0 });
      expect(rateValue(f.has)).toBeNull();
      expect(f.hasOverPrimary.n).toBe(0);
    }
    for (const a of s.areas.areas) expect(a.offered).toEqual({ count: 0, n: 0 });
    for (const c of s.choices) expect([c.asked, c.has.n]).toEqual([0, 0]);
    for (const c of s.counts) expect([c.asked, c.positive.n]).toEqual([0, 0]);
    expect(s.choices.map((c) => c.tag)).toEqual(CHOICE_TAGS.map((t) => t.tag));
    expect(s.counts.map((c) => c.tag)).toEqual(COUNT_TAGS.map((t) => t.tag));
  });

  it("without a definition: fallback labels, the 17 areas in code order, 1号 first", () => {
    const s = summarizeClinic(emptyClinicCounters());
    expect(s.functions.map((f) => [f.key, f.shortLabel])).toEqual([
      ["f1", "1号"],
      ["f2i", "イ 時間外"],
      ["f2ro", "ロ 入退院"],
      ["f2ha", "ハ 在宅"],
      ["f2ni", "ニ 介護連携"],
    ]);
    expect(s.areas.areas.map((a) => a.code)).toEqual(PRIMARY_CARE_AREAS.map((a) => a.code));
    expect(s.population).toEqual({ total: null, age65: null, age75: null });
  });

  it("status counts still list every respondent", () => {
    const s = summarizeClinic(countClinicReports([miniReport(null), miniReport(null, { status: "DRAFT" })]));
    expect(s.status).toEqual({
      respondents: 2,
      byStatus: { NOT_STARTED: 1, DRAFT: 1, SUBMITTED: 0, RETURNED: 0, CONFIRMED: 0 },
      withRevision: 0,
    });
  });
});

const NO_REPORTS = { NOT_STARTED: 0, DRAFT: 0, SUBMITTED: 0, RETURNED: 0, CONFIRMED: 0 };

describe("summarizeClinic: which functions report how they are secured", () => {
  it("follows the definition: a function with a 自院/連携 option reports modes, 1号 does not", () => {
    const fns = summarizeClinic(emptyClinicCounters(), { definition: MINI_V2 }).functions;
    const reportsMode = Object.fromEntries(fns.map((f) => [f.key, f.reportsMode]));
    expect(reportsMode).toMatchObject({ f1: false, f2i: true, f2ha: true });
  });

  it("without a definition, any report with a known mode says the function reports modes", () => {
    const counters = countClinicReports([miniReport({ ...MINI_F1, i_system: "p3" })]);
    const summary = summarizeClinic(counters);
    expect(findFunction(summary, "f2i")!.reportsMode).toBe(true);
    expect(findFunction(summary, "f1")!.reportsMode).toBe(false);
  });
});

describe("summarizeClinic: filters", () => {
  const counters = countClinicReports([
    miniReport({ ...MINI_F1, i_system: "p2" }, { kind: "HOSPITAL", status: "CONFIRMED" }),
    miniReport({ ...MINI_F1, i_system: "p3" }, { kind: "CLINIC", status: "CONFIRMED" }),
    miniReport({ ...MINI_F1, i_system: "p1" }, { kind: "CLINIC", status: "SUBMITTED" }),
    miniReport({ f1_notice: false, f1_areas: ["9"], f1_consult: true }, { kind: "CLINIC", status: "RETURNED" }),
    miniReport(null, { kind: "HOSPITAL", status: "NOT_STARTED" }),
  ]);

  it.each([
    ["ALL", false, 4, { CONFIRMED: 2, SUBMITTED: 1, RETURNED: 1 }, [3, 4], [2, 4], [1, 4]],
    ["ALL", true, 2, { CONFIRMED: 2 }, [2, 2], [2, 2], [0, 2]],
    ["HOSPITAL", false, 1, { CONFIRMED: 1 }, [1, 1], [1, 1], [0, 1]],
    ["CLINIC", false, 3, { CONFIRMED: 1, SUBMITTED: 1, RETURNED: 1 }, [2, 3], [1, 3], [1, 3]],
    ["CLINIC", true, 1, { CONFIRMED: 1 }, [1, 1], [1, 1], [0, 1]],
  ] as const)("%s confirmedOnly=%s", (kind, confirmedOnly, n, nByStatus, f1, f2i, f2iIntent) => {
    const s = summarizeClinic(counters, { kind, confirmedOnly });
    expect(s.kind).toBe(kind);
    expect(s.confirmedOnly).toBe(confirmedOnly);
    expect(s.n).toBe(n);
    expect(s.nByStatus).toEqual({ ...NO_REPORTS, ...nByStatus });
    expect(findFunction(s, "f1")!.has).toEqual({ count: f1[0], n: f1[1] });
    expect(findFunction(s, "f2i")!.has).toEqual({ count: f2i[0], n: f2i[1] });
    expect(findFunction(s, "f2i")!.intent).toEqual({ count: f2iIntent[0], n: f2iIntent[1] });
  });

  it("status counts ignore confirmedOnly but follow the kind", () => {
    expect(summarizeClinic(counters, { confirmedOnly: true }).status.respondents).toBe(5);
    expect(summarizeClinic(counters, { kind: "HOSPITAL", confirmedOnly: true }).status.byStatus).toMatchObject({
      CONFIRMED: 1,
      NOT_STARTED: 1,
    });
  });

  it("summarizeClinicByKind gives the three filters at once", () => {
    const byKind = summarizeClinicByKind(counters, { confirmedOnly: true });
    expect([byKind.ALL.n, byKind.HOSPITAL.n, byKind.CLINIC.n]).toEqual([2, 1, 1]);
  });

  it("2号 modes over n and over the 1号 count; areas over n and over 1号", () => {
    const s = summarizeClinic(counters);
    const f2i = findFunction(s, "f2i")!;
    expect(f2i.modes.self).toEqual({ overN: { count: 1, n: 4 }, overPrimary: { count: 1, n: 3 } });
    expect(f2i.modes.partner).toEqual({ overN: { count: 1, n: 4 }, overPrimary: { count: 1, n: 3 } });
    expect(f2i.modes.both).toEqual({ overN: { count: 0, n: 4 }, overPrimary: { count: 0, n: 3 } });
    expect(f2i.hasOverPrimary).toEqual({ count: 2, n: 3 });
    const nine = s.areas.areas.find((a) => a.code === "9")!;
    expect(nine.offered).toEqual({ count: 1, n: 4 }); // the report without 1号
    expect(nine.offeredOverPrimary).toEqual({ count: 0, n: 3 });
    expect(s.areas.areas.find((a) => a.code === "1")!.offered).toEqual({ count: 3, n: 4 });
  });
});

describe("summarizeClinic: population", () => {
  const counters = countClinicReports([
    miniReport(MINI_F1),
    miniReport(MINI_F1),
    miniReport({ f1_notice: false, f1_areas: ["1"], f1_consult: true }),
  ]);

  it.each([
    ["known", { total: 50_000, age65: 16_000, age75: 8_000 }, 2 / 1.6, 2 / 0.8],
    ["75+ unknown", { total: 50_000, age65: 16_000, age75: null }, 2 / 1.6, null],
    ["zero population", { total: 0, age65: 0, age75: 0 }, null, null],
    ["no population given", undefined, null, null],
  ] as const)("%s", (_name, population, per65, per75) => {
    const f1 = findFunction(summarizeClinic(counters, { population }), "f1")!;
    expect(f1.per10k65.count).toBe(2);
    const v65 = per10kValue(f1.per10k65);
    const v75 = per10kValue(f1.per10k75);
    if (per65 === null) expect(v65).toBeNull();
    else expect(v65).toBeCloseTo(per65, 12);
    if (per75 === null) expect(v75).toBeNull();
    else expect(v75).toBeCloseTo(per75, 12);
  });
});

describe("summarizeClinic: items", () => {
  it("labels, option order and statuses come from the definition; codes it lacks are listed after, without status", () => {
    // A report on v2 answered onCallRota "3"; this year's summary is labelled with v1, which has the same options.
    const counters = addClinicCounters(
      countClinicReport(miniReport({ ...MINI_F1, i_rota: "3" })),
      countClinicReport(miniReport({ ...MINI_F1, i_rota_old: "1" }, { definition: MINI_V1 })),
    );
    const rota = findChoice(summarizeClinic(counters, { definition: MINI_V2 }), "onCallRota")!;
    expect(rota.itemLabel).toBe("在宅当番医制");
    expect(rota.band).toBe(true);
    expect(rota.options.map((o) => [o.code, o.status, o.rate.count])).toEqual([
      ["0", "none", 0],
      ["1", "intent", 1],
      ["2", "has", 0],
      ["3", "has", 1],
    ]);
    expect(rota.has).toEqual({ count: 1, n: 2 });
    expect(rota.intent).toEqual({ count: 1, n: 2 });
    const training = findChoice(
      summarizeClinic(countClinicReport(miniReport({ ...MINI_F1, f1_training: true })), { definition: MINI_V2 }),
      "trainingCompleted",
    )!;
    expect(training.options.map((o) => [o.code, o.label, o.rate.count])).toEqual([
      ["yes", "有り", 1],
      ["no", "無し", 0],
    ]);
  });

  it("mixed versions in one group: an item one version never asked is over the reports asked", () => {
    const counters = addClinicCounters(
      countClinicReport(miniReport({ ...MINI_F1, ha_visits: 2 })),
      countClinicReport(miniReport({ ...MINI_F1 }, { definition: MINI_V1 })),
    );
    const s = summarizeClinic(counters, { definition: MINI_V2 });
    const visits = findCount(s, "homeVisitCount")!;
    expect(visits.asked).toBe(1);
    expect(visits.positive).toEqual({ count: 1, n: 1 });
    expect(visits.sum).toBe(2);
    const system = findChoice(s, "afterHoursSystem")!;
    expect(system.asked).toBe(1);
    expect(system.missing).toBe(1);
    expect(findChoice(s, "onCallRota")!.asked).toBe(2);
  });

  it("an area code the definition lacks is listed after the 17 with its code as label", () => {
    // v2's areas have codes 0, 1, 9 — a stored count for "5" (a code from another version) stays visible.
    const counters = countClinicReport(miniReport(MINI_F1));
    const cell = counters.cells.CLINIC!.SUBMITTED!;
    cell.areas.offered["5"] = 1;
    const s = summarizeClinic(counters, { definition: MINI_V2 });
    expect(s.areas.areas.map((a) => a.code)).toEqual(["1", "9", "5"]);
    expect(s.areas.areas.at(-1)).toMatchObject({ label: "5", offered: { count: 1, n: 1 } });
  });

  it("hidden, missing and 該当無し are reported next to the rates", () => {
    const counters = countClinicReports([
      miniReport({ f1_notice: true, f1_areas: ["0"], f1_consult: true }),
      miniReport({ ...MINI_F1, i_rota: "2" }),
      miniReport({ ...MINI_F1 }),
    ]);
    const s = summarizeClinic(counters, { definition: MINI_V2 });
    const rota = findChoice(s, "onCallRota")!;
    expect([rota.asked, rota.notApplicable, rota.missing, rota.unknown]).toEqual([3, 1, 1, 0]);
    expect(rota.has).toEqual({ count: 1, n: 3 });
    expect(s.areas.noneSelected).toEqual({ count: 1, n: 3 });
    expect(s.areas.anyOffered).toEqual({ count: 2, n: 3 });
  });
});
