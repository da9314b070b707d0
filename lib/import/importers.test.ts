// The file-level failures every importer must handle the same way: wrong encodings, oversized,
// empty and header-only files, missing and extra columns, formulas in CSV and .xlsx, quoted
// newlines. Each importer's own rules are tested in its own file.
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "./decode";
import type { TImportFile } from "./read";
import type { TImportResult } from "./result";
import { importRoster } from "./roster";
import { importZones } from "./zones";
import { importPopulation } from "./population";
import { importNdb } from "./ndb";
import { importPaperSubmissions } from "./paper";
import {
  FUKUI,
  FUKUI_CODES,
  FUKUI_MUNICIPALITIES,
  csvFile,
  inst,
  pseudoRandomBytes,
  toCsv,
  encode,
  xlsxFile,
} from "@/tests/fixtures/import/builders";
import { miniClinicDefinition } from "@/tests/factories/questionnaire";

const definition = miniClinicDefinition();
const MUNICIPALITY_CODES = [...FUKUI_MUNICIPALITIES.keys()];
const MUNICIPALITY_NAMES = [...FUKUI_MUNICIPALITIES.values()];

type TCase = {
  name: string;
  header: string[];
  row: (n: number) => string[];
  /** Index of a free-text column where a formula can hide. */
  textColumn: number;
  /** Index of a required column to drop. */
  requiredColumn: number;
  run: (file: TImportFile) => Promise<TImportResult<{ line: number }>>;
};

const CASES: TCase[] = [
  {
    name: "roster",
    header: ["医療機関コード", "名称", "種別", "病床数", "郵便番号", "住所", "市区町村コード", "電話", "担当者メール"],
    row: (n) => [
      inst(n),
      `福井第${n}病院`,
      "病院",
      "120",
      "910-8580",
      "福井県福井市四ツ井2-8-1",
      "182010",
      "0776-54-5151",
      `iryo${n}@example.jp`,
    ],
    textColumn: 1,
    requiredColumn: 6,
    run: (file) => importRoster(file, { prefectureCode: FUKUI, knownMunicipalityCodes: FUKUI_CODES }),
  },
  {
    name: "zones",
    header: ["区分名", "圏域コード", "圏域名", "市区町村コード"],
    row: (n) => ["二次医療圏", `180${n}`, `圏域${n}`, MUNICIPALITY_CODES[n - 1] ?? ""],
    textColumn: 2,
    requiredColumn: 1,
    run: (file) => importZones(file, { prefectureCode: FUKUI, knownMunicipalityCodes: FUKUI_CODES }),
  },
  {
    name: "population",
    header: ["市区町村コード", "市区町村名", "総人口", "65歳以上人口", "75歳以上人口", "出典", "基準年"],
    row: (n) => [
      MUNICIPALITY_CODES[n - 1] ?? "",
      MUNICIPALITY_NAMES[n - 1] ?? "",
      "258000",
      "75000",
      "40000",
      "住民基本台帳（令和7年1月1日）",
      "2025",
    ],
    textColumn: 5,
    requiredColumn: 4,
    run: (file) =>
      importPopulation(file, {
        prefectureCode: FUKUI,
        knownMunicipalityCodes: FUKUI_CODES,
        municipalityNames: FUKUI_MUNICIPALITIES,
      }),
  },
  {
    name: "ndb",
    header: ["医療機関コード", "項目キー", "値"],
    row: (n) => [inst(n), "i_overtime", String(n * 10)],
    textColumn: 1,
    requiredColumn: 2,
    run: (file) => importNdb(file, { prefectureCode: FUKUI, definition }),
  },
  {
    name: "paper submissions",
    header: [
      "医療機関コード",
      "f1_notice:院内掲示",
      "f1_areas:一次診療の対応ができる領域",
      "f1_consult",
      "i_rota",
      "ro_beds",
      "i_note",
    ],
    row: (n) => [inst(n), "はい", "1", "はい", "0", "0", `特記事項${n}`],
    textColumn: 6,
    requiredColumn: 0,
    run: (file) => importPaperSubmissions(file, { prefectureCode: FUKUI, definition }),
  },
];

