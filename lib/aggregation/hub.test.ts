import { describe, expect, it } from "vitest";
import type { THubScores } from "@/lib/questionnaire/score";
import {
  addHubCounters,
  compareHubGroups,
  compareMatchedHubs,
  countHubReport,
  countHubReports,
  emptyHubCounters,
  subtractHubCounters,
  summarizeHub,
  summarizeHubGroup,
  type THubCounters,
} from "./hub";

/** Scores by hand: [key, requiredN, met, partial, desirableN, adopted, partial]. */
function scores(...groups: [string, number, number, number, number, number, number][]): THubScores {
  const list = groups.map(([key, rn, rm, rp, dn, da, dp]) => ({
    key,
    label: `義務 ${key}`,
    required: { n: rn, met: rm, partial: rp },
    desirable: { n: dn, adopted: da, partial: dp },
  }));
  const sum = (f: (g: (typeof list)[number]) => number) => list.reduce((a, g) => a + f(g), 0);
  return {
    groups: list,
    total: {
      required: {
        n: sum((g) => g.required.n),
        met: sum((g) => g.required.met),
        partial: sum((g) => g.required.partial),
      },
      desirable: {
        n: sum((g) => g.desirable.n),
        adopted: sum((g) => g.desirable.adopted),
        partial: sum((g) => g.desirable.partial),
      },
    },
  };
}

const A = scores(["duty1", 8, 8, 0, 5, 3, 1], ["duty2", 2, 1, 1, 0, 0, 0]);
const B = scores(["duty1", 2, 1, 0, 5, 5, 0], ["duty2", 0, 0, 0, 4, 2, 0]);

describe("countHubReport", () => {
  it.each([
    ["not started", { status: "NOT_STARTED" as const, scores: null }, { respondents: 1, n: 0 }],
    ["draft", { status: "DRAFT" as const, scores: null }, { respondents: 1, n: 0 }],
    ["submitted", { status: "SUBMITTED" as const, scores: A }, { respondents: 1, n: 1 }],
  ])("%s", (_name, input, expected) => {
    const cell = countHubReport(input).cells[input.status]!;
    expect(cell).toMatchObject(expected);
  });

  it("a hub meets all required items of a duty only if it was assessed on at least one", () => {
    const cell = countHubReport({ status: "CONFIRMED", scores: B }).cells.CONFIRMED!;
    expect(cell.duties.duty1).toMatchObject({ hubsWithRequired: 1, hubsAllRequiredMet: 0 });
    expect(cell.duties.duty2).toMatchObject({ hubsWithRequired: 0, hubsAllRequiredMet: 0, desirableN: 4 });
    expect(countHubReport({ status: "CONFIRMED", scores: A }).cells.CONFIRMED!.duties.duty1).toMatchObject({
      hubsAllRequiredMet: 1,
    });
  });

  it("refuses scores for a hub that has not started", () => {
    expect(() => countHubReport({ status: "NOT_STARTED", scores: A })).toThrow(/未着手/);
  });
});

describe("hub counters add up", () => {
  const a = countHubReport({ status: "CONFIRMED", scores: A });
  const b = countHubReport({ status: "SUBMITTED", scores: B });
  const c = countHubReport({ status: "DRAFT", scores: null });

  it("identity, commutativity, associativity, subtraction, JSON", () => {
    expect(addHubCounters(emptyHubCounters(), a)).toEqual(a);
    expect(addHubCounters(a, b)).toEqual(addHubCounters(b, a));
    expect(addHubCounters(addHubCounters(a, b), c)).toEqual(addHubCounters(a, addHubCounters(b, c)));
    expect(
      subtractHubCounters(
        countHubReports([
          { status: "CONFIRMED", scores: A },
          { status: "SUBMITTED", scores: B },
        ]),
        b,
      ),
    ).toEqual(a);
    expect(() => subtractHubCounters(a, b)).toThrow();
    const all = addHubCounters(addHubCounters(a, b), c);
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
    expect(() => addHubCounters({ ...a, format: 2 } as unknown as THubCounters, a)).toThrow(/形式/);
  });
});

