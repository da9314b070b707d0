import { describe, expect, it } from "vitest";
import { copyForwardAnswers } from "./copy";
import { buildDefinition, intentOptions, section } from "@/tests/factories/questionnaire";

const previous = buildDefinition({
  versionKey: "prev-v1",
  sections: [
    section("s", [
      {
        key: "old_rota",
        type: "single",
        label: "在宅当番医制",
        options: intentOptions(["有り(月1回)", "有り(月2回)"]),
      },
      { key: "count", type: "integer", label: "算定回数", copyForward: false },
      { key: "note", type: "text", label: "特記事項", maxLength: 100 },
      {
        key: "areas",
        type: "multi",
        label: "領域",
        options: [
          { code: "1", label: "A" },
          { code: "2", label: "B" },
          { code: "3", label: "C" },
        ],
      },
    ]),
  ],
});

const target = buildDefinition({
  versionKey: "next-v1",
  previous: { versionKey: "prev-v1", keyMap: { rota: "old_rota" } },
  sections: [
    section("s", [
      { key: "rota", type: "single", label: "在宅当番医制", options: intentOptions(["有り(月1回)", "有り(月2回)"]) },
      { key: "count", type: "integer", label: "算定回数", copyForward: false },
      { key: "note", type: "text", label: "特記事項", maxLength: 5 },
      // code "3" was removed in the new version
      {
        key: "areas",
        type: "multi",
        label: "領域",
        options: [
          { code: "1", label: "A" },
          { code: "2", label: "B" },
        ],
      },
      {
        key: "plan",
        type: "group",
        label: "PDCA",
        fields: [
          { key: "issue", type: "text", label: "課題" },
          { key: "status", type: "text", label: "達成状況", copyForward: false },
        ],
      },
    ]),
  ],
});

const lastYear = {
  old_rota: "3",
  count: 12,
  note: "長い特記事項のテキスト",
  areas: ["1", "3"],
  plan: [{ issue: "24時間体制", status: "達成" }],
};

describe("copyForwardAnswers", () => {
  it("maps renamed keys, skips yearly counts and values the new version cannot hold", () => {
    const result = copyForwardAnswers(target, { versionKey: previous.versionKey, answers: lastYear });
    expect(result.answers).toEqual({ rota: "3", plan: [{ issue: "24時間体制" }] });
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { key: "count", reason: "notCopyable" },
        { key: "note", reason: "incompatible" },
        { key: "areas", reason: "incompatible" },
      ]),
    );
  });

  it("keeps what the respondent already answered this year unless asked to overwrite", () => {
    const kept = copyForwardAnswers(target, { versionKey: previous.versionKey, answers: lastYear }, { rota: "0" });
    expect(kept.answers.rota).toBe("0");
    expect(kept.skipped).toContainEqual({ key: "rota", reason: "alreadyAnswered" });
    const overwritten = copyForwardAnswers(
      target,
      { versionKey: previous.versionKey, answers: lastYear },
      { rota: "0" },
      { overwrite: true },
    );
    expect(overwritten.answers.rota).toBe("3");
  });

  it("uses keys as they are when the source is not the declared previous version", () => {
    const result = copyForwardAnswers(target, { versionKey: "other", answers: { rota: "2", old_rota: "3" } });
    expect(result.answers.rota).toBe("2");
  });
});
