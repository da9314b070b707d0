// Before asking, the officer reads whether the respondent can correct the report in answer: after
// the deadline only 「期限後の入力許可」 (入力を再開) lets it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ItemQueryForm } from "./item-query-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const items = [{ key: "i_overtime", label: "時間外加算の算定回数" }];
const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});

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

  it("says after asking that the respondent is mailed too when a mail server is configured", async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue({ ok: true, status: 200, json: async () => ({ id: "q1" }) });
    render(<ItemQueryForm submissionId="s1" flagged={[]} items={items} mailConfigured />);
    await user.selectOptions(screen.getByLabelText("照会する項目"), "i_overtime");
    await user.type(screen.getByLabelText("照会の内容（回答者に表示されます）"), "ご確認ください。");
    await user.click(screen.getByRole("button", { name: "照会する" }));
    expect(await screen.findByText(/照会しました/)).toHaveTextContent(
      "照会しました。回答者のホーム画面と入力画面に表示されます（回答者のアカウントにはメールでもお知らせします）。",
    );
  });
});
