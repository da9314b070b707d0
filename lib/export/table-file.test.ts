import { describe, expect, it } from "vitest";
import { readTableFile } from "@/lib/import/read";
import ExcelJS from "exceljs";
import { cellPlainText, dateTimeCell, percentCell } from "./cells";
import { NUMBER_FORMATS, tableToCsvText, tableToFile, tableToXlsx, unencodableInShiftJis } from "./table-file";

const table = {
  header: ["医療機関コード", "名称", "電話"],
  rows: [
    ["1810100015", '=HYPERLINK("http://x")', "0776-12-3456"],
    ["1810100023", "髙橋医院, 本院", null],
    ["1810100031", "改行\nを含む", -3],
  ],
};

describe("table files", () => {
  it("neutralises formulas and quotes what needs quoting", () => {
    const text = tableToCsvText(table);
    expect(text).toContain(`'=HYPERLINK(""http://x"")`);
    expect(text).toContain(`"髙橋医院, 本院"`);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it.each(["csv", "csv-sjis", "xlsx"] as const)(
    "reads back unchanged through the import layer (%s)",
    async (format) => {
      const file = await tableToFile(table, format);
      const read = await readTableFile({ name: `x.${file.extension}`, bytes: file.bytes });
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.table.encoding).toBe(format === "csv" ? "utf-8-bom" : format === "csv-sjis" ? "shift_jis" : null);
      const cells = read.table.rows.map((r) => r.cells);
      expect(cells[0]).toEqual(table.header);
      // The import layer strips the "'" it finds in front of a formula-like value.
      expect(cells[1]?.[1]).toMatch(/HYPERLINK/);
      expect(cells[2]?.[1]).toBe("髙橋医院, 本院");
    },
  );

  it("names characters Shift_JIS cannot hold", () => {
    expect(unencodableInShiftJis("𠮷野家と髙橋")).toEqual(["𠮷"]);
  });
});

describe("typed cells", () => {
  const typed = {
    header: ["名称", "件数", "割合（%）", "提出日時", "未回答"],
    rows: [
      ["福井市", 1234, percentCell(0.1234), dateTimeCell(new Date("2026-01-10T03:05:00Z")), null],
      ["0012", 2.5, percentCell(null), dateTimeCell(null), ""],
    ],
  };

  it.each([
    ["a count", 1234, "1234"],
    ["a decimal", 2.5, "2.5"],
    ["a share", percentCell(0.1234), "12.3"],
    ["an instant (Japan time)", dateTimeCell(new Date("2026-01-10T15:30:00Z")), "2026/01/11 00:30"],
    ["nothing", null, ""],
    ["a text that looks like a number", "0012", "0012"],
  ] as const)("writes %s in CSV as %j", (_name, cell, text) => {
    expect(cellPlainText(cell)).toBe(text);
  });

  it("stores numbers, shares and instants as typed .xlsx cells under a frozen, filtered header", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await tableToXlsx(typed, { sheetName: "集計" })) as never);
    const sheet = workbook.getWorksheet("集計")!;
    const row = sheet.getRow(2);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2)).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 1234,
      numFmt: NUMBER_FORMATS.integer,
    });
    expect(row.getCell(3)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 0.1234, numFmt: "0.0%" });
    expect(row.getCell(4).type).toBe(ExcelJS.ValueType.Date);
    // The wall clock in Japan: 12:05 JST, stored without a zone.
    expect((row.getCell(4).value as Date).toISOString()).toBe("2026-01-10T12:05:00.000Z");
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Null);
    // Text that looks like a number stays text (codes keep their zeros).
    expect(sheet.getRow(3).getCell(1)).toMatchObject({ type: ExcelJS.ValueType.String, value: "0012" });
    expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // The filter covers the header and every row.
    expect(sheet.autoFilter).toBe("A1:E3");
  });

  it("adds further sheets after the first (a code sheet)", async () => {
    const bytes = await tableToXlsx(typed, {
      sheetName: "回答一覧",
      extraSheets: [{ name: "コード表", table: { header: ["コード"], rows: [["p4"]] } }],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["回答一覧", "コード表"]);
  });

  it("reads back from CSV as the plain texts", async () => {
    const file = await tableToFile(typed, "csv");
    const read = await readTableFile({ name: "x.csv", bytes: file.bytes });
    if (!read.ok) throw new Error("unreadable");
    expect(read.table.rows.map((r) => r.cells)[1]).toEqual(["福井市", "1234", "12.3", "2026/01/10 12:05", ""]);
  });
});
