// The words of the council follow-up (lib/summaries/texts.ts, lib/summaries/council.ts): one table.
import { describe, expect, it } from "vitest";
import { judgeProgress, type TProgressInput } from "@/lib/aggregation";
import { followUpRow, periodText, verdictCountsText, type TFollowUpSource } from "./council";
import { frozenBaselineText, indicatorValueText, progressText } from "./texts";

const progress = (over: Partial<TProgressInput>) =>
  judgeProgress({
    unit: "share",
    higherIsBetter: true,
    baseline: { value: 0.3, base: 40 },
    current: { value: 0.35, base: 40 },
    target: 0.4,
    indicatorAsked: true,
    ...over,
  });

describe("progress texts", () => {
  it.each([
    [{ current: { value: 0.41, base: 40 } }, "達成"],
    [{}, "改善"],
    [{ current: { value: 0.302, base: 40 } }, "横ばい"],
    [{ current: { value: 0.2, base: 40 } }, "悪化"],
    [{ current: { value: 0.35, base: 6 } }, "改善（参考値: n<10）"],
    [{ indicatorAsked: false }, "指標が調査票にありません"],
    [{ current: { value: null, base: 0 } }, "今年度の値なし"],
  ] as const)("%j → %s", (over, text) => {
    expect(progressText(progress(over))).toBe(text);
  });

  it("words values, baselines and periods", () => {
    expect(indicatorValueText(0.8, "share")).toBe("80.0%");
    expect(indicatorValueText(12.345, "per10k")).toBe("12.3");
    expect(indicatorValueText(null, "share")).toBe("—");
    expect(
      frozenBaselineText({ unit: "share", count: 19, denominator: 42, base: 42, value: 19 / 42, fiscalYear: 2024 }),
    ).toBe("45.2%（19/42）");
    expect(periodText("2024-12", "2025-09")).toBe("2024年12月〜2025年9月");
    expect(periodText(null, "2025-09")).toBe("〜2025年9月");
    expect(periodText(null, null)).toBe("—");
  });

  it("makes one row per measure, the same for the dashboard, the packet and the public page", () => {
    const source: TFollowUpSource = {
      id: "m1",
      issueTitle: "在宅医療が少ない",
      title: "同行研修",
      ownerBody: "MEDICAL_ASSOCIATION",
      ownerName: "丹南地区医師会",
      startMonth: "2024-12",
      deadlineMonth: "2025-11",
      status: "IN_PROGRESS",
      notes: "",
      indicatorKey: "f2ha.has",
      indicator: { label: "2号(ハ) 在宅医療の提供 有り", unit: "share" },
      baseline: { unit: "share", count: 10, denominator: 40, base: 40, value: 0.25, fiscalYear: 2024 },
      current: { unit: "share", count: 12, n: 40, value: 0.3, base: 40 },
      target: 0.3,
      progress: progress({ baseline: { value: 0.25, base: 40 }, current: { value: 0.3, base: 40 }, target: 0.3 }),
    };
    const row = followUpRow(source);
    expect(row).toMatchObject({
      owner: "郡市医師会（丹南地区医師会）",
      period: "2024年12月〜2025年11月",
      status: "実施中",
      baseline: "25.0%（10/40） 令和6年度",
      current: "30.0%（12/40）",
      target: "30.0%",
      verdict: "達成",
      tone: "good",
      n: "n=40",
    });
    expect(verdictCountsText([row, { ...row, verdict: "悪化", verdictCode: "worsened" }])).toBe("達成 1・悪化 1");
    expect(
      followUpRow({
        ...source,
        indicatorKey: "gone.key",
        indicator: null,
        progress: progress({ indicatorAsked: false }),
      }).indicator,
    ).toBe("（現在の指標一覧にない指標: gone.key）");
  });
});
