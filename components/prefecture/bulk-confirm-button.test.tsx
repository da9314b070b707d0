// 一括確認: before the click the officer reads how many flagged reports are left out, named by every
// kind of flag (outliers, 照会, unexplained warnings, 前年比大 — from lib/prefecture/review-flags.ts),
// and after it how many were confirmed and why the others were left out.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { NO_FLAGS, reviewFlagKindsFor, type TBulkConfirmResult } from "@/lib/prefecture/review-flags";
import { BulkConfirmButton } from "./bulk-confirm-button";

const { refresh } = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const fetchMock = vi.fn();
const confirmMock = vi.fn();
beforeEach(() => {
  refresh.mockReset();
  fetchMock.mockReset();
  confirmMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("confirm", confirmMock);
});

const answer = (status: number, payload: unknown) => ({ ok: status < 400, status, json: async () => payload });

describe("BulkConfirmButton", () => {
  it("says before the click which flags keep reports out, every kind named", () => {
    render(<BulkConfirmButton cycleId="c1" filter={{}} submittedCount={10} flaggedCount={1234} />);
    expect(screen.getByTestId("bulk-flagged-count")).toHaveTextContent(
      "目印（外れ値・照会・説明未記入の注意・前年比大）のある提出済の報告 1,234件は、一括確認の対象外です（1件ずつ確認してください）。",
    );
  });

  it("names no outliers for a hub self-assessment, and says nothing when no report is flagged", () => {
    const { unmount } = render(
      <BulkConfirmButton
        cycleId="c1"
        filter={{}}
        submittedCount={4}
        flaggedCount={2}
        kinds={reviewFlagKindsFor(false)}
      />,
    );
    expect(screen.getByTestId("bulk-flagged-count")).toHaveTextContent(
      "目印（照会・説明未記入の注意・前年比大）のある提出済の報告 2件",
    );
    unmount();
    render(<BulkConfirmButton cycleId="c1" filter={{}} submittedCount={4} />);
    expect(screen.queryByTestId("bulk-flagged-count")).toBeNull();
  });

  it("asks with the same words, then says how many were confirmed and why the others were left out", async () => {
    const user = userEvent.setup();
    const result: TBulkConfirmResult = {
      confirmed: 5,
      notSubmitted: 2,
      flagged: { ...NO_FLAGS, outlier: 1, "warning-unexplained": 2, "big-change": 1 },
      flaggedReports: 3,
    };
    confirmMock.mockReturnValue(true);
    fetchMock.mockResolvedValue(answer(200, result));
    render(<BulkConfirmButton cycleId="c1" filter={{ zone: "z1" }} submittedCount={8} flaggedCount={3} />);
    await user.click(screen.getByRole("button", { name: "この条件の提出済 8件をまとめて確認済みにする" }));
    expect(confirmMock).toHaveBeenCalledWith(
      "この条件に当てはまる提出済の報告 8件をまとめて確認済みにします。目印（外れ値・照会・説明未記入の注意・前年比大）のある 3件は対象外です。よろしいですか？",
    );
    expect(fetchMock).toHaveBeenCalledWith(
      "/api/v1/prefecture/cycles/c1/bulk-confirm",
      expect.objectContaining({ method: "POST", body: JSON.stringify({ filter: { zone: "z1" } }) }),
    );
    expect(await screen.findByTestId("bulk-confirm-result")).toHaveTextContent(
      "5件を確認済みにしました。目印のある 3件は対象外としました（外れ値あり 1件・注意あり・説明未記入 2件・前年比大 1件）。提出済でない 2件はそのままです。",
    );
  });

  it("sends nothing when the officer cancels", async () => {
    const user = userEvent.setup();
    confirmMock.mockReturnValue(false);
    render(<BulkConfirmButton cycleId="c1" filter={{}} submittedCount={8} flaggedCount={3} />);
    await user.click(screen.getByRole("button", { name: "この条件の提出済 8件をまとめて確認済みにする" }));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
