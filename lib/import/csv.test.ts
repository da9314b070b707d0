import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

function rows(text: string) {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.issue.message);
  return result.rows;
}

describe("parseCsv", () => {
  it("numbers records by the physical line they start on, across quoted newlines and blank lines", () => {
    const text = 'a,b\r\n1,"福井市\r\n大手3丁目"\r\n\r\n2,3\r\n3,"x\ny\nz"\r\n4,5';
    expect(rows(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "福井市\n大手3丁目"] },
      { line: 4, cells: [""] },
      { line: 5, cells: ["2", "3"] },
      { line: 6, cells: ["3", "x\ny\nz"] },
      { line: 9, cells: ["4", "5"] },
    ]);
  });

  it.each([
    ["CRLF", "a,b\r\n1,2\r\n"],
    ["LF", "a,b\n1,2\n"],
    ["CR (old Mac)", "a,b\r1,2\r"],
    ["no final line end", "a,b\n1,2"],
  ])("reads %s line ends the same way", (_name, text) => {
    expect(rows(text)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
    ]);
  });

  it("keeps quoted commas and doubled quotes inside values", () => {
    expect(rows('名称,住所\n"A ""本院""","福井市大手3-17-1, 2階"\n')[1]?.cells).toEqual([
      'A "本院"',
      "福井市大手3-17-1, 2階",
    ]);
  });

  it("returns trailing blank lines as blank records (the table mapping skips them)", () => {
    expect(rows("a\n1\n\n\n").map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it("reports an unclosed quote at the line its record starts on", () => {
    const result = parseCsv('a,b\n1,2\n3,"福井市\n4,5\n5,6\n');
    expect(result).toMatchObject({ ok: false, issue: { line: 3, code: "csv_syntax" } });
    if (!result.ok) expect(result.issue.message).toContain('引用符（"）が閉じられていない');
  });

  it("reports a stray quote inside an unquoted value with its line", () => {
    const result = parseCsv('a,b\n1,2\n3,4\n5,福井"市\n');
    expect(result).toMatchObject({ ok: false, issue: { line: 4, code: "csv_syntax" } });
  });

  it("reports text after a closing quote with its line, after a multi-line record", () => {
    const result = parseCsv('a,b\n1,"x\ny"\n3,"福井"市\n');
    expect(result).toMatchObject({ ok: false, issue: { line: 4, code: "csv_syntax" } });
  });

  // Speed is measured by scripts/bench/roster-import.ts, not here: a timed test fails on a busy machine.
  it("parses 15,000 records with their line numbers", () => {
    const lines = ["医療機関コード,名称,種別,病床数,郵便番号,住所,市区町村コード,電話,担当者メール"];
    for (let i = 0; i < 15_000; i++) {
      lines.push(
        `18100${String(i).padStart(5, "0")},"医療法人 第${i}クリニック",診療所,0,910-0001,"福井市大手3丁目${i}番",182010,0776-20-0000,a${i}@example.jp`,
      );
    }
    const parsed = rows(lines.join("\r\n"));
    expect(parsed).toHaveLength(15_001);
    expect(parsed.at(-1)?.line).toBe(15_001);
  });
});
