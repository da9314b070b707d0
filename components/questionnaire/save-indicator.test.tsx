// What the clerk reads while the form saves by itself, in particular when the server was too busy
// to take the save (503 BUSY: nothing written, the hook retries without the clerk doing anything).
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { SaveIndicator } from "./save-indicator";

describe("SaveIndicator", () => {
  it.each([
    [
      { code: "BUSY" as const, message: "ただいま大変混み合っています。" },
      /混み合っているため、まだ保存されていません。数秒後に自動で保存し直します/,
    ],
    [
      { code: "INTERNAL" as const, message: "システムエラー（参照番号: ab12cd34）" },
      /保存できませんでした。自動で再試行します（システムエラー（参照番号: ab12cd34））/,
    ],
  ])("says a failed save (%o) will be retried by itself", (error, expected) => {
    render(<SaveIndicator state={{ kind: "error", error }} />);
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent(expected);
    expect(status).toHaveAttribute("data-state", "error");
  });
});