describe("summarizeHubGroup", () => {
  const counters = countHubReports([
    { status: "CONFIRMED", scores: A },
    { status: "SUBMITTED", scores: B },
    { status: "DRAFT", scores: null },
  ]);

  it("pools the counts per duty (Σ met / Σ n), and counts hubs meeting all required items", () => {
    const s = summarizeHubGroup(counters);
    expect(s.n).toBe(2);
    expect(s.status.byStatus).toMatchObject({ CONFIRMED: 1, SUBMITTED: 1, DRAFT: 1 });
    const duty1 = s.duties.find((d) => d.key === "duty1")!;
    expect(duty1.required).toEqual({ n: 10, met: 9, partial: 0 });
    // pooled 9/10 = 0.9, not the mean of 8/8 and 1/2 (0.75)
    expect(duty1.requiredMet).toEqual({ count: 9, n: 10 });
    expect(duty1.desirableAdopted).toEqual({ count: 8, n: 10 });
    expect(duty1.desirablePartial).toEqual({ count: 1, n: 10 });
    expect(duty1.hubsAllRequiredMet).toEqual({ count: 1, n: 2 });
    const duty2 = s.duties.find((d) => d.key === "duty2")!;
    expect(duty2.requiredMet).toEqual({ count: 1, n: 2 });
    expect(duty2.requiredPartial).toEqual({ count: 1, n: 2 });
    expect(duty2.hubsAllRequiredMet).toEqual({ count: 0, n: 1 });
    expect(s.total.requiredMet).toEqual({ count: 10, n: 12 });
    expect(s.total.hubsAllRequiredMet).toEqual({ count: 0, n: 2 });
  });

  it("without a definition, the R7 duties are listed (with fallback labels), empty ones with n = 0", () => {
    const s = summarizeHubGroup(counters);
    expect(s.duties.map((d) => d.key)).toEqual([
      "duty1",
      "duty2",
      "duty3",
      "duty4",
      "duty5",
      "bcp",
      "pediatric",
      "acp",
    ]);
    expect(s.duties[0]!.label).toBe("連携会議と現状把握・課題抽出");
    expect(s.duties.find((d) => d.key === "acp")!.requiredMet).toEqual({ count: 0, n: 0 });
  });

  it("a duty the labels do not know is listed after, under its key", () => {
    const s = summarizeHubGroup(countHubReport({ status: "SUBMITTED", scores: scores(["duty9", 1, 1, 0, 0, 0, 0]) }));
    expect(s.duties.at(-1)).toMatchObject({ key: "duty9", label: "duty9", requiredMet: { count: 1, n: 1 } });
  });

  it("confirmed only", () => {
    const s = summarizeHubGroup(counters, { confirmedOnly: true });
    expect(s.n).toBe(1);
    expect(s.status.respondents).toBe(3);
    expect(s.duties.find((d) => d.key === "duty1")!.requiredMet).toEqual({ count: 8, n: 8 });
  });

  it("nothing counted: every share undefined", () => {
    const s = summarizeHubGroup(emptyHubCounters());
    expect(s.n).toBe(0);
    expect(s.total.requiredMet).toEqual({ count: 0, n: 0 });
  });
});

describe("one hub and the change from last year", () => {
  it("summarizeHub gives the duties as rates and compareScores against last year", () => {
    const s = summarizeHub({ status: "SUBMITTED", scores: A, previousScores: B });
    expect(s.duties.map((d) => [d.key, d.requiredMet])).toEqual([
      ["duty1", { count: 8, n: 8 }],
      ["duty2", { count: 1, n: 2 }],
    ]);
    expect(s.change!.groups[0]!.required).toEqual({ current: 1, previous: 0.5, delta: 0.5 });
    expect(s.change!.groups[1]!.required.delta).toBeNull(); // last year n = 0
  });

  it("without scores (not submitted) or without last year: nulls, not zeros", () => {
    expect(summarizeHub({ status: "DRAFT", scores: null })).toEqual({
      status: "DRAFT",
      scores: null,
      previousScores: null,
      duties: [],
      total: null,
      change: null,
    });
    expect(summarizeHub({ status: "SUBMITTED", scores: A }).change).toBeNull();
  });

  it("compareHubGroups: pooled deltas; a duty only one year has compares as null", () => {
    const now = summarizeHubGroup(
      countHubReports([
        { status: "SUBMITTED", scores: scores(["duty1", 4, 3, 0, 2, 2, 0], ["duty6", 2, 2, 0, 0, 0, 0]) },
      ]),
    );
    const then = summarizeHubGroup(
      countHubReports([{ status: "SUBMITTED", scores: scores(["duty1", 4, 2, 0, 2, 1, 0]) }]),
    );
    const change = compareHubGroups(now, then);
    const duty1 = change.duties.find((d) => d.key === "duty1")!;
    expect(duty1.requiredMet).toEqual({ current: { count: 3, n: 4 }, previous: { count: 2, n: 4 }, delta: 0.25 });
    const duty6 = change.duties.find((d) => d.key === "duty6")!;
    expect(duty6.requiredMet).toEqual({ current: { count: 2, n: 2 }, previous: null, delta: null });
    expect(change.n).toEqual({ current: 1, previous: 1 });
    expect(() => compareHubGroups(now, summarizeHubGroup(emptyHubCounters(), { confirmedOnly: true }))).toThrow();
  });

  it("compareMatchedHubs: only hubs scored in both years are pooled for the change", () => {
    const pairs = [
      {
        current: { status: "SUBMITTED" as const, scores: scores(["duty1", 4, 4, 0, 0, 0, 0]) },
        previous: { status: "CONFIRMED" as const, scores: scores(["duty1", 4, 2, 0, 0, 0, 0]) },
      },
      // Submitted only last year (a low score): leaving it out keeps the change about the same hubs.
      {
        current: { status: "DRAFT" as const, scores: null },
        previous: { status: "CONFIRMED" as const, scores: scores(["duty1", 4, 0, 0, 0, 0, 0]) },
      },
      // New this year: no previous figure to compare with.
      {
        current: { status: "SUBMITTED" as const, scores: scores(["duty1", 4, 1, 0, 0, 0, 0]) },
        previous: { status: "NOT_STARTED" as const, scores: null },
      },
    ];
    const change = compareMatchedHubs(pairs)!;
    expect(change.n).toEqual({ current: 1, previous: 1 });
    expect(change.duties.find((d) => d.key === "duty1")!.requiredMet).toEqual({
      current: { count: 4, n: 4 },
      previous: { count: 2, n: 4 },
      delta: 0.5,
    });
    expect(compareMatchedHubs(pairs.slice(1))).toBeNull();
  });
});
