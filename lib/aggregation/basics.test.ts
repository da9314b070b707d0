// Rates, populations, statuses and the static tables that must agree with the rest of the app.
import { describe, expect, it } from "vitest";
import type { InstitutionKind, SubmissionStatus } from "@/lib/generated/prisma/enums";
import { findItemByTag } from "@/lib/questionnaire/definition";
import { CLINIC_R6, CLINIC_R7, HUB_R7 } from "@/tests/fixtures/aggregation/small-dataset";
import { scoreGroups } from "@/lib/questionnaire/score";
import { comparePopulationRates, compareRates, per10kValue, rate, rateChange, rateDelta, rateValue } from "./rate";
import { sumPopulations } from "./population";
import { countedStatuses, RESPONSE_STATUSES, type TSubmissionStatus } from "./status";
import type { TInstitutionKind } from "./clinic-counters";
import {
  CHOICE_TAGS,
  COUNT_TAGS,
  FUNCTION_FALLBACK_LABELS,
  PRIMARY_CARE_AREAS,
  PRIMARY_CARE_AREAS_TAG,
} from "./clinic-tags";
import { HUB_DUTY_FALLBACK_LABELS } from "./hub";

describe("rates", () => {
  it.each([
    [rate(3, 4), 0.75],
    [rate(0, 4), 0],
    [rate(0, 0), null],
    [rate(2, 0), null],
    [rate(1, -1), null],
  ])("rateValue(%o) = %s", (r, expected) => {
    expect(rateValue(r)).toBe(expected);
  });

  it.each([
    [{ count: 5, population: 20_000 }, 2.5],
    [{ count: 0, population: 20_000 }, 0],
    [{ count: 5, population: null }, null],
    [{ count: 5, population: 0 }, null],
  ])("per10kValue(%o) = %s", (r, expected) => {
    expect(per10kValue(r)).toBe(expected);
  });

  it.each([
    [rate(3, 4), rate(1, 2), 0.25],
    [rate(3, 4), rate(0, 0), null],
    [rate(0, 0), rate(1, 2), null],
    [null, rate(1, 2), null],
    [rate(0, 5), rate(0, 7), 0],
  ])("rateDelta(%o, %o) = %s — never NaN or Infinity", (a, b, expected) => {
    expect(rateDelta(a, b)).toBe(expected);
    expect(rateChange(a, b)).toEqual({ current: a, previous: b, delta: expected });
  });

  it("compares exactly by cross-multiplication", () => {
    expect(compareRates(rate(1, 3), rate(2, 6))).toBe(0);
    expect(compareRates(rate(1, 3), rate(1, 2))).toBe(-1);
    expect(compareRates(rate(2, 3), rate(1, 2))).toBe(1);
    expect(compareRates(rate(0, 0), rate(1, 2))).toBeNull();
    expect(comparePopulationRates({ count: 3, population: 21_000 }, { count: 7, population: 60_000 })).toBe(1);
    expect(comparePopulationRates({ count: 1, population: 10_000 }, { count: 2, population: 20_000 })).toBe(0);
    expect(comparePopulationRates({ count: 1, population: null }, { count: 2, population: 20_000 })).toBeNull();
  });
});

describe("sumPopulations", () => {
  it.each([
    [
      "all known",
      [
        { populationTotal: 10, population65: 4, population75: 2 },
        { populationTotal: 5, population65: 1, population75: 1 },
      ],
      { total: 15, age65: 5, age75: 3 },
    ],
    [
      "one 75+ missing: that figure is unknown, not a partial sum",
      [
        { populationTotal: 10, population65: 4, population75: null },
        { populationTotal: 5, population65: 1, population75: 1 },
      ],
      { total: 15, age65: 5, age75: null },
    ],
    ["undefined fields count as missing", [{ populationTotal: 10 }], { total: 10, age65: null, age75: null }],
    ["zero is a figure", [{ populationTotal: 0, population65: 0, population75: 0 }], { total: 0, age65: 0, age75: 0 }],
    [
      "negative is not",
      [{ populationTotal: -1, population65: 1, population75: 1 }],
      { total: null, age65: 1, age75: 1 },
    ],
    ["no municipalities: unknown", [], { total: null, age65: null, age75: null }],
  ])("%s", (_name, rows, expected) => {
    expect(sumPopulations(rows)).toEqual(expected);
  });
});

describe("statuses and kinds agree with the database enums", () => {
  it("TSubmissionStatus is SubmissionStatus; TInstitutionKind is InstitutionKind", () => {
    const sameStatus: [TSubmissionStatus] extends [SubmissionStatus]
      ? [SubmissionStatus] extends [TSubmissionStatus]
        ? true
        : false
      : false = true;
    const sameKind: [TInstitutionKind] extends [InstitutionKind]
      ? [InstitutionKind] extends [TInstitutionKind]
        ? true
        : false
      : false = true;
    expect([sameStatus, sameKind]).toEqual([true, true]);
  });

  it("confirmedOnly counts CONFIRMED only; otherwise every status (those without a revision add nothing)", () => {
    expect(countedStatuses(true)).toEqual(["CONFIRMED"]);
    expect(countedStatuses(false)).toEqual(RESPONSE_STATUSES);
  });
});

describe("static tables agree with the shipped definitions", () => {
  it.each([CLINIC_R7, CLINIC_R6])("$versionKey: the 17 areas, codes and labels", (def) => {
    const item = findItemByTag(def, PRIMARY_CARE_AREAS_TAG);
    expect(item?.type).toBe("multi");
    const areas =
      item && "options" in item
        ? item.options.filter((o) => o.status === "has").map((o) => ({ code: o.code, label: o.label }))
        : [];
    expect(areas).toEqual(PRIMARY_CARE_AREAS);
  });

  it("the function fallback labels are the definitions' labels", () => {
    for (const fn of CLINIC_R7.functions) {
      expect(FUNCTION_FALLBACK_LABELS[fn.key]).toEqual({ label: fn.label, shortLabel: fn.shortLabel });
    }
  });

  it("every tracked tag exists in R7 with a type the counters understand", () => {
    for (const { tag } of CHOICE_TAGS)
      expect([tag, findItemByTag(CLINIC_R7, tag)?.type]).toEqual([tag, expect.stringMatching(/^(single|yesno)$/)]);
    for (const { tag } of COUNT_TAGS) expect([tag, findItemByTag(CLINIC_R7, tag)?.type]).toEqual([tag, "integer"]);
  });

  it("the hub duty fallback labels are R7's score groups", () => {
    expect(Object.entries(HUB_DUTY_FALLBACK_LABELS).map(([key, label]) => ({ key, label }))).toEqual(
      scoreGroups(HUB_R7),
    );
  });
});
