import { describe, expect, it } from "vitest";
import { columnLetter, isFormulaLike, mapTable, neutralizeFormula, normalizeHeader, type TColumnSpec } from "./table";
import { parseCsv } from "./csv";
import { formatIssue, formatIssuesForCli, finalizeIssues, issue } from "./issues";

const COLUMNS: readonly TColumnSpec<"code" | "name" | "note">[] = [
  { key: "code", header: "医療機関コード", required: true },
  { key: "name", header: "名称", aliases: ["医療機関名"], required: true },
  { key: "note", header: "備考", trim: false },
];

function table(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.issue.message);
  return { rows: parsed.rows };
}

const map = (text: string) => mapTable(table(text), COLUMNS);

describe("headers", () => {
  it.each([
    ["医療機関コード", "医療機関コード"],
    [" 医療機関 コード ", "医療機関コード"],
    ["医療機関ｺｰﾄﾞ", "医療機関コード"],
    ["医療機関コード（必須）", "医療機関コード"],
    ["※医療機関コード", "医療機関コード"],
    ["ＴＥＬ", "tel"],
  ])("normalises %j", (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });

  it("maps columns in any order, by variant names, and reports the headers as written", () => {
    const result = map("医療機関名, 医療機関ｺｰﾄﾞ \n福井病院,1810000011\n");
    if (!result.ok) throw new Error("refused");
    expect(result.table.headers).toEqual(
      new Map([
        ["name", "医療機関名"],
        ["code", "医療機関ｺｰﾄﾞ"],
      ]),
    );
    expect(result.table.rows).toEqual([{ line: 2, cells: { code: "1810000011", name: "福井病院", note: "" } }]);
  });

  it("refuses a missing required column, naming it", () => {
    const result = map("医療機関コード\n1810000011\n");
    expect(result.ok ? [] : result.errors).toEqual([
      {
        line: 1,
        column: "名称",
        code: "missing_column",
        message: "必須の列「名称」がありません。見出し行（1行目）の列名を確認してください。",
      },
    ]);
  });

  it("refuses unexpected columns in one message listing them with their letters", () => {
    const result = map("医療機関コード,名称,FAX,備考,担当\n1810000011,A,,,\n");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errors[0]?.message).toBe(
      "取り込めない列があります: 「FAX」（C列）、「担当」（E列）。列名が正しいか、列がずれていないかを確認し、不要な列は削除してください。取り込める列: 医療機関コード、名称、備考",
    );
  });

  it("refuses two columns that mean the same", () => {
    const result = map("医療機関コード,名称,医療機関名\n1,A,B\n");
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(["duplicate_column"]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain(
      "列「名称」（B列）と列「医療機関名」（C列）は、どちらも「名称」の列です",
    );
  });

  it("says when no header is recognised at all (a title row above the header)", () => {
    const result = map("令和7年度 医療機関名簿\n医療機関コード,名称\n");
    expect(result.ok ? [] : result.errors.map((e) => e.message).join("\n")).toContain(
      "知っている列名が1つもありません",
    );
  });

  it("hints at tab-separated files", () => {
    const result = map("医療機関コード\t名称\n1\tA\n");
    expect(result.ok ? "" : result.errors[0]?.message).toMatch(/^区切り文字がタブのようです/);
  });

  it("ignores blank header cells whose column is empty (Excel's trailing commas)", () => {
    const result = map("医療機関コード,名称,,\n1810000011,A,,\n");
    expect(result.ok).toBe(true);
  });
});

describe("empty and header-only files", () => {
  it.each(["", "\n\n", ",,\n,,\n"])("refuses an empty table (%j)", (text) => {
    const result = map(text);
    expect(result.ok ? null : result.errors[0]?.code).toBe("file_empty");
  });

  it.each(["医療機関コード,名称\n", "医療機関コード,名称\r\n,\r\n\r\n"])("refuses a header-only table (%j)", (text) => {
    const result = map(text);
    expect(result.ok ? [] : result.errors).toEqual([
      { line: 1, code: "no_data", message: "見出し行（1行目）だけで、データの行がありません。" },
    ]);
  });

  it("skips blank lines and counts them, keeping line numbers", () => {
    const result = map("\n医療機関コード,名称\n\n1810000011,A\n,\n1810000029,B\n");
    if (!result.ok) throw new Error("refused");
    expect(result.table.headerLine).toBe(2);
    expect(result.table.blankLines).toBe(2);
    expect(result.table.rows.map((r) => r.line)).toEqual([4, 6]);
  });
});

