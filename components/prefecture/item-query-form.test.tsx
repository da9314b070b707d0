// Before asking, the officer reads whether the respondent can correct the report in answer: after
// the deadline only 「期限後の入力許可」 (入力を再開) lets it.
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import { ItemQueryForm } from "./item-query-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const items = [{ key: "i_overtime", label: "時間外加算の算定回数" }];

describe("ItemQueryForm", () => {
  it("after the deadline says the clinic can correct only once the input is reopened", () => {
    render(<ItemQueryForm submissionId="s1" flagged={[]} items={items} respondentCanCorrect={false} />);
    expect(screen.getByTestId("query-correction-hint")).toHaveTextContent(
      "提出期限を過ぎているため、回答者はいま報告を修正できません（回答欄で答えることはできます）。回答のとおり報告を直してもらう場合は、「期限後の入力許可」で入力を再開してください。",
    );
  });

  it("within the window says so too, for after the deadline", () => {
    render(<ItemQueryForm submissionId="s1" flagged={[]} items={items} />);
    expect(screen.getByTestId("query-correction-hint")).toHaveTextContent(
      "提出期限を過ぎると、報告を修正できるのは「期限後の入力許可」で入力を再開したときだけです。",
    );
  });
});
