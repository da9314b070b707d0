import { describe, expect, it } from "vitest";
import {
  compareScores,
  computeHubScores,
  isScoreable,
  itemScore,
  scoreGroups,
  share,
  type TDesirableCounts,
  type THubScores,
  type TRequiredCounts,
} from "./score";
import { allItems } from "./definition";
import type { TAnswers } from "./answers";
import { buildDefinition, section } from "@/tests/factories/questionnaire";

// The practice scale every hub item uses: 実施している / 一部実施 / 検討中 / 未実施.
const L4 = [
  { code: "3", label: "実施している", score: 1, status: "has" as const },
  { code: "2", label: "一部実施", score: 0.5 },
  { code: "1", label: "検討中", score: 0, status: "intent" as const },
  { code: "0", label: "未実施", score: 0, status: "none" as const },
];

/**
 * g1 (two sections) holds every kind of item the scorer must skip; g2 is a hidden-able section;
 * g3 has only an unscoreable item (n = 0); the last section has no group at all.
 */
const def = buildDefinition({
  kind: "HUB_SELF_ASSESSMENT",
  sections: [
    section(
      "a",
      [
        { key: "a_req_yn", type: "yesno", label: "必須 yes/no", basis: "required" },
        { key: "a_req_l4", type: "single", label: "必須 実施状況", basis: "required", options: L4 },
        { key: "a_des_yn", type: "yesno", label: "望ましい yes/no", basis: "desirable" },
        {
          key: "a_hidden",
          type: "yesno",
          label: "条件付き",
          basis: "required",
          visibleWhen: { key: "a_req_yn", equals: true },
        },
        { key: "a_count", type: "integer", label: "回数", basis: "required" },
        {
          key: "a_multi",
          type: "multi",
          label: "複数選択",
          basis: "desirable",
          options: [
            { code: "x", label: "X" },
            { code: "y", label: "Y" },
          ],
        },
        {
          key: "a_plain",
          type: "single",
          label: "点数なしの選択",
          basis: "required",
          options: [
            { code: "1", label: "A" },
            { code: "2", label: "B" },
          ],
        },
        { key: "a_nobasis", type: "yesno", label: "根拠なし" },
      ],
      { scoreGroup: "g1", title: "義務1" },
    ),
    section("b", [{ key: "b_des", type: "single", label: "望ましい 実施状況", basis: "desirable", options: L4 }], {
      scoreGroup: "g2",
      title: "義務2",
      visibleWhen: { key: "a_req_yn", equals: true },
    }),
    section("c", [{ key: "c_text", type: "text", label: "自由記述", basis: "required" }], {
      scoreGroup: "g3",
      title: "義務3",
    }),
    section("d", [{ key: "d_yn", type: "yesno", label: "グループ外", basis: "required" }], { title: "採点対象外" }),
    section("e", [{ key: "e_des", type: "yesno", label: "同じグループの2つ目の章", basis: "desirable" }], {
      scoreGroup: "g1",
      title: "義務1（続き）",
    }),
  ],
});

const req = (n: number, met: number, partial = 0): TRequiredCounts => ({ n, met, partial });
const des = (n: number, adopted: number, partial = 0): TDesirableCounts => ({ n, adopted, partial });

const UNSCORED_ANSWERS: TAnswers = {
  a_count: 5,
  a_multi: ["x"],
  a_plain: "1",
  a_nobasis: true,
  c_text: "メモ",
  d_yn: true,
};

