import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name";

const base = {
  what: "回答一覧",
  whatAscii: "submissions",
  cycle: { title: "令和7年度 かかりつけ医機能報告", fiscalYear: 2025 },
  scope: { name: "福井県", ascii: "pref18" },
  date: "2026-12-05",
};

describe("export file names", () => {
  it.each([
    [
      "csv",
      "回答一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05_UTF-8.csv",
      "submissions_FY2025_pref18_2026-12-05_UTF-8.csv",
    ],
    [
      "csv-sjis",
      "回答一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05_Shift_JIS.csv",
      "submissions_FY2025_pref18_2026-12-05_Shift_JIS.csv",
    ],
    [
      "xlsx",
      "回答一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05.xlsx",
      "submissions_FY2025_pref18_2026-12-05.xlsx",
    ],
  ] as const)("names the %s file with cycle, scope, day and encoding", (format, fileName, asciiFileName) => {
    expect(exportFileName({ ...base, format })).toEqual({ fileName, asciiFileName });
  });

  it("gives the UTF-8 and the Shift_JIS copies different names", () => {
    expect(exportFileName({ ...base, format: "csv" }).fileName).not.toBe(
      exportFileName({ ...base, format: "csv-sjis" }).fileName,
    );
  });

  it("removes characters no file system accepts, and keeps the ASCII name ASCII", () => {
    const name = exportFileName({
      ...base,
      what: '表/1:"比較"?',
      whatAscii: "summary zones",
      scope: { name: "福井県_福井・坂井", ascii: "pref18-zone" },
      format: "csv",
    });
    expect(name.fileName).toBe("表_1_比較_令和7年度かかりつけ医機能報告_福井県_福井・坂井_2026-12-05_UTF-8.csv");
    expect(name.asciiFileName).toMatch(/^[\x21-\x7e]+$/);
  });

  it("leaves out the cycle for files of no cycle", () => {
    expect(
      exportFileName({ ...base, what: "監査ログ", whatAscii: "audit-log", cycle: null, format: "xlsx" }).fileName,
    ).toBe("監査ログ_福井県_2026-12-05.xlsx");
  });
});
