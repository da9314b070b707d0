import { describe, expect, it } from "vitest";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { TDerivedStatus, TFunctionStatus } from "@/lib/questionnaire/derive";
import { MINI_F1, MINI_V1, MINI_V2, miniReport } from "@/tests/fixtures/aggregation/mini-definitions";
import {
  addClinicCounters,
  clinicCountersDelta,
  CLINIC_COUNTERS_FORMAT,
  countClinicReport,
  countClinicReports,
  emptyClinicCounters,
  emptyFunctionTally,
  subtractClinicCounters,
  sumClinicCounters,
  type TAreaTally,
  type TChoiceTally,
  type TClinicCounters,
  type TClinicReportInput,
  type TClinicTally,
  type TCountTally,
  type TFunctionTally,
} from "./clinic-counters";
import { CHOICE_TAGS, COUNT_TAGS } from "./clinic-tags";

/** The single cell of a one-report counter. */
function cellOf(counters: TClinicCounters): TClinicTally {
  const kinds = Object.values(counters.cells);
  expect(kinds).toHaveLength(1);
  const cells = Object.values(kinds[0]!);
  expect(cells).toHaveLength(1);
  return cells[0]!;
}

const tallyOf = (answers: TAnswers | null, definition = MINI_V2) =>
  cellOf(countClinicReport(miniReport(answers, { definition })));

const area = (partial: Partial<TAreaTally>): TAreaTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  answered: 0,
  anyOffered: 0,
  noneSelected: 0,
  unknownCode: 0,
  offered: {},
  offeredWithPrimary: {},
  ...partial,
});
const choice = (partial: Partial<TChoiceTally>): TChoiceTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  unknown: 0,
  has: 0,
  intent: 0,
  byCode: {},
  ...partial,
});
const count = (partial: Partial<TCountTally>): TCountTally => ({
  notAsked: 0,
  notApplicable: 0,
  missing: 0,
  unknown: 0,
  zero: 0,
  positive: 0,
  sum: 0,
  ...partial,
});
const fn = (partial: Partial<TFunctionTally>): TFunctionTally => ({ ...emptyFunctionTally(), reported: 1, ...partial });

describe("countClinicReport: who is counted", () => {
  it.each<[string, TClinicReportInput, Partial<TClinicTally>]>([
    [
      "not started: a respondent, not a report",
      miniReport(null),
      { respondents: 1, n: 0, functions: {}, choices: {}, counts: {} },
    ],
    [
      "a draft never submitted: a respondent, not a report",
      miniReport(null, { status: "DRAFT" }),
      { respondents: 1, n: 0, functions: {} },
    ],
    [
      "returned after submission: its revision counts",
      miniReport(MINI_F1, { status: "RETURNED" }),
      { respondents: 1, n: 1 },
    ],
    ["confirmed", miniReport(MINI_F1, { status: "CONFIRMED" }), { respondents: 1, n: 1 }],
  ])("%s", (_name, report, expected) => {
    const counters = countClinicReport(report);
    expect(counters.format).toBe(CLINIC_COUNTERS_FORMAT);
    expect(Object.keys(counters.cells)).toEqual([report.kind]);
    expect(Object.keys(counters.cells[report.kind]!)).toEqual([report.status]);
    expect(cellOf(counters)).toMatchObject(expected);
  });

  it("an uncounted respondent's cell carries zero areas and no per-tag entries (canonical form)", () => {
    expect(tallyOf(null)).toEqual({ respondents: 1, n: 0, functions: {}, areas: area({}), choices: {}, counts: {} });
  });

  it("refuses a not-started respondent with a revision", () => {
    const bad = { ...miniReport(MINI_F1), status: "NOT_STARTED" as const };
    expect(() => countClinicReport(bad)).toThrow(/未着手/);
  });

  it("every tracked tag gets an entry for a counted report, so each partition adds up to n", () => {
    const t = tallyOf(MINI_F1);
    expect(Object.keys(t.choices).sort()).toEqual(CHOICE_TAGS.map((s) => s.tag).sort());
    expect(Object.keys(t.counts).sort()).toEqual(COUNT_TAGS.map((s) => s.tag).sort());
    for (const c of Object.values(t.choices)) {
      const answered = Object.values(c.byCode).reduce((a, b) => a + b, 0);
      expect(c.notAsked + c.notApplicable + c.missing + c.unknown + answered).toBe(1);
    }
    for (const c of Object.values(t.counts))
      expect(c.notAsked + c.notApplicable + c.missing + c.unknown + c.zero + c.positive).toBe(1);
    expect(t.areas.notAsked + t.areas.notApplicable + t.areas.missing + t.areas.answered).toBe(1);
  });
});

