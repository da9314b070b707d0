// The hand-built dataset (tests/fixtures/aggregation/small-dataset.ts): expected figures are
// computed here by plain counting over the fixture's hand-written annotations — never with the
// code under test — and compared with the summaries built the way production will build them:
// counters per municipality, summed per zone and per prefecture.
import { describe, expect, it } from "vitest";
import { validateAnswers } from "@/lib/questionnaire/answer-schema";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { parseInstitutionCode, parseMunicipalityCode } from "@/lib/domain/codes";
import {
  CLINIC_R6,
  CLINIC_R7,
  clinicDefinition,
  clinicReportInput,
  DUTY_KEYS,
  HUB_R6,
  HUB_R7,
  HUBS,
  hubDefinition,
  hubReportInput,
  INSTITUTIONS,
  MUNICIPALITIES,
  ZONES,
  type TExpectedClinic,
  type TFixtureInstitution,
  type TFixtureYear,
} from "@/tests/fixtures/aggregation/small-dataset";
import {
  compareHubGroups,
  compareSummaries,
  compareWithReference,
  countClinicReports,
  countHubReports,
  findIndicator,
  findChoice,
  findCount,
  findFunction,
  intentPools,
  isInIntentPool,
  issueCandidates,
  per10kValue,
  rankGroups,
  RESPONSE_STATUSES,
  sumClinicCounters,
  summarizeClinic,
  summarizeHubGroup,
  sumPopulations,
  type TClinicCounters,
  type TClinicSummary,
  type TKindFilter,
  type TPopulation,
  type TResponseStatus,
} from "./index";

const SECONDARY = ["f2i", "f2ro", "f2ha", "f2ni"] as const;
const AREA_CODES = Array.from({ length: 17 }, (_, i) => String(i + 1));
const YEARS: TFixtureYear[] = ["current", "previous"];
const KINDS: TKindFilter[] = ["ALL", "HOSPITAL", "CLINIC"];

// ---- The fixture itself -------------------------------------------------------------------------

