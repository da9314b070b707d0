import { describe, expect, it } from "vitest";
import { importRoster, type TRosterImportOptions } from "./roster";
import { formatIssuesForCli } from "./issues";
import { parseMunicipalityCode } from "@/lib/domain/codes";
import {
  FUKUI,
  FUKUI_CODES,
  badCheckDigit,
  csvFile,
  dentalCode,
  encode,
  inst,
  toCsv,
  xlsxFile,
} from "@/tests/fixtures/import/builders";

const HEADER = [
  "医療機関コード",
  "名称",
  "種別",
  "病床数",
  "郵便番号",
  "住所",
  "市区町村コード",
  "電話",
  "担当者メール",
];
const options: TRosterImportOptions = { prefectureCode: FUKUI, knownMunicipalityCodes: FUKUI_CODES };

type TRow = Partial<
  Record<"code" | "name" | "kind" | "beds" | "postal" | "address" | "municipality" | "phone" | "email", string>
>;

const row = (n: number, over: TRow = {}) => [
  over.code ?? inst(n),
  over.name ?? `福井第${n}クリニック`,
  over.kind ?? "診療所",
  over.beds ?? "",
  over.postal ?? "910-0001",
  over.address ?? "福井県福井市大手3丁目17-1",
  over.municipality ?? "182010",
  over.phone ?? "0776-20-0000",
  over.email ?? "",
];

const roster = (rows: string[][], opts: TRosterImportOptions = options) =>
  importRoster(csvFile([HEADER, ...rows]), opts);

async function errorsOf(rows: string[][], opts?: TRosterImportOptions) {
  const result = await roster(rows, opts);
  return result.errors.map((e) => ({ line: e.line, column: e.column, code: e.code, message: e.message }));
}

describe("roster: happy path", () => {
  it("normalises every field", async () => {
    const result = await roster([
      [
        "１８１０００００１" + inst(1).slice(9),
        " 福井県立病院 ",
        "病院",
        "１，０００床",
        "〒9108526",
        "福井市四ツ井2-8-1",
        "18201",
        "（0776）54−5151",
        "Iryo@Example.JP",
      ],
      [inst(2), "鯖江クリニック", "無床診療所", "", "", "", "182079", "", ""],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        code: inst(1),
        name: "福井県立病院",
        kind: "HOSPITAL",
        beds: 1000,
        postalCode: "910-8526",
        address: "福井市四ツ井2-8-1",
        municipalityCode: "182010",
        phone: "(0776)54-5151",
        contactEmail: "iryo@example.jp",
        suspendedSince: null,
        suspensionReason: null,
      },
      {
        line: 3,
        code: inst(2),
        name: "鯖江クリニック",
        kind: "CLINIC",
        beds: null,
        postalCode: null,
        address: null,
        municipalityCode: "182079",
        phone: null,
        contactEmail: null,
        suspendedSince: null,
        suspensionReason: null,
      },
    ]);
    expect(result).toMatchObject({
      hospitals: 1,
      clinics: 1,
      presentFields: [
        "code",
        "name",
        "kind",
        "beds",
        "postalCode",
        "address",
        "municipalityCode",
        "phone",
        "contactEmail",
      ],
    });
  });

  it("accepts the minimum columns and says which were present", async () => {
    const result = await importRoster(
      csvFile([
        ["医療機関コード", "医療機関名", "施設種別", "市町村コード"],
        [inst(1), "A医院", "一般診療所", "182028"],
      ]),
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.presentFields).toEqual(["code", "name", "kind", "municipalityCode"]);
  });

  it("reads number cells of an .xlsx (codes typed as numbers)", async () => {
    const result = await importRoster(
      await xlsxFile([HEADER, [Number(inst(1)), "A", "病院", 120, 9100001, "福井市", 182010, "0776-20-0000", ""]]),
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      code: inst(1),
      beds: 120,
      postalCode: "910-0001",
      municipalityCode: "182010",
    });
  });

  it("keeps line numbers right after an address with a line break", async () => {
    const result = await roster([row(1, { address: "福井市大手3丁目17-1\n福井県庁5階" }), row(2, { kind: "歯科" })]);
    expect(result.rows[0]?.address).toBe("福井市大手3丁目17-1\n福井県庁5階");
    expect(result.errors).toMatchObject([{ line: 4, column: "種別" }]);
  });

  // Speed is measured by scripts/bench/roster-import.ts, not here: a timed test fails on a busy machine.
  it("parses and validates a 15,000-row Shift_JIS roster", async () => {
    const rows = [HEADER];
    for (let n = 1; n <= 15_000; n++) rows.push(row(n, { email: `clinic${n}@example.jp`, beds: String(n % 20) }));
    const file = { name: "名簿.csv", bytes: encode(toCsv(rows), "shift_jis") };
    const result = await importRoster(file, options);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(15_000);
    expect(result.rows.at(-1)?.line).toBe(15_001);
    expect(result.encoding).toBe("shift_jis");
  });
});

