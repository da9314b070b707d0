import { describe, expect, it } from "vitest";
import { readTableFile } from "@/lib/import/read";
import { tableToCsvText, tableToFile, unencodableInShiftJis } from "./table-file";

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
