// What an officer reads before applying a file: every planned change with the file's line number,
// the counts beyond the capped lists, and the refusal of a file with errors.
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import type { TImportDetails, TImportPreview } from "@/lib/prefecture/import-preview";
import { ImportPreviewView } from "./import-preview-view";

function preview(details: TImportDetails | null, overrides: Partial<TImportPreview> = {}): TImportPreview {
  return {
    ok: true,
    format: "csv",
    encoding: "shift_jis",
    sheetName: null,
    stats: { dataRows: 3, validRows: 3, blankLines: 0, errorCount: 0, warningCount: 0 },
    errors: [],
    warnings: [],
    details,
    ...overrides,
  };
}

/** The table's rows as text, one array of cells per row, header first. */
function rowsOf(caption: string) {
  const table = screen.getByRole("table", { name: caption });
  return within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent));
}

describe("ImportPreviewView", () => {
  it("lists a roster's new, changed and missing institutions with their lines", () => {
    render(
      <ImportPreviewView
        preview={preview({
          kind: "ROSTER",
          presentFields: ["code", "name"],
          creates: [
            { line: 2, code: "1810112345", name: "新町クリニック", kindLabel: "診療所", municipality: "鯖江市" },
          ],
          updates: [
            {
              line: 3,
              code: "1810154321",
              name: "本町医院",
              changes: [{ field: "phone", label: "電話", before: "0778-00-0000", after: "0778-11-1111" }],
            },
          ],
          unchanged: 5,
          missing: [{ code: "1810199999", name: "旧町診療所", municipality: "越前市" }],
          counts: { creates: 1, updates: 1, unchanged: 5, missing: 1 },
        })}
      />,
    );
    expect(rowsOf("新規に追加される医療機関")).toEqual([
      ["行", "医療機関コード", "名称", "種別", "市区町村"],
      ["2", "1810112345", "新町クリニック", "診療所", "鯖江市"],
    ]);
    expect(rowsOf("内容が変わる医療機関")[1]).toEqual([
      "3",
      "1810154321",
      "本町医院",
      "電話: 0778-00-0000 → 0778-11-1111",
    ]);
    expect(rowsOf("ファイルにない医療機関（有効なもの）")).toEqual([
      ["医療機関コード", "名称", "市区町村"],
      ["1810199999", "旧町診療所", "越前市"],
    ]);
    expect(screen.getByTestId("count-unchanged")).toHaveTextContent("5");
  });

  it("says how many rows a capped list leaves out, and shows no table for an empty list", () => {
    render(
      <ImportPreviewView
        preview={preview({
          kind: "PAPER",
          cycleLabel: "令和7年度 かかりつけ医機能報告",
          creates: [],
          updates: [{ line: 4, code: "1810112345", name: "新町クリニック", revision: 3, changedItems: 2 }],
          conflicts: [{ line: 5, code: "1810154321", name: "本町医院", status: "提出済", revision: 1 }],
          unchanged: 0,
          counts: { creates: 0, updates: 1200, conflicts: 1, unchanged: 0 },
        })}
      />,
    );
    expect(screen.queryByRole("table", { name: "新規の報告" })).toBeNull();
    expect(rowsOf("紙の報告の更新")[1]).toEqual(["4", "1810112345", "新町クリニック", "第3版", "2項目"]);
    expect(screen.getByText(/先頭の 1件を表示しています（ほか 1,199件）/)).toBeInTheDocument();
    expect(rowsOf("Web で報告済みの医療機関（上書きには明示的な指定が必要）")[1]).toEqual([
      "5",
      "1810154321",
      "本町医院",
      "提出済（第1版）",
    ]);
  });

  it("refuses a file with errors as a whole and lists each error with its line and column", () => {
    render(
      <ImportPreviewView
        preview={preview(null, {
          ok: false,
          stats: { dataRows: 3, validRows: 2, blankLines: 0, errorCount: 1, warningCount: 0 },
          errors: [{ line: 7, column: "医療機関コード", code: "invalid", message: "検証番号が合いません。" }],
        })}
      />,
    );
    expect(screen.getByText("このファイルは取り込めません（誤り 1件）")).toBeInTheDocument();
    expect(rowsOf("誤り")[1]).toEqual(["7行目", "医療機関コード", "検証番号が合いません。"]);
  });
});