describe("roster: 医療機関コード", () => {
  it.each<[string, string, string]>([
    ["a wrong check digit", badCheckDigit(inst(1)), "検証番号（末尾の桁）が一致しません"],
    ["a dental code", dentalCode(1), "歯科医療機関は報告の対象外です"],
    ["another prefecture", inst(1, "17"), "都道府県番号（17）が対象の都道府県（18）と一致しません"],
    ["nine digits", inst(1).slice(1), "10桁の数字で入力してください"],
    ["letters", "18100A0011", "10桁の数字で入力してください"],
  ])("refuses %s", async (_name, code, message) => {
    const errors = await errorsOf([row(1), row(2, { code })]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: "医療機関コード", code: "invalid" });
    expect(errors[0]?.message).toContain(message);
  });

  it("refuses a blank code", async () => {
    expect(await errorsOf([row(1, { code: "" })])).toEqual([
      { line: 2, column: "医療機関コード", code: "required", message: "医療機関コードを入力してください。" },
    ]);
  });

  it("reports only the later copies of a duplicate, naming the line they repeat", async () => {
    const dup = inst(7);
    const result = await roster([
      row(1, { code: dup }),
      row(2),
      row(3, { code: dup }),
      row(4),
      row(5, { code: `${dup.slice(0, 4)}－${dup.slice(4)}` }),
    ]);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.line, e.code, e.message])).toEqual([
      [
        4,
        "duplicate",
        `医療機関コード「${dup}」は2行目と重複しています。1つの医療機関は1行にしてください（この行は取り込みません）。`,
      ],
      [
        6,
        "duplicate",
        `医療機関コード「${dup}」は2行目と重複しています。1つの医療機関は1行にしてください（この行は取り込みません）。`,
      ],
    ]);
    // The first occurrence is a valid row: a partial import would take it.
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it("restores the leading 0 Excel drops for prefectures 01–09, with one warning", async () => {
    const sapporo = "011002";
    const code = inst(1, "01");
    const result = await importRoster(
      csvFile([
        HEADER,
        row(1, { code: code.slice(1), municipality: "11002" }),
        row(2, { code: inst(2, "01"), municipality: sapporo }),
      ]),
      { prefectureCode: "01", knownMunicipalityCodes: new Set([sapporo]) },
    );
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ code, municipalityCode: sapporo });
    expect(result.warnings.map((w) => [w.code, w.column])).toEqual([
      ["leading_zero_restored", "医療機関コード"],
      ["leading_zero_restored", "市区町村コード"],
    ]);
    expect(result.warnings[0]?.message).toContain("1件（2行目）");
  });
});

describe("roster: 市区町村コード", () => {
  const ishikawa = parseMunicipalityCode("17201");
  const ono = parseMunicipalityCode("18204");

  it.each<[string, string, string, string]>([
    ["a wrong check digit", "182011", "invalid", "市区町村コード「182011」の検査数字（6桁目）が正しくありません。"],
    ["too few digits", "1820", "invalid", "市区町村コード「1820」は5桁または6桁の数字で入力してください。"],
    [
      "another prefecture",
      ishikawa.ok ? ishikawa.code : "",
      "invalid",
      "市区町村コード「172014」は石川県のコードです。福井県（18）の市区町村コードを入力してください。",
    ],
    [
      "an unknown municipality",
      ono.ok ? ono.code : "",
      "unknown_reference",
      "市区町村コード「182044」（182044）は、登録されている福井県の市区町村にありません。コードの誤りや、合併による変更がないか確認してください。",
    ],
  ])("refuses %s", async (_name, municipality, code, message) => {
    expect(await errorsOf([row(1, { municipality })])).toEqual([{ line: 2, column: "市区町村コード", code, message }]);
  });

  it("formats the CLI report with line and column", async () => {
    const result = await roster([row(1, { municipality: "182011" }), row(2, { postal: "91000" })]);
    expect(formatIssuesForCli(result.errors)).toBe(
      [
        "2行目 [市区町村コード] 市区町村コード「182011」の検査数字（6桁目）が正しくありません。",
        "3行目 [郵便番号] 郵便番号「91000」は7桁の数字で入力してください（例: 910-8580）。",
      ].join("\n"),
    );
  });
});

