import { describe, expect, it } from "vitest";
import { rejectedFileFormat, rejectedRowsTable } from "./import-rejected";

const raw = {
  rows: [
    { line: 1, cells: ["", ""] },
    { line: 2, cells: ["医療機関コード", "名称"] },
    { line: 3, cells: ["1810000011", "福井病院"] },
    { line: 4, cells: ["1810000012", "検証番号違い"] },
    { line: 5, cells: ["", ""] },
    { line: 6, cells: ["1810000029", "鯖江医院", "はみ出し"] },
    { line: 7, cells: ["1810000037", "越前医院"] },
  ],
};

describe("rejectedRowsTable", () => {
  it("returns every data row that is not valid, with the file's columns, its line and its reasons", () => {
    const table = rejectedRowsTable(
      raw,
      new Set([3, 7]),
      new Map([
        [4, ["医療機関コード: 検証番号が正しくありません。"]],
        [6, ["3列目に値「はみ出し」があります。", "名称: 長すぎます。"]],
      ]),
    );
    expect(table.header).toEqual(["医療機関コード", "名称", "", "元の行", "取り込めなかった理由"]);
    expect(table.rows).toEqual([
      ["1810000012", "検証番号違い", "", "4行目", "医療機関コード: 検証番号が正しくありません。"],
      ["1810000029", "鯖江医院", "はみ出し", "6行目", "3列目に値「はみ出し」があります。 ／ 名称: 長すぎます。"],
    ]);
  });

  it("says so when a line's reasons were cut from the capped list", () => {
    const table = rejectedRowsTable(raw, new Set([3, 4, 6]), new Map());
    expect(table.rows).toEqual([
      ["1810000037", "越前医院", "", "7行目", "誤りがあります（誤りが多いため、理由の一覧には載っていません）。"],
    ]);
  });
});

describe("rejectedFileFormat", () => {
  it.each([
    [{ format: "xlsx", encoding: null }, "xlsx"],
    [{ format: "csv", encoding: "shift_jis" }, "csv-sjis"],
    [{ format: "csv", encoding: "utf-8-bom" }, "csv"],
    [{ format: "csv", encoding: "utf-8" }, "csv"],
  ] as const)("%j → %s", (file, format) => {
    expect(rejectedFileFormat(file)).toBe(format);
  });
});
