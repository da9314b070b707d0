import { describe, expect, it } from "vitest";
import { readXlsx, MAX_XLSX_COLUMNS } from "./xlsx";
import { inspectZip } from "./zip-guard";
import { xlsxBytes, zipBytes } from "@/tests/fixtures/import/builders";

async function read(bytes: Uint8Array, sheetName?: string) {
  const result = await readXlsx(bytes, sheetName === undefined ? {} : { sheetName });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result;
}

describe("readXlsx: values as shown", () => {
  it("reads text, numbers, dates, rich text, hyperlinks and booleans as strings", async () => {
    const bytes = await xlsxBytes(
      [
        ["コード", "数", "日付", "名称", "リンク", "真偽"],
        [
          "0123",
          12,
          new Date(Date.UTC(2025, 3, 1)),
          { richText: [{ text: "福井" }, { text: "市", font: { bold: true } }] },
          { text: "サイト", hyperlink: "https://example.jp" },
          true,
        ],
        ["", 0.1 + 0.2, new Date(Date.UTC(2025, 3, 1, 9, 30)), "  両端に空白  ", "", false],
      ],
      (sheet) => {
        sheet.getCell("C2").numFmt = "yyyy/m/d";
      },
    );
    const { rows } = await read(bytes);
    expect(rows).toEqual([
      { line: 1, cells: ["コード", "数", "日付", "名称", "リンク", "真偽"] },
      { line: 2, cells: ["0123", "12", "2025-04-01", "福井市", "サイト", "TRUE"] },
      { line: 3, cells: ["", "0.3", "2025-04-01 09:30", "  両端に空白  ", "", "FALSE"] },
    ]);
  });

  it("honours zero-padding formats that keep codes readable", async () => {
    const bytes = await xlsxBytes(
      [
        ["医療機関コード", "郵便番号", "市区町村コード"],
        [112345678, 9100001, 11002],
      ],
      (sheet) => {
        sheet.getCell("A2").numFmt = "0000000000";
        sheet.getCell("B2").numFmt = '000"-"0000';
        sheet.getCell("C2").numFmt = "000000";
      },
    );
    expect((await read(bytes)).rows[1]?.cells).toEqual(["0112345678", "910-0001", "011002"]);
  });

  it("uses Excel row numbers as line numbers and skips empty rows", async () => {
    const bytes = await xlsxBytes([], (sheet) => {
      sheet.getCell("A3").value = "見出し";
      sheet.getCell("A7").value = "値";
    });
    expect((await read(bytes)).rows).toEqual([
      { line: 3, cells: ["見出し"] },
      { line: 7, cells: ["値"] },
    ]);
  });

  it("pads sparse rows so columns stay aligned", async () => {
    const bytes = await xlsxBytes([], (sheet) => {
      sheet.getCell("A1").value = "a";
      sheet.getCell("C1").value = "c";
    });
    expect((await read(bytes)).rows[0]?.cells).toEqual(["a", "", "c"]);
  });
});

