import { describe, expect, it } from "vitest";
import { fieldMessages, ZCouncilZonesForm, ZOfficerForm, ZRespondentAccountForm } from "./account-forms";

const messagesOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : fieldMessages(parsed.error as never);
};

describe("account forms", () => {
  it.each([
    [{ name: "福井 太郎", email: "tanto@pref.fukui.example.jp", prefectureCode: "18" }, {}],
    [
      { name: " ", email: "", prefectureCode: "" },
      {
        name: ["氏名を入力してください。"],
        email: [
          "メールアドレスを入力してください。",
          "メールアドレスの形式が正しくありません（例: tanto@example.jp）。",
        ],
        prefectureCode: ["都道府県を選んでください。"],
      },
    ],
    [
      { name: "x".repeat(101), email: "a@b", prefectureCode: "48" },
      {
        name: ["氏名は100文字以内で入力してください。"],
        email: ["メールアドレスの形式が正しくありません（例: tanto@example.jp）。"],
        prefectureCode: ["都道府県を選んでください。"],
      },
    ],
    [
      { name: "二人", email: "a@example.jp, b@example.jp", prefectureCode: "01" },
      { email: ["メールアドレスの形式が正しくありません（例: tanto@example.jp）。"] },
    ],
  ])("officer %j → %j", (value, expected) => {
    expect(messagesOf(ZOfficerForm, value)).toEqual(expected);
  });

  it("checks only the chosen kind's fields", () => {
    expect(
      messagesOf(ZRespondentAccountForm, { kind: "council", name: "委員", email: "c@example.jp", zoneIds: [] }),
    ).toEqual({
      zoneIds: ["圏域を1つ以上選んでください。"],
    });
    expect(
      messagesOf(ZRespondentAccountForm, { kind: "hub", name: "拠点", email: "h@example.jp", zoneIds: [], hubId: "" }),
    ).toEqual({ hubId: ["拠点を選んでください。"] });
    expect(messagesOf(ZRespondentAccountForm, { kind: "other" })).toEqual({
      kind: ["作成するアカウントの種類を選んでください。"],
    });
    expect(messagesOf(ZCouncilZonesForm, { zoneIds: ["z1"] })).toEqual({});
    expect(messagesOf(ZCouncilZonesForm, {})).toEqual({ zoneIds: ["圏域を1つ以上選んでください。"] });
  });
});