describe.each(CASES)("$name importer", ({ name, header, row, textColumn, requiredColumn, run }) => {
  const valid = [header, row(1), row(2)];

  describe("happy paths", () => {
    it.each([
      ["UTF-8 with BOM", "utf-8-bom"],
      ["UTF-8 without BOM", "utf-8"],
      ["Shift_JIS", "shift_jis"],
    ] as const)("reads %s and reports the encoding", async (_name, encoding) => {
      const result = await run(csvFile(valid, encoding));
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ ok: true, format: "csv", encoding, stats: { dataRows: 2, validRows: 2 } });
      expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    });

    it("reads .xlsx", async () => {
      const result = await run(await xlsxFile(valid));
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ ok: true, format: "xlsx", encoding: null, sheetName: "Sheet1" });
      expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    });

    it("reads an .xlsx uploaded with a .csv name, and says so", async () => {
      const file = await xlsxFile(valid, undefined, "名簿.csv");
      const result = await run(file);
      expect(result).toMatchObject({ ok: true, format: "xlsx" });
      expect(result.warnings.map((w) => w.code)).toContain("format_mismatch");
    });

    it("reads a CSV uploaded with an .xlsx name, and says so", async () => {
      const result = await run(csvFile(valid, "utf-8-bom", "名簿.xlsx"));
      expect(result).toMatchObject({ ok: true, format: "csv" });
      expect(result.warnings.map((w) => w.code)).toContain("format_mismatch");
    });

    it("keeps line numbers right after a header cell with a line break", async () => {
      const broken = [...header];
      broken[0] = `${header[0]?.slice(0, 2)}\n${header[0]?.slice(2)}`;
      const bad = [...row(2), "はみ出した値"];
      const result = await run(csvFile([broken, row(1), bad]));
      expect(result.rows.map((r) => r.line)).toEqual([3]);
      expect(result.errors).toMatchObject([{ line: 4, code: "extra_cells" }]);
    });

    it("skips blank lines (also Excel's all-comma lines) without shifting line numbers", async () => {
      const text =
        toCsv([header, row(1)]) + "\r\n" + ",".repeat(header.length - 1) + "\r\n" + toCsv([row(2)]) + "\r\n\r\n";
      const result = await run({ name: "x.csv", bytes: encode(text) });
      expect(result.errors).toEqual([]);
      expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
      expect(result.stats.blankLines).toBe(4);
    });
  });

  describe("refusals", () => {
    it.each([
      ["UTF-16LE", encode(toCsv(valid), "utf-16le-bom")],
      ["UTF-16LE without BOM", encode(toCsv(valid), "utf-16le")],
      ["EUC-JP", encode(toCsv(valid), "euc-jp")],
      ["random binary", pseudoRandomBytes(3000)],
    ])("refuses %s", async (_name, bytes) => {
      const result = await run({ name: "data.csv", bytes });
      expect(result.ok).toBe(false);
      expect(result.rows).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ line: null, code: "encoding" });
      expect(result.errors[0]?.message).toContain("UTF-8");
    });

    it("refuses a file over 20 MB before parsing it", async () => {
      const bytes = new Uint8Array(Buffer.alloc(MAX_IMPORT_BYTES + 1, toCsv(valid)));
      const result = await run({ name: "big.csv", bytes });
      expect(result.errors).toEqual([
        {
          line: null,
          code: "file_too_large",
          message:
            "ファイルのサイズ（20.0 MB）が上限（20 MB）を超えています。ファイルを分割するか、不要な列やシートを削除してから読み込んでください。",
        },
      ]);
      expect(result.format).toBeNull();
    });

    it.each([
      ["a 0-byte file", new Uint8Array()],
      ["a BOM only", encode("", "utf-8-bom")],
      ["blank lines only", encode("\r\n\r\n")],
    ])("refuses %s as empty", async (_name, bytes) => {
      const result = await run({ name: "data.csv", bytes });
      expect(result.errors.map((e) => e.code)).toEqual(["file_empty"]);
    });

    it("refuses a header-only file", async () => {
      const result = await run(csvFile([header]));
      expect(result.errors).toEqual([
        { line: 1, code: "no_data", message: "見出し行（1行目）だけで、データの行がありません。" },
      ]);
    });

    it("refuses a header-only .xlsx", async () => {
      const result = await run(await xlsxFile([header]));
      expect(result.errors.map((e) => e.code)).toEqual(["no_data"]);
    });

    it("refuses a missing required column, naming it", async () => {
      const drop = <T>(cells: T[]) => cells.filter((_, i) => i !== requiredColumn);
      const result = await run(csvFile([drop(header), drop(row(1))]));
      expect(result.ok).toBe(false);
      expect(result.rows).toEqual([]);
      expect(result.errors).toMatchObject([
        { line: 1, code: "missing_column", column: header[requiredColumn]?.split(":")[0] },
      ]);
    });

    it("refuses an extra column and reads nothing", async () => {
      const result = await run(
        csvFile([
          [...header, "備考"],
          [...row(1), "メモ"],
          [...row(2), ""],
        ]),
      );
      expect(result.ok).toBe(false);
      expect(result.rows).toEqual([]);
      expect(result.errors).toMatchObject([
        { line: 1, code: "unexpected_column", message: expect.stringContaining("「備考」") },
      ]);
    });

    it("refuses a row shifted by an unquoted comma", async () => {
      const text = toCsv([header, row(1)]) + [...row(2), "はみ出し"].join(",") + "\r\n";
      const result = await run({ name: "x.csv", bytes: encode(text) });
      expect(result.ok).toBe(false);
      expect(result.errors).toMatchObject([{ line: 3, code: "extra_cells" }]);
      expect(result.rows.map((r) => r.line)).toEqual([2]);
    });

    it.each(["- 夜間は連携先で対応", "+α の取組あり", '=HYPERLINK("x")', "@home"])(
      "stores text starting with a formula sign literally, as the web form does: %j",
      async (text) => {
        const stored = row(2);
        stored[textColumn] = text;
        const result = await run(csvFile([header, row(1), stored]));
        expect(result.errors.filter((e) => e.code === "formula")).toEqual([]);
        if (name === "ndb") {
          // The NDB file's text column is the item key: judged as a key, not as a formula.
          expect(result.errors).toMatchObject([{ line: 3, code: "unknown_reference" }]);
        } else {
          expect(result.errors).toEqual([]);
          expect(JSON.stringify(result.rows)).toContain(JSON.stringify(text).slice(1, -1));
        }
      },
    );

    it("refuses a formula cell in .xlsx, naming the cell", async () => {
      const result = await run(
        await xlsxFile([header, row(1), row(2)], (sheet) => {
          sheet.getCell(3, textColumn + 1).value = { formula: 'A2&"x"', result: "x" };
        }),
      );
      expect(result.ok).toBe(false);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ line: 3, code: "formula" });
      expect(result.errors[0]?.message).toMatch(/^セル [A-Z]3 に数式が含まれています。/);
    });

    it("refuses malformed quoting with the line it starts on", async () => {
      const text = toCsv([header, row(1)]) + `"${row(2).join(",")}\r\n`;
      const result = await run({ name: "x.csv", bytes: encode(text) });
      expect(result.errors).toMatchObject([{ line: 3, code: "csv_syntax" }]);
    });

    it("refuses an Excel 97-2003 file", async () => {
      const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
      const result = await run({ name: "名簿.xls", bytes });
      expect(result.errors).toMatchObject([{ code: "unsupported_format", message: expect.stringContaining(".xls") }]);
    });
  });
});