describe("the small dataset is what it claims to be", () => {
  it("codes are valid 全国地方公共団体コード and 医療機関コード of prefecture 36", () => {
    for (const m of MUNICIPALITIES) expect(parseMunicipalityCode(m.code)).toEqual({ ok: true, code: m.code });
    for (const i of INSTITUTIONS) expect(parseInstitutionCode(i.code, "36")).toEqual({ ok: true, code: i.code });
    expect(ZONES.flatMap((z) => z.municipalityCodes).sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
  });

  it.each(YEARS)("%s: every submitted report is valid for submission on its definition", (year) => {
    for (const inst of INSTITUTIONS) {
      const answers = inst[year].answers;
      if (!answers) continue;
      const result = validateAnswers(clinicDefinition(year), answers, "submit");
      expect(result.ok ? [] : [inst.key, result.fieldErrors, result.formErrors]).toEqual([]);
    }
    for (const hub of HUBS) {
      const answers = hub[year].answers;
      if (!answers) continue;
      const result = validateAnswers(hubDefinition(year), answers, "submit");
      expect(result.ok ? [] : [hub.key, result.fieldErrors, result.formErrors]).toEqual([]);
    }
  });

  it.each(YEARS)("%s: the hand annotations agree with the engine's derived status and scores", (year) => {
    for (const inst of INSTITUTIONS) {
      const { answers, expected, status } = inst[year];
      expect(answers === null).toBe(expected === null);
      expect(answers === null).toBe(status === "NOT_STARTED" || status === "DRAFT");
      if (!answers || !expected) continue;
      const derived = computeStoredDerived(clinicDefinition(year), answers);
      const outcome = (key: string) => {
        const s = derived.functions[key]!;
        if (s.has) return s.mode ?? "unknown";
        return s.intent ? "intent" : "none";
      };
      expect([inst.key, derived.functions.f1!.has]).toEqual([inst.key, expected.f1]);
      expect([inst.key, Object.fromEntries(SECONDARY.map((k) => [k, outcome(k)]))]).toEqual([inst.key, expected.f2]);
    }
    for (const hub of HUBS) {
      const { answers, expected } = hub[year];
      if (!answers || !expected) continue;
      const scores = computeStoredDerived(hubDefinition(year), answers).scores!;
      for (const duty of DUTY_KEYS) {
        const g = scores.groups.find((x) => x.key === duty)!;
        expect([hub.key, duty, g.required, g.desirable]).toEqual([
          hub.key,
          duty,
          expected[duty].required,
          expected[duty].desirable,
        ]);
      }
    }
  });

  it("last year's reports are on another version with other keys for the same tags", () => {
    expect(CLINIC_R7.versionKey).toBe("clinic-report-r7-v1");
    expect(CLINIC_R6.versionKey).toBe("clinic-report-r6-demo");
    expect(INSTITUTIONS.some((i) => i.previous.answers && "f1_primary_care_areas" in i.previous.answers)).toBe(true);
    expect(HUB_R7.versionKey).not.toBe(HUB_R6.versionKey);
  });
});

// ---- Expected figures by plain counting ---------------------------------------------------------

type TGroup = { key: string; label: string; municipalityCodes: readonly string[] };

const PREFECTURE: TGroup = { key: "pref", label: "県全体", municipalityCodes: MUNICIPALITIES.map((m) => m.code) };
const ZONE_GROUPS: TGroup[] = ZONES.map((z) => ({
  key: z.code,
  label: z.name,
  municipalityCodes: z.municipalityCodes,
}));
const MUNICIPALITY_GROUPS: TGroup[] = MUNICIPALITIES.map((m) => ({
  key: m.code,
  label: m.name,
  municipalityCodes: [m.code],
}));
const ALL_GROUPS = [PREFECTURE, ...ZONE_GROUPS, ...MUNICIPALITY_GROUPS];

/** Population of each group, added up by hand (港町 has no 75+ figure). */
const EXPECTED_POPULATION: Record<string, TPopulation> = {
  pref: { total: 193_000, age65: 60_000, age75: null },
  "3691": { total: 125_000, age65: 39_000, age75: 21_200 },
  "3692": { total: 68_000, age65: 21_000, age75: null },
  "369012": { total: 100_000, age65: 30_000, age75: 16_000 },
  "369021": { total: 20_000, age65: 7_000, age75: 4_000 },
  "369039": { total: 5_000, age65: 2_000, age75: 1_200 },
  "369047": { total: 60_000, age65: 18_000, age75: 9_500 },
  "369055": { total: 8_000, age65: 3_000, age75: null },
};

const inGroup = (group: TGroup, kind: TKindFilter) => (i: TFixtureInstitution) =>
  group.municipalityCodes.includes(i.municipalityCode) && (kind === "ALL" || i.kind === kind);

function countedReports(
  group: TGroup,
  year: TFixtureYear,
  kind: TKindFilter,
  confirmedOnly: boolean,
): TExpectedClinic[] {
  return INSTITUTIONS.filter(inGroup(group, kind))
    .filter((i) => i[year].answers !== null && (!confirmedOnly || i[year].status === "CONFIRMED"))
    .map((i) => i[year].expected!);
}

/** As production will: counters per municipality (the pre-aggregated rows), summed per group. */
function countersByMunicipality(year: TFixtureYear): Record<string, TClinicCounters> {
  return Object.fromEntries(
    MUNICIPALITIES.map((m) => [
      m.code,
      countClinicReports(
        INSTITUTIONS.filter((i) => i.municipalityCode === m.code).map((i) => clinicReportInput(i, year)),
      ),
    ]),
  );
}

function groupSummary(
  group: TGroup,
  year: TFixtureYear,
  kind: TKindFilter = "ALL",
  confirmedOnly = false,
): TClinicSummary {
  const byMunicipality = countersByMunicipality(year);
  const counters = sumClinicCounters(group.municipalityCodes.map((code) => byMunicipality[code]!));
  const population = sumPopulations(MUNICIPALITIES.filter((m) => group.municipalityCodes.includes(m.code)));
  return summarizeClinic(counters, { kind, confirmedOnly, population, definition: clinicDefinition(year) });
}

const GRID = ALL_GROUPS.flatMap((group) =>
  YEARS.flatMap((year) =>
    KINDS.flatMap((kind) => [false, true].map((confirmedOnly) => ({ group, year, kind, confirmedOnly }))),
  ),
);

describe("summaries of the small dataset equal plain counts (every group × year × kind × confirmed-only)", () => {
  it.each(GRID.map((g) => [`${g.group.label} ${g.year} ${g.kind}${g.confirmedOnly ? " 確認済のみ" : ""}`, g] as const))(
    "%s",
    (_name, g) => {
      const { group, year, kind, confirmedOnly } = g;
      const s = groupSummary(group, year, kind, confirmedOnly);
      const respondents = INSTITUTIONS.filter(inGroup(group, kind));
      const reports = countedReports(group, year, kind, confirmedOnly);
      const n = reports.length;
      const primary = reports.filter((r) => r.f1);

      // Response status, out of every active respondent (whatever confirmedOnly says).
      expect(s.status.respondents).toBe(respondents.length);
      for (const status of RESPONSE_STATUSES) {
        expect(s.status.byStatus[status]).toBe(respondents.filter((i) => i[year].status === status).length);
      }
      expect(s.status.withRevision).toBe(respondents.filter((i) => i[year].answers !== null).length);
      expect(s.n).toBe(n);

      // 1号
      const f1 = findFunction(s, "f1")!;
      expect(f1.has).toEqual({ count: primary.length, n });
      expect(f1.per10k65).toEqual({ count: primary.length, population: EXPECTED_POPULATION[group.key]!.age65 });
      expect(f1.per10k75).toEqual({ count: primary.length, population: EXPECTED_POPULATION[group.key]!.age75 });

      // 2号: 有り, its split, over n and over the 1号 count; 意向有り.
      for (const key of SECONDARY) {
        const fn = findFunction(s, key)!;
        const has = reports.filter((r) => ["self", "partner", "both", "unknown"].includes(r.f2[key]));
        expect(fn.has).toEqual({ count: has.length, n });
        expect(fn.hasOverPrimary).toEqual({ count: has.filter((r) => r.f1).length, n: primary.length });
        for (const mode of ["self", "partner", "both", "unknown"] as const) {
          const m = reports.filter((r) => r.f2[key] === mode);
          expect(fn.modes[mode]).toEqual({
            overN: { count: m.length, n },
            overPrimary: { count: m.length, n: primary.length },
          });
        }
        expect(fn.intent).toEqual({ count: reports.filter((r) => r.f2[key] === "intent").length, n });
        expect(fn.per10k65.count).toBe(has.length);
      }

      // The 17 areas, over n and over the 1号 count.
      for (const code of AREA_CODES) {
        const row = s.areas.areas.find((a) => a.code === code)!;
        expect(row.offered).toEqual({ count: reports.filter((r) => r.areas.includes(code)).length, n });
        expect(row.offeredOverPrimary).toEqual({
          count: primary.filter((r) => r.areas.includes(code)).length,
          n: primary.length,
        });
      }
      expect(s.areas.noneSelected.count).toBe(reports.filter((r) => r.areas.length === 0).length);

      // Frequency bands: every option code, and the reports the item did not apply to.
      for (const tag of ["onCallRota", "emergencyCenter"] as const) {
        const choice = findChoice(s, tag)!;
        expect(choice.band).toBe(true);
        expect(choice.options.map((o) => o.code)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7"]);
        for (const option of choice.options)
          expect(option.rate).toEqual({ count: reports.filter((r) => r[tag] === option.code).length, n });
        expect(choice.notApplicable).toBe(reports.filter((r) => r[tag] === null).length);
        expect(choice.has.count).toBe(reports.filter((r) => r[tag] !== null && Number(r[tag]) >= 2).length);
        expect(choice.intent.count).toBe(reports.filter((r) => r[tag] === "1").length);
      }

      // A count item: positive / zero / missing / hidden / not asked by last year's version.
      const visits = findCount(s, "homeVisitCount")!;
      const asked = reports.filter((r) => r.homeVisit !== "notAsked").length;
      expect(visits.asked).toBe(asked);
      expect(visits.positive).toEqual({ count: reports.filter((r) => r.homeVisit === "positive").length, n: asked });
      expect(visits.zero).toBe(reports.filter((r) => r.homeVisit === "zero").length);
      expect(visits.missing).toBe(reports.filter((r) => r.homeVisit === "missing").length);
      expect(visits.notApplicable).toBe(reports.filter((r) => r.homeVisit === "notApplicable").length);

      expect(s.population).toEqual(EXPECTED_POPULATION[group.key]);
    },
  );

  it("a few figures written out by hand (令和7年度, 県全体, both kinds)", () => {
    const s = groupSummary(PREFECTURE, "current");
    expect(s.status).toEqual({
      respondents: 12,
      byStatus: { NOT_STARTED: 2, DRAFT: 1, SUBMITTED: 4, RETURNED: 1, CONFIRMED: 4 },
      withRevision: 9,
    });
    expect(s.n).toBe(9);
    expect(findFunction(s, "f1")!.has).toEqual({ count: 7, n: 9 });
    expect(findFunction(s, "f2i")!.modes).toEqual({
      self: { overN: { count: 1, n: 9 }, overPrimary: { count: 1, n: 7 } },
      partner: { overN: { count: 2, n: 9 }, overPrimary: { count: 2, n: 7 } },
      both: { overN: { count: 1, n: 9 }, overPrimary: { count: 1, n: 7 } },
      unknown: { overN: { count: 1, n: 9 }, overPrimary: { count: 1, n: 7 } },
    });
    expect(findFunction(s, "f2ro")!.intent).toEqual({ count: 2, n: 9 });
    expect(s.areas.areas.find((a) => a.code === "9")!.offered).toEqual({ count: 7, n: 9 }); // 循環器: all but 眼科 and 該当無し
    expect(s.areas.areas.find((a) => a.code === "11")!.offered).toEqual({ count: 0, n: 9 }); // 産科: nobody
    expect(per10kValue(findFunction(s, "f1")!.per10k65)).toBeCloseTo((7 / 60_000) * 10_000, 12);
    expect(per10kValue(findFunction(s, "f1")!.per10k75)).toBeNull(); // 港町 has no 75+ figure

    const north = groupSummary(ZONE_GROUPS[0]!, "current");
    expect(per10kValue(findFunction(north, "f1")!.per10k75)).toBeCloseTo((4 / 21_200) * 10_000, 12);
    expect(groupSummary(PREFECTURE, "current", "ALL", true).n).toBe(4);
    expect(groupSummary(PREFECTURE, "current", "HOSPITAL").n).toBe(2);
  });

  it("the 意向有り pool helper lists exactly the reports the counters count", () => {
    for (const year of YEARS) {
      const s = groupSummary(PREFECTURE, year);
      for (const key of SECONDARY) {
        const pool = INSTITUTIONS.filter((i) => {
          const input = clinicReportInput(i, year);
          return input.revision !== null && isInIntentPool(input.revision.derived, key);
        });
        expect(pool.length).toBe(findFunction(s, key)!.intent.count);
        expect(pool.map((i) => i.key)).toEqual(
          INSTITUTIONS.filter((i) => i[year].expected?.f2[key] === "intent").map((i) => i.key),
        );
      }
    }
    const i11 = clinicReportInput(
      INSTITUTIONS.find((i) => i.key === "i11")!,
      "current",
    );
    expect(intentPools(i11.revision!.derived)).toEqual(["f2i", "f2ro", "f2ni"]);
  });
});

// ---- Below the prefecture -----------------------------------------------------------------------

describe("zones against the prefecture (課題の候補)", () => {
  const pref = groupSummary(PREFECTURE, "current");
  const zones = ZONE_GROUPS.map((z) => ({ zone: z, summary: groupSummary(z, "current") }));

  /** Plain fractions from the annotations, for the indicators checked here. */
  function expectedValue(group: TGroup, key: string): { value: number | null; base: number } {
    const reports = countedReports(group, "current", "ALL", false);
    const n = reports.length;
    const primary = reports.filter((r) => r.f1);
    const frac = (count: number, d: number) => ({ value: d > 0 ? count / d : null, base: d });
    const hasFn = (r: TExpectedClinic, k: (typeof SECONDARY)[number]) =>
      ["self", "partner", "both", "unknown"].includes(r.f2[k]);
    if (key === "f1.has") return frac(primary.length, n);
    if (key === "f1.per10k65")
      return { value: (primary.length / EXPECTED_POPULATION[group.key]!.age65!) * 10_000, base: n };
    if (key === "f1.per10k75") {
      const p = EXPECTED_POPULATION[group.key]!.age75;
      return { value: p === null ? null : (primary.length / p) * 10_000, base: n };
    }
    for (const k of SECONDARY) {
      if (key === `${k}.has`) return frac(reports.filter((r) => hasFn(r, k)).length, n);
      if (key === `${k}.hasOverPrimary`) return frac(primary.filter((r) => hasFn(r, k)).length, primary.length);
    }
    const area = /^area\.(\d+)$/.exec(key);
    if (area) return frac(reports.filter((r) => r.areas.includes(area[1]!)).length, n);
    if (key === "onCallRota.has")
      return frac(reports.filter((r) => r.onCallRota !== null && Number(r.onCallRota) >= 2).length, n);
    if (key === "homeVisitCount.positive") return frac(reports.filter((r) => r.homeVisit === "positive").length, n);
    throw new Error(key);
  }

  const CHECKED = [
    "f1.has",
    "f1.per10k65",
    "f1.per10k75",
    ...SECONDARY.flatMap((k) => [`${k}.has`, `${k}.hasOverPrimary`]),
    ...AREA_CODES.map((c) => `area.${c}`),
    "onCallRota.has",
    "homeVisitCount.positive",
  ];

  it.each(ZONE_GROUPS.map((z) => [z.label, z] as const))(
    "%s: values, differences and flags with minN = 4",
    (_label, zone) => {
      const summary = zones.find((z) => z.zone === zone)!.summary;
      const comparisons = compareWithReference(summary, pref, { minN: 4 });
      for (const key of CHECKED) {
        const c = comparisons.find((x) => x.key === key)!;
        const mine = expectedValue(zone, key);
        const ref = expectedValue(PREFECTURE, key);
        if (mine.value === null) expect(c.value.value).toBeNull();
        else expect(c.value.value).toBeCloseTo(mine.value, 12);
        if (ref.value === null) expect(c.reference.value).toBeNull();
        else expect(c.reference.value).toBeCloseTo(ref.value, 12);
        const judged = mine.value !== null && ref.value !== null && mine.base >= 4 && ref.base >= 4;
        const shortfall = judged && mine.value! < ref.value!;
        // The material gap, in floating point here (the code compares in integers): 5 points, or 10 % per head.
        const material = key.includes("per10k")
          ? mine.value! <= 0.9 * ref.value! + 1e-12
          : ref.value! - mine.value! >= 0.05 - 1e-12;
        expect([key, c.below]).toEqual([key, shortfall && material]);
        if (shortfall && !material) expect([key, c.judgement]).toEqual([key, "slightlyBelow"]);
        if (mine.value !== null && ref.value !== null) expect(c.difference).toBeCloseTo(mine.value - ref.value, 12);
        else expect([key, c.difference, c.judgement]).toEqual([key, null, "noData"]);
      }
    },
  );

  it("the flagged list, written out by hand for 南部圏域 (minN = 4)", () => {
    const south = zones[1]!.summary;
    // Any shortfall (no material gap), to check the counts behind every judgement.
    const comparisons = compareWithReference(south, pref, { minN: 4, minGap: { sharePoints: 0, per10kPercent: 0 } });
    // 南部 (n 4, 1号 3) vs 県 (n 9, 1号 7), counted by hand from the fixture:
    expect(issueCandidates(comparisons).map((c) => c.key)).toEqual([
      "f1.has", // 3/4 vs 7/9
      "f2i.has", // 2/4 vs 5/9
      "f2ro.has", // 1/4 vs 3/9
      "f2ro.per10k65", // 1 per 21,000 vs 3 per 60,000
      "f2ha.has", // 2/4 vs 5/9
      "f2ni.has", // 2/4 vs 5/9
      "area.1", // 1/4 vs 3/9
      "area.6", // 3/4 vs 7/9
      "area.7", // 2/4 vs 5/9
      "area.9", // 3/4 vs 7/9
      "onCallRota.has", // 1/4 vs 3/9
      "emergencyCenter.has", // 1/4 vs 3/9
      "backupBeds.has", // 1/4 vs 3/9
      "dischargeRule.has", // 0/4 vs 1/9
      "physicianOpinion.has", // 2/4 vs 5/9
      "careConference.has", // 1/4 vs 4/9
      "homeVisitCount.positive", // 1/4 vs 4/9
      "urgentVisitCount.positive", // 1/4 vs 3/9
      "homeEndOfLifeCount.positive", // 1/4 vs 3/9
    ]);
    const judgement = (key: string) => comparisons.find((c) => c.key === key)!.judgement;
    // Lower, but resting on the 3 reports with 1号 (< 4): 参考値, not flagged.
    expect(judgement("f2ha.hasOverPrimary")).toBe("insufficientN"); // 2/3 vs 5/7
    expect(judgement("f1.per10k65")).toBe("notBelow"); // 3 per 21,000 vs 7 per 60,000
    expect(judgement("f1.per10k75")).toBe("noData"); // 港町 has no 75+ figure
    expect(judgement("area.11")).toBe("notBelow"); // 0/4 vs 0/9: equal is not below
    expect(judgement("f2ro.intent")).toBe("neutral"); // 意向有り has no direction
  });

  it("with the default material gap, shortfalls under 5 points / 10 % are only わずかに下回る", () => {
    const south = zones[1]!.summary;
    const comparisons = compareWithReference(south, pref, { minN: 4 });
    const judgement = (key: string) => comparisons.find((c) => c.key === key)!.judgement;
    expect(judgement("f1.has")).toBe("slightlyBelow"); // 75.0% vs 77.8%: 2.8 points
    expect(judgement("area.6")).toBe("slightlyBelow"); // 3/4 vs 7/9
    expect(judgement("area.9")).toBe("slightlyBelow"); // 3/4 vs 7/9
    expect(judgement("f2ro.per10k65")).toBe("slightlyBelow"); // 0.476 vs 0.500 per 10,000: 4.8 % fewer
    expect(judgement("f2i.has")).toBe("below"); // 50.0% vs 55.6%: 5.6 points
    expect(judgement("dischargeRule.has")).toBe("below"); // 0/4 vs 1/9: 11.1 points
    expect(issueCandidates(comparisons)).toHaveLength(15); // the 19 above less these 4
  });

  it("with the default minimum n (10) no zone of 4–5 reports is flagged: every judgement is 参考値", () => {
    for (const { summary } of zones) {
      const comparisons = compareWithReference(summary, pref);
      expect(issueCandidates(comparisons)).toEqual([]);
      for (const c of comparisons) {
        expect(["insufficientN", "noData", "neutral"]).toContain(c.judgement);
      }
      expect(comparisons.find((c) => c.key === "f1.has")!.judgement).toBe("insufficientN");
    }
  });

  it("zones side by side: ranks follow the exact values", () => {
    const ranking = rankGroups(
      zones.map((z) => ({ key: z.zone.key, label: z.zone.label, summary: z.summary })),
      { minN: 4 },
    );
    const f1 = ranking.find((r) => r.key === "f1.has")!;
    expect(f1.entries.map((e) => [e.key, e.rank])).toEqual([
      ["3691", 1],
      ["3692", 2],
    ]); // 4/5 vs 3/4
    const per65 = ranking.find((r) => r.key === "f1.per10k65")!;
    expect(per65.entries.map((e) => [e.key, e.rank])).toEqual([
      ["3691", 2],
      ["3692", 1],
    ]); // 4/39,000 vs 3/21,000
    const area9 = ranking.find((r) => r.key === "area.9")!;
    expect(area9.entries.map((e) => e.rank)).toEqual([1, 2]); // 4/5 vs 3/4
    const per75 = ranking.find((r) => r.key === "f1.per10k75")!;
    expect(per75.entries.map((e) => [e.rank, e.ranked])).toEqual([
      [1, true],
      [null, false],
    ]); // south: unknown 75+
    const intent = ranking.find((r) => r.key === "f2ro.intent")!;
    expect(intent.entries.every((e) => e.rank === null)).toBe(true); // neutral indicators are not ranked
  });
});

// ---- Change from last year (R6 demo → R7) --------------------------------------------------------

describe("change from last year across definition versions", () => {
  it("the prefecture: deltas from counts, null where last year's version did not ask", () => {
    const change = compareSummaries(groupSummary(PREFECTURE, "current"), groupSummary(PREFECTURE, "previous"));
    expect(change.n).toEqual({ current: 9, previous: 6 });
    const get = (key: string) => change.indicators.find((i) => i.key === key)!;

    const current = countedReports(PREFECTURE, "current", "ALL", false);
    const previous = countedReports(PREFECTURE, "previous", "ALL", false);
    const f1Now = current.filter((r) => r.f1).length;
    const f1Then = previous.filter((r) => r.f1).length;
    expect([f1Now, f1Then]).toEqual([7, 5]);
    expect(get("f1.has").current).toMatchObject({ count: 7, n: 9 });
    expect(get("f1.has").previous).toMatchObject({ count: 5, n: 6 });
    expect(get("f1.has").delta).toBeCloseTo(7 / 9 - 5 / 6, 12);

    // The areas were under another item key last year (f1_primary_care_areas): found by tag.
    const area1Then = previous.filter((r) => r.areas.includes("1")).length;
    expect(get("area.1").previous).toMatchObject({ count: area1Then, n: 6 });
    expect(area1Then).toBe(3);

    // (ニ) was ni_physician_opinion last year; the function key is the same.
    expect(get("f2ni.has").previous).toMatchObject({
      count: previous.filter((r) => r.f2.f2ni === "unknown").length,
      n: 6,
    });

    // R6 never asked 訪問診療 counts, the discharge rule or care conferences: n = 0, delta null.
    for (const key of ["homeVisitCount.positive", "dischargeRule.has", "careConference.has"]) {
      expect([key, get(key).previous.value, get(key).previous.base, get(key).delta]).toEqual([key, null, 0, null]);
      expect(get(key).current.value).not.toBeNull();
    }

    // Per 65+ counts reports, so it is compared only when both years rest on a similar share of
    // respondents; here 9 of this year's and 6 of last year's respondents reported.
    const now = groupSummary(PREFECTURE, "current");
    const then = groupSummary(PREFECTURE, "previous");
    const coverageGap = Math.abs(now.n / now.status.respondents - then.n / then.status.respondents);
    expect(coverageGap).toBeGreaterThan(0.05);
    expect(get("f1.per10k65")).toMatchObject({ coverageComparable: false, delta: null });
    expect(get("f1.per10k65").current.value).toBeCloseTo((7 / 60_000) * 10_000, 12); // still shown
    // With equal coverage the same counts compare (both years use this year's population here).
    const equal = compareSummaries(now, {
      ...then,
      status: { ...then.status, respondents: Math.round((then.n * now.status.respondents) / now.n) },
    });
    const per65 = equal.indicators.find((i) => i.key === "f1.per10k65")!;
    expect(per65.coverageComparable).toBe(true);
    expect(per65.delta).toBeCloseTo((7 / 60_000 - 5 / 60_000) * 10_000, 12);
    // Per 75+: unknown population → null, never NaN or Infinity.
    expect(get("f1.per10k75").delta).toBeNull();
    for (const i of change.indicators) expect(i.delta === null || Number.isFinite(i.delta)).toBe(true);
  });

  it("a zone with no report last year compares as null, not as a fall from or rise to 0%", () => {
    const west = MUNICIPALITY_GROUPS.find((g) => g.key === "369039")!; // 西村: nothing submitted either year
    const change = compareSummaries(groupSummary(west, "current"), groupSummary(west, "previous"));
    expect(change.n).toEqual({ current: 0, previous: 0 });
    expect(change.indicators.every((i) => i.delta === null)).toBe(true);
  });

  it("refuses to compare summaries built with different filters", () => {
    expect(() =>
      compareSummaries(groupSummary(PREFECTURE, "current", "ALL"), groupSummary(PREFECTURE, "previous", "CLINIC")),
    ).toThrow();
    expect(() =>
      compareWithReference(groupSummary(PREFECTURE, "current", "ALL", true), groupSummary(PREFECTURE, "current")),
    ).toThrow();
  });
});

// ---- Hubs ---------------------------------------------------------------------------------------

describe("hub roll-ups of the small dataset", () => {
  const hubGroups: TGroup[] = [PREFECTURE, ...ZONE_GROUPS];
  const hubsIn = (group: TGroup) => HUBS.filter((h) => group.key === "pref" || h.zoneCode === group.key);

  it.each(
    hubGroups.flatMap((group) =>
      YEARS.flatMap((year) =>
        [false, true].map(
          (confirmedOnly) =>
            [`${group.label} ${year}${confirmedOnly ? " 確認済のみ" : ""}`, group, year, confirmedOnly] as const,
        ),
      ),
    ),
  )("%s: pooled counts per duty = sums of the hubs' hand-counted scores", (_name, group, year, confirmedOnly) => {
    const hubs = hubsIn(group);
    const summary = summarizeHubGroup(countHubReports(hubs.map((h) => hubReportInput(h, year))), {
      confirmedOnly,
      definition: hubDefinition(year),
    });
    const counted = hubs.filter((h) => h[year].expected !== null && (!confirmedOnly || h[year].status === "CONFIRMED"));
    expect(summary.status.respondents).toBe(hubs.length);
    for (const status of RESPONSE_STATUSES) {
      expect(summary.status.byStatus[status as TResponseStatus]).toBe(
        hubs.filter((h) => h[year].status === status).length,
      );
    }
    expect(summary.n).toBe(counted.length);
    expect(summary.duties.map((d) => d.key)).toEqual(DUTY_KEYS);
    for (const duty of DUTY_KEYS) {
      const d = summary.duties.find((x) => x.key === duty)!;
      let rn = 0,
        rm = 0,
        rp = 0,
        dn = 0,
        da = 0,
        dp = 0,
        withReq = 0,
        allMet = 0;
      for (const h of counted) {
        const e = h[year].expected![duty];
        rn += e.required.n;
        rm += e.required.met;
        rp += e.required.partial;
        dn += e.desirable.n;
        da += e.desirable.adopted;
        dp += e.desirable.partial;
        if (e.required.n > 0) withReq += 1;
        if (e.required.n > 0 && e.required.met === e.required.n) allMet += 1;
      }
      expect(d.required).toEqual({ n: rn, met: rm, partial: rp });
      expect(d.desirable).toEqual({ n: dn, adopted: da, partial: dp });
      expect(d.requiredMet).toEqual({ count: rm, n: rn });
      expect(d.desirableAdopted).toEqual({ count: da, n: dn });
      expect(d.hubsAllRequiredMet).toEqual({ count: allMet, n: withReq });
      expect(d.hubs).toBe(counted.length);
    }
  });

  it("北部圏域 this year, written out: pooled, not the mean of the hubs' shares", () => {
    const north = summarizeHubGroup(countHubReports(hubsIn(ZONE_GROUPS[0]!).map((h) => hubReportInput(h, "current"))), {
      definition: HUB_R7,
    });
    const duty1 = north.duties.find((d) => d.key === "duty1")!;
    // h1 met 6 of 8, h2 met 4 of 5: pooled 10/13 (0.769…), whereas the mean of shares would be 0.775.
    expect(duty1.requiredMet).toEqual({ count: 10, n: 13 });
    expect(duty1.hubsAllRequiredMet).toEqual({ count: 0, n: 2 });
    expect(north.total.requiredMet).toEqual({ count: 32 + 26, n: 35 + 30 });
    expect(north.duties.find((d) => d.key === "duty1")!.label).toBe("連携会議と現状把握・課題抽出");
  });

  it("南部圏域: the draft hub is a respondent but not counted; confirmed-only leaves nothing", () => {
    const south = HUBS.filter((h) => h.zoneCode === "3692").map((h) => hubReportInput(h, "current"));
    const all = summarizeHubGroup(countHubReports(south));
    expect(all.status.byStatus).toMatchObject({ SUBMITTED: 1, DRAFT: 1 });
    expect(all.n).toBe(1);
    const confirmed = summarizeHubGroup(countHubReports(south), { confirmedOnly: true });
    expect(confirmed.n).toBe(0);
    expect(confirmed.duties.every((d) => d.requiredMet.n === 0 && d.requiredMet.count === 0)).toBe(true);
  });

  it("change from last year (R6 → R7) per duty, from pooled counts", () => {
    const group = (year: TFixtureYear) =>
      summarizeHubGroup(countHubReports(HUBS.map((h) => hubReportInput(h, year))), { definition: hubDefinition(year) });
    const change = compareHubGroups(group("current"), group("previous"));
    const duty3 = change.duties.find((d) => d.key === "duty3")!;
    // Now: h1 5/6, h2 6/6, h3 6/6 = 17/18. Last year: h1 4/6, h3 6/6 = 10/12.
    expect(duty3.requiredMet.current).toEqual({ count: 17, n: 18 });
    expect(duty3.requiredMet.previous).toEqual({ count: 10, n: 12 });
    expect(duty3.requiredMet.delta).toBeCloseTo(17 / 18 - 10 / 12, 12);
    // 望ましい in 小児在宅: R7 has 5 items, R6 had 4 — pooled over each year's own items.
    const ped = change.duties.find((d) => d.key === "pediatric")!;
    expect(ped.desirableAdopted.current).toEqual({ count: 5 + 5 + 0, n: 15 });
    expect(ped.desirableAdopted.previous).toEqual({ count: 4 + 4, n: 8 });
  });
});

describe("the catalogue is complete for the dashboards and the packet", () => {
  it("every key is unique and every indicator reads from a real summary", () => {
    const s = groupSummary(PREFECTURE, "current");
    const comparisons = compareWithReference(s, s, { minN: 1 });
    expect(new Set(comparisons.map((c) => c.key)).size).toBe(comparisons.length);
    // Against itself nothing is below, and every directed indicator with data is judged.
    expect(comparisons.filter((c) => c.below)).toEqual([]);
    expect(findIndicator("f2ha.per10k65")?.unit).toBe("per10k");
    expect(findIndicator("area.17")?.label).toBe("一次診療 小児領域");
  });
});
