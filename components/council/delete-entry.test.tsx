// The 削除 of a 課題 or 対応策: nothing is sent until it is confirmed; cancelling returns focus to
// 削除; a deletion is announced where focus goes, a refusal shown in the dialog.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DeleteEntryButton, DeletionStatus } from "./delete-entry";

const { refresh } = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

// jsdom may lack the modal dialog API; opening and closing (with its close event) is enough here.
beforeAll(() => {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal !== "function")
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute("open", "");
    };
  if (typeof proto.close !== "function")
    proto.close = function (this: HTMLDialogElement) {
      this.removeAttribute("open");
      this.dispatchEvent(new Event("close"));
    };
});

const fetchMock = vi.fn();
beforeEach(() => {
  refresh.mockReset();
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});

const answer = (status: number, payload: unknown) => ({ ok: status < 400, status, json: async () => payload });

function renderButton() {
  render(
    <DeletionStatus>
      <ul>
        <li>
          <DeleteEntryButton
            url="/api/v1/council/records/r1/measures/m1"
            what="対応策"
            name="同行研修"
            consequence="基準値（決定時）と経過・メモも削除されます。"
          />
        </li>
      </ul>
    </DeletionStatus>,
  );
  return screen.getByRole("button", { name: "対応策「同行研修」を削除" });
}

describe("DeleteEntryButton", () => {
  it("asks first, says what happens, and returns focus to 削除 when cancelled", async () => {
    const user = userEvent.setup();
    const trigger = renderButton();
    await user.click(trigger);
    const dialog = screen.getByRole("dialog", { name: "対応策「同行研修」を削除しますか？" });
    expect(dialog).toHaveAccessibleDescription(/基準値（決定時）と経過・メモも削除されます。.*監査ログに残ります/);
    expect(screen.getByRole("button", { name: "キャンセル" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(dialog).not.toHaveAttribute("open");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("deletes on confirmation, announces it where focus goes and refreshes the list", async () => {
    const user = userEvent.setup();
    fetchMock.mockResolvedValue(answer(200, { id: "m1" }));
    await user.click(renderButton());
    await user.click(screen.getByRole("button", { name: "削除する" }));
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/v1/council/records/r1/measures/m1",
      expect.objectContaining({ method: "DELETE" }),
    );
    const status = await screen.findByText("対応策「同行研修」を削除しました。");
    await waitFor(() => expect(status).toHaveFocus());
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("shows the server's refusal in the dialog and keeps it open", async () => {
    const user = userEvent.setup();
    const message = "合意済の記録の対応策は削除できません。";
    fetchMock.mockResolvedValue(answer(409, { error: { code: "CONFLICT", message } }));
    await user.click(renderButton());
    await user.click(screen.getByRole("button", { name: "削除する" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(screen.getByRole("dialog")).toHaveAttribute("open");
    expect(refresh).not.toHaveBeenCalled();
  });
});