describe("countClinicReport: functions from the stored derived status", () => {
  it.each<[string, TAnswers, Record<string, TFunctionTally>]>([
    [
      "1号 only: 2号 reported but neither 有り nor 意向有り",
      MINI_F1,
      { f1: fn({ has: 1, unknownMode: 1, primaryHas: 1, primaryUnknownMode: 1 }), f2i: fn({}), f2ha: fn({}) },
    ],
    [
      "(イ) by partner, (ハ) 意向有り",
      { ...MINI_F1, i_system: "p3", ha_system: "p1" },
      {
        f1: fn({ has: 1, unknownMode: 1, primaryHas: 1, primaryUnknownMode: 1 }),
        f2i: fn({ has: 1, partner: 1, primaryHas: 1, primaryPartner: 1 }),
        f2ha: fn({ intent: 1 }),
      },
    ],
    [
      "(イ) self via the system and a band with no mode → 自院; (ハ) from a count only → 不明",
      { ...MINI_F1, i_rota: "3", i_system: "p2", ha_visits: 4 },
      {
        f1: fn({ has: 1, unknownMode: 1, primaryHas: 1, primaryUnknownMode: 1 }),
        f2i: fn({ has: 1, self: 1, primaryHas: 1, primarySelf: 1 }),
        f2ha: fn({ has: 1, unknownMode: 1, primaryHas: 1, primaryUnknownMode: 1 }),
      },
    ],
    [
      "(ハ) 有り(自院及び連携による確保) → both",
      { ...MINI_F1, ha_system: "p4" },
      {
        f1: fn({ has: 1, unknownMode: 1, primaryHas: 1, primaryUnknownMode: 1 }),
        f2i: fn({}),
        f2ha: fn({ has: 1, both: 1, primaryHas: 1, primaryBoth: 1 }),
      },
    ],
    [
      "no 1号: a met (ハ) item outside the gated section is blocked, not 有り",
      { f1_notice: true, f1_areas: ["0"], f1_consult: true, eol_count: 3 },
      { f1: fn({}), f2i: fn({}), f2ha: fn({ blocked: 1 }) },
    ],
  ])("%s", (_name, answers, expected) => {
    expect(tallyOf(answers).functions).toEqual(expected);
  });

  it("modes and the 1号 link are read from the derived status as stored (not recomputed)", () => {
    const status = (s: Partial<TFunctionStatus>): TFunctionStatus => ({
      has: false,
      intent: false,
      mode: null,
      blockedByRequirement: false,
      unmetStarred: [],
      metItems: [],
      ...s,
    });
    // A stored status from a definition whose function does not require 1号.
    const derived: TDerivedStatus = {
      functions: {
        f1: status({}),
        fx: status({ has: true, mode: "partner" }),
        fy: status({ intent: true, has: true }),
      },
    };
    const t = cellOf(
      countClinicReport({
        kind: "HOSPITAL",
        status: "SUBMITTED",
        revision: { definition: MINI_V2, answers: {}, derived },
      }),
    );
    expect(t.functions.fx).toEqual(fn({ has: 1, partner: 1 })); // 有り, but not among 1号
    expect(t.functions.fy).toEqual(fn({ has: 1, unknownMode: 1 })); // 有り wins over a stray intent flag
  });
});