describe("computeHubScores", () => {
  it.each<
    [
      string,
      TAnswers,
      Record<"g1" | "g2" | "g3", [TRequiredCounts, TDesirableCounts]>,
      [TRequiredCounts, TDesirableCounts],
    ]
  >([
    [
      "empty answers: visible items count in n, nothing is met",
      {},
      { g1: [req(2, 0), des(2, 0)], g2: [req(0, 0), des(0, 0)], g3: [req(0, 0), des(0, 0)] },
      [req(2, 0), des(2, 0)],
    ],
    [
      "all met (answers to unscoreable items change nothing)",
      { a_req_yn: true, a_req_l4: "3", a_des_yn: true, a_hidden: true, b_des: "3", e_des: true, ...UNSCORED_ANSWERS },
      { g1: [req(3, 3), des(2, 2)], g2: [req(0, 0), des(1, 1)], g3: [req(0, 0), des(0, 0)] },
      [req(3, 3), des(3, 3)],
    ],
    [
      "一部実施 is partial; no, 検討中 and 未実施 are neither met nor partial",
      { a_req_yn: true, a_req_l4: "2", a_des_yn: false, a_hidden: false, b_des: "2", e_des: null },
      { g1: [req(3, 1, 1), des(2, 0)], g2: [req(0, 0), des(1, 0, 1)], g3: [req(0, 0), des(0, 0)] },
      [req(3, 1, 1), des(3, 0, 1)],
    ],
    [
      "検討中 and 未実施 score 0",
      { a_req_yn: true, a_req_l4: "1", a_hidden: true, b_des: "0" },
      { g1: [req(3, 2), des(2, 0)], g2: [req(0, 0), des(1, 0)], g3: [req(0, 0), des(0, 0)] },
      [req(3, 2), des(3, 0)],
    ],
    [
      "hidden items and hidden sections are excluded even when answered",
      { a_req_yn: false, a_req_l4: "3", a_des_yn: true, a_hidden: true, b_des: "3", e_des: false },
      { g1: [req(2, 1), des(2, 1)], g2: [req(0, 0), des(0, 0)], g3: [req(0, 0), des(0, 0)] },
      [req(2, 1), des(2, 1)],
    ],
  ])("%s", (_name, answers, groups, total) => {
    const scores = computeHubScores(def, answers);
    expect(Object.fromEntries(scores.groups.map((g) => [g.key, [g.required, g.desirable]]))).toEqual(groups);
    expect([scores.total.required, scores.total.desirable]).toEqual(total);
  });

  it("lists groups in definition order with the first section's title, including n = 0 groups", () => {
    expect(computeHubScores(def, {}).groups.map((g) => [g.key, g.label])).toEqual([
      ["g1", "義務1"],
      ["g2", "義務2"],
      ["g3", "義務3"],
    ]);
    expect(scoreGroups(def)).toEqual([
      { key: "g1", label: "義務1" },
      { key: "g2", label: "義務2" },
      { key: "g3", label: "義務3" },
    ]);
  });

  it("returns no groups for a definition without score groups", () => {
    const plain = buildDefinition({
      sections: [section("s", [{ key: "q", type: "yesno", label: "Q", basis: "required" }])],
    });
    expect(computeHubScores(plain, { q: true })).toEqual({
      groups: [],
      total: { required: req(0, 0), desirable: des(0, 0) },
    });
  });
});

describe("which items are scoreable", () => {
  it.each<[string, boolean]>([
    ["a_req_yn", true],
    ["a_req_l4", true],
    ["a_plain", false],
    ["a_count", false],
    ["a_multi", false],
    ["c_text", false],
  ])("%s → %s", (key, expected) => {
    const item = allItems(def).find((i) => i.key === key)!;
    expect(isScoreable(item)).toBe(expected);
  });

  it("scores a group-type item never", () => {
    const withGroup = buildDefinition({
      sections: [
        section("s", [{ key: "rows", type: "group", label: "表", fields: [{ key: "f", type: "yesno", label: "F" }] }]),
      ],
    });
    expect(isScoreable(allItems(withGroup)[0]!)).toBe(false);
  });
});

describe("itemScore", () => {
  const mixed = buildDefinition({
    sections: [
      section("s", [
        { key: "yn", type: "yesno", label: "YN" },
        { key: "l4", type: "single", label: "L4", options: L4 },
        {
          key: "half",
          type: "single",
          label: "点数が一部だけ",
          options: [
            { code: "a", label: "A", score: 1 },
            { code: "b", label: "B" },
          ],
        },
      ]),
    ],
  });
  const item = (key: string) => allItems(mixed).find((i) => i.key === key)!;

  it.each<[string, TAnswers[string], number | null]>([
    ["yn", true, 1],
    ["yn", false, 0],
    ["yn", undefined, null],
    ["yn", null, null],
    ["l4", "3", 1],
    ["l4", "2", 0.5],
    ["l4", "1", 0],
    ["l4", "0", 0],
    ["l4", "9", null],
    ["half", "a", 1],
    ["half", "b", 0],
  ])("%s = %j → %s", (key, value, expected) => {
    expect(itemScore(item(key), value)).toBe(expected);
  });
});