describe("misaligned rows", () => {
  it("refuses a row with values beyond the header (an unquoted comma)", () => {
    const result = map("医療機関コード,名称\n1810000011,福井病院\n1810000029,医療法人A会,B病院\n");
    if (!result.ok) throw new Error("refused");
    expect(result.errors).toEqual([
      {
        line: 3,
        code: "extra_cells",
        message:
          '見出しより右の C列に値「B病院」があります。値にカンマが含まれる場合は "…" で囲んでください。列がずれていないか確認してください。',
      },
    ]);
    expect(result.table.rows.map((r) => r.line)).toEqual([2]);
    expect(result.table.misalignedRows).toBe(1);
  });

  it("reads short rows as blank trailing cells", () => {
    const result = map("医療機関コード,名称,備考\n1810000011,A\n");
    expect(result.ok ? result.table.rows[0]?.cells : null).toEqual({ code: "1810000011", name: "A", note: "" });
  });
});

describe("formula-like values (CSV injection)", () => {
  it.each(["=1+1", "+81-776", "@SUM(A1)", "-cmd", "-2+3+cmd|' /C calc'!A0", ' =HYPERLINK("x")'])(
    "flags %j",
    (value) => {
      expect(isFormulaLike(value)).toBe(true);
    },
  );

  it.each(["-", "-3", "-1.5", "-1,234", "福井=1", "a@b.jp", "", "'=1"])("does not flag %j", (value) => {
    expect(isFormulaLike(value)).toBe(false);
  });

  it.each(["- 夜間は連携先で対応", "+α の取組あり", '=HYPERLINK("http://x")', "@home"])(
    "stores %j literally, as the web form does (exports neutralise it)",
    (value) => {
      const result = map(`医療機関コード,名称\n1810000011,"${value.replace(/"/g, '""')}"\n`);
      if (!result.ok) throw new Error("refused");
      expect(result.errors).toEqual([]);
      expect(result.table.rows[0]?.cells.name).toBe(value);
    },
  );

  it("neutralises for export and reads the neutralised value back unchanged", () => {
    for (const value of ["=1+1", "+81", "@x", "-cmd", "\tx", "普通の値", "-3"]) {
      const exported = neutralizeFormula(value);
      expect(isFormulaLike(exported)).toBe(false);
      const csv = `医療機関コード,名称,備考\n1810000011,A,"${exported.replace(/"/g, '""')}"\n`;
      const result = map(csv);
      expect(result.ok ? result.table.rows[0]?.cells.note : null).toBe(value);
    }
    expect(neutralizeFormula("=1")).toBe("'=1");
    expect(neutralizeFormula("-3")).toBe("-3");
  });

  it("keeps a literal leading apostrophe that is not a neutralised formula", () => {
    const result = map("医療機関コード,名称\n1810000011,'80年代\n");
    expect(result.ok ? result.table.rows[0]?.cells.name : null).toBe("'80年代");
  });
});

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("%i → %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe("issue formatting", () => {
  const issues = [
    issue(12, "invalid", "市区町村コード「18201」の検査数字（6桁目）が正しくありません。", "市区町村コード"),
    issue(null, "encoding", "文字コードを判別できません。"),
    issue(3, "extra_cells", "見出しより右の C列に値があります。"),
  ];

  it("formats one issue for the preview", () => {
    expect(formatIssue(issues[0]!)).toBe(
      "12行目 市区町村コード: 市区町村コード「18201」の検査数字（6桁目）が正しくありません。",
    );
    expect(formatIssue(issues[1]!)).toBe("文字コードを判別できません。");
  });

  it("formats a list for the CLI, one line each", () => {
    expect(formatIssuesForCli(issues)).toBe(
      [
        "12行目 [市区町村コード] 市区町村コード「18201」の検査数字（6桁目）が正しくありません。",
        "ファイル全体 文字コードを判別できません。",
        "3行目 見出しより右の C列に値があります。",
      ].join("\n"),
    );
  });

  it("sorts by line and caps the list, saying how many were left out", () => {
    const many = Array.from({ length: 1005 }, (_, i) => issue(1005 - i, "invalid", "x"));
    const finalized = finalizeIssues(many);
    expect(finalized).toHaveLength(1001);
    expect(finalized[0]?.line).toBe(1);
    expect(finalized.at(-1)).toMatchObject({
      code: "truncated",
      message: expect.stringContaining("ほかに 5 件あります"),
    });
  });
});
