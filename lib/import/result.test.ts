import { describe, expect, it } from "vitest";
import { issue, type TImportIssue } from "./issues";
import { canImportValidRowsOnly, rejectedLineReasons } from "./result";

const row = { line: 2 };

describe("canImportValidRowsOnly", () => {
  it.each<[string, { ok: boolean; rows: unknown[]; errors: TImportIssue[] }, boolean]>([
    ["a valid file (nothing to leave out)", { ok: true, rows: [row], errors: [] }, false],
    [
      "row errors beside valid rows",
      { ok: false, rows: [row], errors: [issue(3, "invalid", "x", "医療機関コード"), issue(4, "duplicate", "y")] },
      true,
    ],
    ["row errors and no valid row", { ok: false, rows: [], errors: [issue(3, "invalid", "x")] }, false],
    ["a missing column", { ok: false, rows: [row], errors: [issue(1, "missing_column", "x")] }, false],
    ["a file-level encoding error", { ok: false, rows: [row], errors: [issue(null, "encoding", "x")] }, false],
    [
      "a capped list of row errors",
      { ok: false, rows: [row], errors: [issue(3, "invalid", "x"), issue(null, "truncated", "ほかに…")] },
      true,
    ],
  ])("%s → %s", (_name, result, expected) => {
    expect(canImportValidRowsOnly(result)).toBe(expected);
  });
});

describe("rejectedLineReasons", () => {
  it("groups the messages per line, naming the column, and skips file-level issues", () => {
    const reasons = rejectedLineReasons([
      issue(3, "invalid", "検証番号が正しくありません。", "医療機関コード"),
      issue(3, "required", "入力してください。", "名称"),
      issue(5, "duplicate", "2行目と重複しています。"),
      issue(null, "truncated", "ほかに 3 件あります。"),
    ]);
    expect([...reasons]).toEqual([
      [3, ["医療機関コード: 検証番号が正しくありません。", "名称: 入力してください。"]],
      [5, ["2行目と重複しています。"]],
    ]);
  });
});