describe("roster: 種別 and 病床数", () => {
  it.each([
    ["病院", "HOSPITAL"],
    ["診療所", "CLINIC"],
    ["一般診療所", "CLINIC"],
    ["医科診療所", "CLINIC"],
    ["有床診療所", "CLINIC"],
    ["無床診療所", "CLINIC"],
    [" 診 療 所 ", "CLINIC"],
  ])("accepts 種別 %j", async (kind, expected) => {
    const beds = kind.includes("有床") ? "5" : kind === "病院" ? "100" : "0";
    const result = await roster([row(1, { kind, beds })]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.kind).toBe(expected);
  });

  it.each<[string, string]>([
    ["クリニック", "「クリニック」は種別として使えません。「診療所」と入力してください"],
    ["医院", "「医院」は種別として使えません"],
    ["歯科診療所", "歯科医療機関はかかりつけ医機能報告の対象外です"],
    ["助産所", "「病院」または「診療所」で入力してください"],
  ])("refuses 種別 %j", async (kind, message) => {
    const errors = await errorsOf([row(1, { kind })]);
    expect(errors).toMatchObject([{ line: 2, column: "種別", code: "invalid" }]);
    expect(errors[0]?.message).toContain(message);
  });

  it.each<[string, TRow, string]>([
    ["a hospital without beds", { kind: "病院", beds: "" }, "病院は病床数を入力してください。"],
    ["a clinic with 20 beds", { kind: "診療所", beds: "20" }, "診療所の病床数は19床以下です（20床）"],
    ["a 無床診療所 with beds", { kind: "無床診療所", beds: "3" }, "無床診療所ですが病床数が3床です"],
    ["a 有床診療所 without beds", { kind: "有床診療所", beds: "0" }, "有床診療所ですが病床数が0床です"],
    ["negative beds", { kind: "病院", beds: "-5" }, "「-5」は0以上の整数で入力してください"],
    ["decimal beds", { kind: "病院", beds: "12.5" }, "「12.5」は0以上の整数で入力してください"],
  ])("refuses %s", async (_name, over, message) => {
    const errors = await errorsOf([row(1, over)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: "病床数" });
    expect(errors[0]?.message).toContain(message);
  });

  it("warns about a hospital with fewer than 20 beds", async () => {
    const result = await roster([row(1, { kind: "病院", beds: "15" })]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toMatchObject([{ line: 2, column: "病床数", code: "unusual_value" }]);
  });
});

describe("roster: contact fields", () => {
  it.each<[string, TRow, string, string]>([
    [
      "a 6-digit postal code",
      { postal: "910001" },
      "郵便番号",
      "郵便番号「910001」が6桁です。先頭の「0」が欠けていないか確認してください",
    ],
    ["a phone without area code", { phone: "20-0000" }, "電話", "10桁または11桁で入力してください"],
    ["a phone that lost its 0", { phone: "776200000" }, "電話", "「0」で始まっていません"],
    ["a phone with text", { phone: "0776-20-0000 内線12" }, "電話", "数字・ハイフン・かっこ以外の文字"],
    [
      "a malformed e-mail",
      { email: "iryo@example" },
      "担当者メール",
      "メールアドレス「iryo@example」の形式が正しくありません",
    ],
    ["two e-mails", { email: "a@example.jp; b@example.jp" }, "担当者メール", "1件だけ入力してください"],
    [
      "a name over 200 characters",
      { name: "あ".repeat(201) },
      "名称",
      "名称は200文字以内で入力してください（201文字あります）。",
    ],
  ])("refuses %s", async (_name, over, column, message) => {
    const errors = await errorsOf([row(1, over)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column });
    expect(errors[0]?.message).toContain(message);
  });

  it("warns when one e-mail serves several institutions", async () => {
    const result = await roster([row(1, { email: "jimu@example.jp" }), row(2, { email: "JIMU@example.jp" })]);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.line, w.code, w.message])).toEqual([
      [3, "unusual_value", "2行目の医療機関と同じ担当者メールです。意図したものか確認してください。"],
    ]);
  });

  it("reports every problem of a row, not just the first", async () => {
    const errors = await errorsOf([
      row(1, { code: badCheckDigit(inst(1)), kind: "クリニック", postal: "abc", email: "x" }),
    ]);
    expect(errors.map((e) => e.column)).toEqual(["医療機関コード", "種別", "郵便番号", "担当者メール"]);
  });
});

describe("roster: 休院", () => {
  const SUSPENSION_HEADER = [...HEADER, "休院日", "休院理由"];
  const withSuspension = (rows: string[][]) => importRoster(csvFile([SUSPENSION_HEADER, ...rows]), options);

  it("reads a 休院日 with its reason, and leaves the others open", async () => {
    const result = await withSuspension([
      [...row(1), "2027年1月1日", "院長療養のため"],
      [...row(2), "", ""],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.suspendedSince, r.suspensionReason])).toEqual([
      ["2027-01-01", "院長療養のため"],
      [null, null],
    ]);
    expect(result.presentFields).toEqual(expect.arrayContaining(["suspendedSince", "suspensionReason"]));
  });

  it("asks for the reason with a date, the date with a reason, and a real date", async () => {
    const result = await withSuspension([
      [...row(1), "2027/1/1", ""],
      [...row(2), "", "建替え工事"],
      [...row(3), "2027/13/1", "建替え工事"],
    ]);
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "休院理由", "required"],
      [3, "休院日", "required"],
      [4, "休院日", "invalid"],
    ]);
  });

  it("reads the same columns from an .xlsx file", async () => {
    const result = await importRoster(
      await xlsxFile([SUSPENSION_HEADER, [...row(1), "2027-01-01", "休診中"]]),
      options,
    );
    expect(result.rows[0]).toMatchObject({ suspendedSince: "2027-01-01", suspensionReason: "休診中" });
  });
});