describe("share", () => {
  it.each<[TRequiredCounts | TDesirableCounts, number | null]>([
    [req(4, 3, 1), 0.75],
    [des(2, 0, 2), 0],
    [req(0, 0), null],
    [des(0, 0), null],
  ])("%j → %s", (counts, expected) => {
    expect(share(counts)).toBe(expected);
  });
});

describe("compareScores", () => {
  const scores = (
    groups: [string, TRequiredCounts, TDesirableCounts][],
    total: [TRequiredCounts, TDesirableCounts],
  ): THubScores => ({
    groups: groups.map(([key, required, desirable]) => ({ key, label: `ラベル ${key}`, required, desirable })),
    total: { required: total[0], desirable: total[1] },
  });

  const current = scores(
    [
      ["g1", req(4, 3), des(2, 1)],
      ["g2", req(0, 0), des(3, 3)],
      ["g3", req(2, 1), des(0, 0)],
      ["new", req(1, 1), des(1, 0)],
    ],
    [req(7, 5), des(6, 4)],
  );
  const previous = scores(
    [
      ["g1", req(4, 2), des(2, 2)],
      ["g2", req(2, 1), des(3, 0)],
      ["g3", req(0, 0), des(0, 0)],
      ["gone", req(1, 0), des(0, 0)],
    ],
    [req(7, 3), des(5, 2)],
  );
  const result = compareScores(current, previous);
  const group = (key: string) => result.groups.find((g) => g.key === key)!;

  it.each<[string, "required" | "desirable", number | null, number | null, number | null]>([
    ["g1", "required", 0.75, 0.5, 0.25],
    ["g1", "desirable", 0.5, 1, -0.5],
    ["g2", "required", null, 0.5, null], // current n = 0
    ["g2", "desirable", 1, 0, 1],
    ["g3", "required", 0.5, null, null], // previous n = 0
    ["g3", "desirable", null, null, null], // both n = 0
    ["new", "required", 1, null, null], // absent last year
    ["gone", "required", null, 0, null], // absent this year
  ])("%s %s: %s vs %s → %s", (key, basis, cur, prev, delta) => {
    const c = group(key)[basis];
    expect(c.current).toBe(cur);
    expect(c.previous).toBe(prev);
    if (delta === null) expect(c.delta).toBeNull();
    else expect(c.delta).toBeCloseTo(delta, 12);
  });

  it("keeps current order, then groups only the previous version had", () => {
    expect(result.groups.map((g) => g.key)).toEqual(["g1", "g2", "g3", "new", "gone"]);
  });

  it("compares the totals", () => {
    expect(result.total.required.delta).toBeCloseTo(5 / 7 - 3 / 7, 12);
    expect(result.total.desirable.delta).toBeCloseTo(4 / 6 - 2 / 5, 12);
  });

  it("never yields NaN or Infinity", () => {
    const empty = scores([["g1", req(0, 0), des(0, 0)]], [req(0, 0), des(0, 0)]);
    const values = [compareScores(empty, empty), compareScores(current, empty), compareScores(empty, previous)].flatMap(
      (r) =>
        [...r.groups, r.total]
          .flatMap((g) => [g.required, g.desirable])
          .flatMap((c) => [c.current, c.previous, c.delta]),
    );
    expect(values.every((v) => v === null || Number.isFinite(v))).toBe(true);
    expect(compareScores(empty, empty).total.required).toEqual({ current: null, previous: null, delta: null });
  });

  it("works end to end from answers", () => {
    const thisYear = computeHubScores(def, { a_req_yn: true, a_req_l4: "3", a_hidden: true });
    const lastYear = computeHubScores(def, { a_req_yn: false, a_req_l4: "2" });
    const g1 = compareScores(thisYear, lastYear).groups[0]!;
    expect(g1.required).toEqual({ current: 1, previous: 0, delta: 1 });
    expect(g1.desirable).toEqual({ current: 0, previous: 0, delta: 0 });
  });
});