describe("countClinicReport: items by tag — answered, zero, missing, not applicable, not asked, unknown", () => {
  it.each<
    [string, TAnswers, Partial<Record<"areas" | "rota" | "system" | "training" | "visits" | "eol" | "urgent", unknown>>]
  >([
    [
      "everything answered",
      { ...MINI_F1, f1_areas: ["1", "9"], f1_training: true, i_rota: "2", i_system: "p2", ha_visits: 7, eol_count: 0 },
      {
        areas: area({
          answered: 1,
          anyOffered: 1,
          offered: { "1": 1, "9": 1 },
          offeredWithPrimary: { "1": 1, "9": 1 },
        }),
        rota: choice({ has: 1, byCode: { "2": 1 } }),
        system: choice({ has: 1, byCode: { p2: 1 } }),
        training: choice({ has: 1, byCode: { yes: 1 } }),
        visits: count({ positive: 1, sum: 7 }),
        eol: count({ zero: 1 }),
        urgent: count({ notAsked: 1 }),
      },
    ],
    [
      "意向有り band, 'no' to yes/no, visible counts left empty",
      { ...MINI_F1, f1_training: false, i_rota: "1" },
      {
        rota: choice({ intent: 1, byCode: { "1": 1 } }),
        system: choice({ missing: 1 }),
        training: choice({ byCode: { no: 1 } }),
        visits: count({ missing: 1 }),
        eol: count({ missing: 1 }),
      },
    ],
    [
      "no 1号 (該当無し): 2号 items are not applicable, even with a stale hidden answer",
      { f1_notice: true, f1_areas: ["0"], f1_consult: true, i_rota: "3", ha_visits: 9 },
      {
        areas: area({ answered: 1, noneSelected: 1 }),
        rota: choice({ notApplicable: 1 }),
        system: choice({ notApplicable: 1 }),
        training: choice({ missing: 1 }),
        visits: count({ notApplicable: 1 }),
        eol: count({ missing: 1 }),
      },
    ],
    [
      "areas answered but the report lacks 1号: offered, not offered-with-1号",
      { f1_notice: false, f1_areas: ["9"], f1_consult: true },
      { areas: area({ answered: 1, anyOffered: 1, offered: { "9": 1 } }) },
    ],
    ["areas left empty: missing", { f1_notice: true, f1_areas: [], f1_consult: true }, { areas: area({ missing: 1 }) }],
    [
      "unknown codes: counted apart, never as an area or an option",
      {
        ...MINI_F1,
        f1_areas: ["1", "99"],
        i_rota: "9",
        f1_training: "yes" as unknown as boolean,
        eol_count: "many" as unknown as number,
      },
      {
        areas: area({
          answered: 1,
          anyOffered: 1,
          unknownCode: 1,
          offered: { "1": 1 },
          offeredWithPrimary: { "1": 1 },
        }),
        rota: choice({ unknown: 1 }),
        training: choice({ unknown: 1 }),
        eol: count({ unknown: 1 }),
      },
    ],
    [
      "only unknown area codes: answered, neither offered nor 該当無し",
      { f1_notice: true, f1_areas: ["42"], f1_consult: true },
      { areas: area({ answered: 1, unknownCode: 1 }) },
    ],
    ["a negative count is not a count", { ...MINI_F1, eol_count: -1 }, { eol: count({ unknown: 1 }) }],
  ])("%s", (_name, answers, expected) => {
    const t = tallyOf(answers);
    const actual = {
      areas: t.areas,
      rota: t.choices.onCallRota,
      system: t.choices.afterHoursSystem,
      training: t.choices.trainingCompleted,
      visits: t.counts.homeVisitCount,
      eol: t.counts.homeEndOfLifeCount,
      urgent: t.counts.urgentVisitCount,
    };
    expect(actual).toMatchObject(expected);
  });

  it("last year's version: the band item under another key is found by tag; items it lacks are not asked", () => {
    const t = tallyOf({ ...MINI_F1, i_rota_old: "3", ha_system: "p2" }, MINI_V1);
    expect(t.choices.onCallRota).toEqual(choice({ has: 1, byCode: { "3": 1 } }));
    expect(t.choices.afterHoursSystem).toEqual(choice({ notAsked: 1 }));
    expect(t.counts.homeVisitCount).toEqual(count({ notAsked: 1 }));
    expect(t.choices.homeCareSystem).toEqual(choice({ has: 1, byCode: { p2: 1 } }));
  });
});

