import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ZQuestionnaireDefinition, allItems, type TQuestionnaireDefinition } from "./definition";
import { periodText, referencePeriodLabel, respondentDefinition } from "./respondent-view";
import { itemHeading } from "./format";

function load(name: string): TQuestionnaireDefinition {
  const path = fileURLToPath(new URL(`../../prisma/questionnaires/${name}.json`, import.meta.url));
  return ZQuestionnaireDefinition.parse(JSON.parse(readFileSync(path, "utf8")));
}

describe("reference dates in words (guideline p.19)", () => {
  it.each([
    ["asOfJanuary1", 2026, "令和9年1月1日時点"],
    ["calendarYear", 2026, "令和8年1月〜12月"],
    ["previousFiscalYear", 2026, "令和7年4月〜令和8年3月"],
    ["asOfJanuary1", 2025, "令和8年1月1日時点"],
    ["previousFiscalYear", 2019, "平成30年4月〜平成31年3月"],
    ["calendarYear", 2019, "平成31年1月〜12月"],
  ] as const)("%s for FY%i → %s", (kind, fy, words) => {
    expect(referencePeriodLabel(kind, fy)).toBe(words);
  });

  it("reads a date as it is and a period as 対象期間", () => {
    expect(periodText("令和9年1月1日時点")).toBe("令和9年1月1日時点");
    expect(periodText("令和8年1月〜12月")).toBe("対象期間: 令和8年1月〜12月");
  });
});

describe("respondentDefinition: nothing for administrators reaches a respondent", () => {
  const adminOnly = /provisionalNote|"source"|adminNote|"notice"|wic-net|確認できていない|未取得|未確認/;

  it.each(["clinic-report-r8-v1", "hub-self-assessment-r7-v1", "clinic-report-r7-v1", "clinic-report-r6-demo"])(
    "%s: no source, provisional note, admin note or notice",
    (name) => {
      const def = load(name);
      const view = respondentDefinition(def, def.fiscalYear);
      const text = JSON.stringify(view);
      expect(text).not.toMatch(/provisionalNote|"source"|adminNote|"notice"|wic-net/);
      expect(
        allItems(view)
          .filter((i) => i.provisional)
          .every((i) => i.showProvisionalMark),
      ).toBe(true);
    },
  );

  it("令和8年度: no item text says what is unconfirmed, and each reference is in words", () => {
    const view = respondentDefinition(load("clinic-report-r8-v1"), 2026);
    expect(JSON.stringify(view)).not.toMatch(adminOnly);
    const byKey = new Map(allItems(view).map((i) => [i.key, i]));
    expect(byKey.get("f1_notice")?.period).toBe("令和9年1月1日時点");
    expect(byKey.get("i_rota")?.period).toBe("令和8年1月〜12月");
    expect(byKey.get("i_overtime_count")?.period).toBe("令和7年4月〜令和8年3月");
    expect(byKey.get("f1_areas")?.star).toBe(true);
    expect(byKey.get("f1_areas")?.citation).toBe("報告マニュアル p.62");
  });

  it("shows the 暫定 mark only where the administrator chose to", () => {
    const def = load("clinic-report-r8-v1");
    const flagged = structuredClone(def);
    const item = flagged.sections[1]!.items.find((i) => i.key === "f1_intent")!;
    item.showProvisionalMark = true;
    const view = respondentDefinition(flagged, 2026);
    expect(
      allItems(view)
        .filter((i) => i.provisional)
        .map((i) => i.key),
    ).toEqual(["f1_intent"]);
    expect(allItems(respondentDefinition(def, 2026)).some((i) => i.provisional)).toBe(false);
  });
});

describe("令和8年度 hub self-assessment: help written for hub staff", () => {
  const r8 = load("hub-self-assessment-r8-v1");
  const r7 = load("hub-self-assessment-r7-v1");

  it("keeps every 令和7年度 item under the same key, so last year's answers and PDCA rows carry over", () => {
    expect(allItems(r8).map((i) => i.key)).toEqual(allItems(r7).map((i) => i.key));
    expect(r8.previous?.versionKey).toBe("hub-self-assessment-r7-v1");
  });

  it("shows respondents no guidebook line numbers, and cites the guidebook section on every item", () => {
    const view = respondentDefinition(r8, 2026);
    expect(JSON.stringify(view)).not.toMatch(/L\d{2,}|本アプリ|Renkei/);
    expect(allItems(view).every((i) => /^拠点ガイドブック \d/.test(i.citation ?? ""))).toBe(true);
  });
});

describe("itemHeading: where answers are listed", () => {
  const def = load("clinic-report-r8-v1");
  const notice = allItems(def).find((i) => i.key === "f1_notice")!;
  const count = allItems(def).find((i) => i.key === "i_overtime_count")!;

  it("marks ★ and computes the period from the cycle's 年度 for a reviewer's full definition", () => {
    expect(itemHeading(notice, 2026)).toEqual({ label: `★${notice.label}`, period: "令和9年1月1日時点" });
    expect(itemHeading(count, 2026)).toEqual({
      label: `(イ)5 ${count.label}`,
      period: "対象期間: 令和7年4月〜令和8年3月",
    });
  });

  it("reads the words a respondent definition already carries", () => {
    const view = allItems(respondentDefinition(def, 2026)).find((i) => i.key === "i_overtime_count")!;
    expect(itemHeading(view).period).toBe("対象期間: 令和7年4月〜令和8年3月");
  });
});
