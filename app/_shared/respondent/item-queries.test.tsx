// The 照会 panel on the respondent's form tells the clinic how to correct its report as the form
// stands: in the inputs, by starting a 修正 / 変更報告, or — after the deadline, when the form shows
// neither — by writing the correction in the answer until the prefecture reopens the input.
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import type { TItemQueryView } from "@/lib/data/review-flags";
import type { TQueryCorrection } from "@/lib/domain/cycle-window";
import { QueryPanel } from "./item-queries";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const query: TItemQueryView = {
  id: "q1",
  itemKeys: ["i_overtime"],
  message: "時間外加算の算定回数をご確認ください。",
  status: "OPEN",
  askedRevision: 1,
  askedAt: new Date("2026-03-02T01:00:00Z"),
  answer: null,
  answeredRevision: null,
  answeredAt: null,
  closeNote: null,
  closedAt: null,
};

function panel(correction: TQueryCorrection) {
  render(<QueryPanel queries={[query]} labelOf={() => "時間外加算の算定回数"} correction={correction} />);
  return screen.getByTestId("query-correction");
}

describe("QueryPanel", () => {
  it("after the deadline names no button the form hides, and asks for the correction in the answer", () => {
    const text = panel({ way: "closed" });
    expect(text).toHaveTextContent(
      "照会に回答してください。提出期限を過ぎているため、報告の内容はいまは修正できません。訂正がある場合は、回答欄に訂正内容を書いてください（都道府県が入力を再開すると修正できます）。",
    );
    expect(text).not.toHaveTextContent("始める");
    // The answer form is still there.
    expect(screen.getByRole("button", { name: /回答/ })).toBeInTheDocument();
  });

  it("within the window names the button the form shows for a submitted or confirmed report", () => {
    expect(panel({ way: "start", what: "変更報告" })).toHaveTextContent(
      "回答のとおり内容を直す場合は、入力画面の「変更報告を始める」から修正して提出してください。",
    );
  });

  it("on a report being edited points to the inputs", () => {
    expect(panel({ way: "edit" })).toHaveTextContent("入力欄で修正して提出してください。");
  });
});