describe("adding and subtracting counters", () => {
  const a = countClinicReport(
    miniReport({ ...MINI_F1, i_rota: "2", ha_visits: 3 }, { kind: "HOSPITAL", status: "CONFIRMED" }),
  );
  const b = countClinicReport(miniReport({ f1_notice: true, f1_areas: ["0"], f1_consult: false }));
  const c = countClinicReport(miniReport(null, { kind: "HOSPITAL" }));

  it("empty is the identity; addition is commutative and associative", () => {
    expect(addClinicCounters(emptyClinicCounters(), a)).toEqual(a);
    expect(addClinicCounters(a, emptyClinicCounters())).toEqual(a);
    expect(addClinicCounters(a, b)).toEqual(addClinicCounters(b, a));
    expect(addClinicCounters(addClinicCounters(a, b), c)).toEqual(addClinicCounters(a, addClinicCounters(b, c)));
    expect(sumClinicCounters([])).toEqual(emptyClinicCounters());
  });

  it("sums what it is given: the same report twice counts twice", () => {
    const twice = addClinicCounters(a, a);
    expect(twice.cells.HOSPITAL?.CONFIRMED).toMatchObject({ respondents: 2, n: 2 });
    expect(twice.cells.HOSPITAL?.CONFIRMED?.counts.homeVisitCount).toEqual(count({ positive: 2, sum: 6 }));
  });

  it("subtraction undoes addition exactly (zero entries are dropped), and refuses what was never added", () => {
    const all = countClinicReports([
      miniReport({ ...MINI_F1, i_rota: "2", ha_visits: 3 }, { kind: "HOSPITAL", status: "CONFIRMED" }),
      miniReport({ f1_notice: true, f1_areas: ["0"], f1_consult: false }),
      miniReport(null, { kind: "HOSPITAL" }),
    ]);
    expect(subtractClinicCounters(all, a)).toEqual(addClinicCounters(b, c));
    expect(subtractClinicCounters(subtractClinicCounters(subtractClinicCounters(all, a), b), c)).toEqual(
      emptyClinicCounters(),
    );
    expect(() => subtractClinicCounters(b, a)).toThrow(/負/);
  });

  it("a report moving from SUBMITTED to CONFIRMED: subtract the old, add the new = recount", () => {
    const answers = { ...MINI_F1, i_system: "p4" };
    const before = countClinicReports([miniReport(answers, { status: "SUBMITTED" }), miniReport(null)]);
    const after = addClinicCounters(
      subtractClinicCounters(before, countClinicReport(miniReport(answers, { status: "SUBMITTED" }))),
      countClinicReport(miniReport(answers, { status: "CONFIRMED" })),
    );
    expect(after).toEqual(countClinicReports([miniReport(answers, { status: "CONFIRMED" }), miniReport(null)]));
  });

  it("the delta of a change is the signed difference of the report's two contributions (zeros kept)", () => {
    const answers = { ...MINI_F1, i_system: "p4" };
    const submitted = countClinicReport(miniReport(answers, { status: "SUBMITTED" }));
    const confirmed = countClinicReport(miniReport(answers, { status: "CONFIRMED" }));
    expect(clinicCountersDelta(submitted, submitted)).toBeNull();
    const delta = clinicCountersDelta(submitted, confirmed)!;
    const kind = Object.keys(submitted.cells)[0] as keyof TClinicCounters["cells"];
    const cells = delta.cells[kind] as Record<string, { respondents: number; n: number; functions: object }>;
    expect(cells.SUBMITTED).toMatchObject({ respondents: -1, n: -1 });
    // The new status cell is created whole: every field of the dense tally, zeros included.
    expect(cells.CONFIRMED).toEqual(JSON.parse(JSON.stringify(confirmed.cells[kind]!.CONFIRMED)));
    // A first draft from nothing: only the respondent counts move.
    const fresh = clinicCountersDelta(null, countClinicReport(miniReport(null)))!;
    expect(JSON.stringify(fresh)).toContain('"respondents":1');
  });

  it("refuses counters of another layout version", () => {
    const old = { ...a, format: 0 } as unknown as TClinicCounters;
    expect(() => addClinicCounters(old, a)).toThrow(/形式/);
  });

  it("counters survive a JSON round trip unchanged (plain objects, no undefined, no Maps)", () => {
    const all = addClinicCounters(addClinicCounters(a, b), c);
    const json = JSON.stringify(all);
    expect(JSON.parse(json)).toEqual(all);
    expect(json).not.toContain("undefined");
    expect(json).not.toContain("null");
  });
});