describe("readXlsx: refusals", () => {
  it("refuses formula cells, naming each cell", async () => {
    const bytes = await xlsxBytes(
      [
        ["医療機関コード", "病床数"],
        ["1810000011", 10],
        ["1810000029", { formula: "B2*2", result: 20 }],
      ],
      (sheet) => {
        sheet.getCell("C12").value = { formula: "SUM(B2:B3)", result: 30 };
      },
    );
    const result = await readXlsx(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        line: 3,
        code: "formula",
        message: "セル B3 に数式が含まれています。数式のセルをコピーし「値として貼り付け」てから保存してください。",
      },
      {
        line: 12,
        code: "formula",
        message: "セル C12 に数式が含まれています。数式のセルをコピーし「値として貼り付け」てから保存してください。",
      },
    ]);
  });

  it("refuses error values and merged cells", async () => {
    const bytes = await xlsxBytes(
      [
        ["区分名", "圏域名"],
        ["二次医療圏", "福井・坂井"],
        ["", ""],
        ["x", { error: "#N/A" }],
      ],
      (sheet) => {
        sheet.mergeCells("B2:B3");
      },
    );
    const result = await readXlsx(bytes);
    if (result.ok) throw new Error("accepted");
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [4, "セル B4 にエラー値（#N/A）が入っています。正しい値を入力してください。"],
      [2, "セル B2:B3 が結合されています。結合を解除し、各行・各列に値を入力してください。"],
    ]);
  });

  it("reads a named sheet, and lists the sheets when the name is wrong", async () => {
    const bytes = await xlsxBytes([["表紙"]], (_sheet, workbook) => {
      workbook.addWorksheet("名簿").addRow(["医療機関コード"]);
    });
    expect((await read(bytes, "名簿")).rows).toEqual([{ line: 1, cells: ["医療機関コード"] }]);
    const missing = await readXlsx(bytes, { sheetName: "人口" });
    expect(missing.ok ? null : missing.errors[0]?.message).toBe(
      "シート「人口」が見つかりません。このファイルのシート: 「Sheet1」、「名簿」",
    );
  });

  it("reads the first sheet of several and says so", async () => {
    const bytes = await xlsxBytes([["a"]], (_sheet, workbook) => {
      workbook.addWorksheet("別シート").addRow(["b"]);
    });
    const result = await read(bytes);
    expect(result.sheetName).toBe("Sheet1");
    expect(result.warnings[0]).toMatchObject({ code: "multiple_sheets" });
    expect(result.warnings[0]?.message).toContain("最初のシート「Sheet1」");
  });

  it("skips a hidden first sheet", async () => {
    const bytes = await xlsxBytes([["隠し"]], (sheet, workbook) => {
      sheet.state = "hidden";
      workbook.addWorksheet("見える").addRow(["a"]);
    });
    expect((await read(bytes)).sheetName).toBe("見える");
  });

  it("refuses a sheet wider than the column limit", async () => {
    const bytes = await xlsxBytes([], (sheet) => {
      sheet.getCell(1, MAX_XLSX_COLUMNS + 1).value = "x";
    });
    const result = await readXlsx(bytes);
    expect(result.ok ? null : result.errors[0]?.message).toMatch(/^列数が多すぎます（上限 1,000 列、セル ALM1）/);
  });

  it("refuses a ZIP that is not a workbook", async () => {
    const result = await readXlsx(zipBytes([{ name: "word/document.xml", data: new TextEncoder().encode("<w/>") }]));
    expect(result.ok ? null : result.errors[0]?.code).toBe("unsupported_format");
  });

  it("refuses a truncated file", async () => {
    const bytes = await xlsxBytes([["a"]]);
    const result = await readXlsx(bytes.subarray(0, bytes.length - 40));
    expect(result.ok ? null : result.errors[0]?.code).toBe("xlsx");
  });
});

describe("inspectZip: zip bombs", () => {
  const big = new Uint8Array(5 * 1024 * 1024); // 5 MB of zeros deflates to ~5 KB

  it("refuses an archive whose declared size exceeds the budget", () => {
    const result = inspectZip(zipBytes([{ name: "xl/workbook.xml", data: big }]), 1024 * 1024);
    expect(result.ok ? null : result.reason).toContain("展開後のデータが大きすぎます（上限 1 MB）");
  });

  it("refuses an archive that lies about its sizes, inflating no more than the budget", () => {
    const result = inspectZip(zipBytes([{ name: "xl/workbook.xml", data: big, declaredSize: 100 }]), 1024 * 1024);
    expect(result.ok ? null : result.reason).toContain("展開後のデータが大きすぎます");
  });

  it("refuses a lie that stays under the budget as corruption", () => {
    const result = inspectZip(zipBytes([{ name: "xl/workbook.xml", data: new Uint8Array(2000), declaredSize: 100 }]));
    expect(result.ok ? null : result.reason).toContain("一致しません");
  });

  it("lists the entries of an honest archive", () => {
    const result = inspectZip(
      zipBytes([
        { name: "a.xml", data: new Uint8Array(10) },
        { name: "b.xml", data: new Uint8Array(20) },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      entries: [
        { name: "a.xml", compressedSize: expect.any(Number), uncompressedSize: 10 },
        { name: "b.xml", compressedSize: expect.any(Number), uncompressedSize: 20 },
      ],
    });
  });
});

describe("readXlsx never throws", () => {
  it("resolves for damaged copies of a workbook", async () => {
    const original = await xlsxBytes([
      ["医療機関コード", "名称"],
      ["1810000011", "福井病院"],
    ]);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let round = 0; round < 60; round++) {
      const damaged = new Uint8Array(original);
      for (let flips = 0; flips < 1 + (round % 5); flips++) damaged[next() % damaged.length] = next() & 0xff;
      const cut = round % 3 === 0 ? damaged.subarray(0, next() % damaged.length) : damaged;
      const result = await readXlsx(cut);
      expect(typeof result.ok).toBe("boolean");
    }
  });
});
