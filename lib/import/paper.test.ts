import { describe, expect, it } from "vitest";
import {
  answersToCsvCells,
  cellToAnswer,
  importPaperSubmissions,
  paperSubmissionHeaders,
  paperSubmissionItems,
  paperSubmissionRow,
  type TPaperImportOptions,
} from "./paper";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { FUKUI, badCheckDigit, csvFile, dentalCode, inst, xlsxFile } from "@/tests/fixtures/import/builders";
import { buildDefinition, section } from "@/tests/factories/questionnaire";

const definition = buildDefinition({
  sections: [
    section("s", [
      {
        key: "rota",
        type: "single",
        label: "在宅当番医制",
        required: true,
        options: [
          { code: "0", label: "無し" },
          { code: "1", label: "有り(月1回未満)" },
          { code: "2", label: "有り(月1回以上)" },
        ],
      },
      {
        key: "areas",
        type: "multi",
        label: "対応できる領域",
        options: [
          { code: "0", label: "該当無し", exclusive: true },
          { code: "1", label: "皮膚・形成外科領域" },
          { code: "9", label: "循環器系領域" },
        ],
      },
      {
        key: "notice",
        type: "yesno",
        label: "院内掲示",
        required: true,
        yesLabel: "掲示している",
        noLabel: "掲示していない",
      },
      { key: "count", type: "integer", label: "算定回数", max: 100_000 },
      { key: "fte", type: "decimal", decimals: 1, label: "常勤換算医師数" },
      { key: "note", type: "text", label: "特記事項", maxLength: 50, multiline: true },
      { key: "since", type: "date", label: "開始日" },
      {
        key: "partners",
        type: "partners",
        label: "連携医療機関",
        max: 3,
        visibleWhen: { key: "rota", in: ["1", "2"] },
      },
      { key: "pdca", type: "group", label: "課題と対応策", fields: [{ key: "issue", type: "text", label: "課題" }] },
    ]),
  ],
});

const options: TPaperImportOptions = { prefectureCode: FUKUI, definition };
const HEADER = [
  "医療機関コード",
  "医療機関名",
  "rota:在宅当番医制",
  "areas",
  "notice",
  "count",
  "fte",
  "note",
  "since",
  "partners",
];
type TCells = Partial<Record<"rota" | "areas" | "notice" | "count" | "fte" | "note" | "since" | "partners", string>>;
const row = (n: number, cells: TCells = {}) => [
  inst(n),
  `第${n}診療所`,
  cells.rota ?? "2",
  cells.areas ?? "1;9",
  cells.notice ?? "はい",
  cells.count ?? "12",
  cells.fte ?? "1.5",
  cells.note ?? "",
  cells.since ?? "",
  cells.partners ?? "",
];
const paper = (rows: string[][], opts: TPaperImportOptions = options, header = HEADER) =>
  importPaperSubmissions(csvFile([header, ...rows]), opts);

const item = (key: string) => {
  const found = paperSubmissionItems(definition).find((i) => i.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe("cellToAnswer", () => {
  it.each<[string, string, unknown]>([
    ["rota", "2", "2"],
    ["rota", "２", "2"],
    ["rota", "有り(月1回未満)", "1"],
    ["areas", "1;9", ["1", "9"]],
    ["areas", "9、1", ["9", "1"]],
    ["areas", "1,9", ["1", "9"]],
    ["areas", "１；９", ["1", "9"]],
    ["areas", "1; 9;", ["1", "9"]],
    ["notice", "はい", true],
    ["notice", "いいえ", false],
    ["notice", "1", true],
    ["notice", "0", false],
    ["notice", "有", true],
    ["notice", "無", false],
    ["notice", "TRUE", true],
    ["notice", "掲示していない", false],
    ["count", "1,234", 1234],
    ["count", "１２３４", 1234],
    ["count", "-3", -3],
    ["fte", "1.5", 1.5],
    ["note", "  そのまま\n改行も ", "  そのまま\n改行も "],
    ["since", "2025/4/1", "2025-04-01"],
    ["since", "2025-04-01", "2025-04-01"],
    ["since", "2025年4月1日", "2025-04-01"],
    [
      "partners",
      `${inst(3)}:福井病院|鯖江クリニック`,
      [{ code: inst(3), name: "福井病院" }, { name: "鯖江クリニック" }],
    ],
    ["partners", `${inst(3)}：福井病院 ｜ :A:B医院`, [{ code: inst(3), name: "福井病院" }, { name: "A:B医院" }]],
    ["count", "", undefined],
    ["note", "   ", undefined],
  ])("%s %j → %j", (key, raw, expected) => {
    expect(cellToAnswer(item(key), raw)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, string]>([
    [
      "rota",
      "3",
      "「3」は選択肢にありません。選択肢のコードで入力してください（0=無し、1=有り(月1回未満)、2=有り(月1回以上)）。",
    ],
    [
      "areas",
      "1;5",
      "「5」は選択肢にありません。選択肢のコードを「;」で区切って入力してください（0=該当無し、1=皮膚・形成外科領域、9=循環器系領域）。",
    ],
    ["areas", "1;1", "選択肢「1」が重複しています。"],
    ["notice", "たぶん", "「たぶん」は「はい」または「いいえ」で入力してください（1/0、有/無 も使えます）。"],
    ["count", "十二", "「十二」は数値ではありません。数字で入力してください（例: 12 または 1,234.5）。"],
    ["since", "R7.4.1", "日付「R7.4.1」は西暦で入力してください（例: 2025-04-01 または 2025/4/1）。"],
    ["since", "2025/2/30", "日付「2025/2/30」は存在しない日付です。"],
    ["partners", "123:A病院", "1件目: 医療機関コード「123」は10桁の数字で入力してください。"],
  ])("refuses %s %j", (key, raw, message) => {
    expect(cellToAnswer(item(key), raw)).toEqual({ ok: false, message });
  });
});

describe("paper submissions", () => {
  it("converts a row to typed answers and validates it like a web submission", async () => {
    const result = await paper([
      row(1, { note: "特記事項です", since: "2025/4/1", partners: `${inst(3)}:福井病院|鯖江クリニック` }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        institutionCode: inst(1),
        answers: {
          rota: "2",
          areas: ["1", "9"],
          notice: true,
          count: 12,
          fte: 1.5,
          note: "特記事項です",
          since: "2025-04-01",
          partners: [{ code: inst(3), name: "福井病院" }, { name: "鯖江クリニック" }],
        },
      },
    ]);
    expect(result.presentItemKeys).toEqual(["rota", "areas", "notice", "count", "fte", "note", "since", "partners"]);
  });

  it("accepts a subset of item columns", async () => {
    const result = await paper([[inst(1), "0", "はい"]], options, [
      "医療機関コード",
      "rota",
      "notice:院内掲示（ラベルは自由）",
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.answers).toEqual({ rota: "0", notice: true });
  });

  it("refuses a group item column with a clear message", async () => {
    const result = await paper([[...row(1), ""]], options, [...HEADER, "pdca:課題と対応策"]);
    expect(result.errors).toEqual([
      {
        line: 1,
        column: "pdca:課題と対応策",
        code: "unexpected_column",
        message:
          "列「pdca:課題と対応策」: 「課題と対応策」は表形式（複数行）の項目のため、CSV では取り込めません。この列を削除し、画面から入力してください。",
      },
    ]);
  });

  it("refuses an item key the definition does not have", async () => {
    const result = await paper([[...row(1), "1"]], options, [...HEADER, "nosuch:存在しない項目"]);
    expect(result.errors).toMatchObject([
      { line: 1, code: "unexpected_column", message: expect.stringContaining("「nosuch:存在しない項目」（K列）") },
    ]);
  });

  it.each<[string, TCells, string, string]>([
    ["a missing required answer", { notice: "" }, "notice", "この項目は必須です。"],
    ["a count over the maximum", { count: "100001" }, "count", "0以上100,000以下で入力してください。"],
    ["a fractional count", { count: "1.5" }, "count", "整数で入力してください。"],
    ["too many decimals", { fte: "1.25" }, "fte", "小数点以下1桁までで入力してください。"],
    ["too long a text", { note: "あ".repeat(51) }, "note", "50文字以内で入力してください。"],
    ["該当無し with another choice", { areas: "0;1" }, "areas", "「該当無し」と他の選択肢は同時に選べません。"],
    ["too many partners", { partners: "A|B|C|D" }, "partners", "連携医療機関は最大3件までです。"],
    [
      "a partner without a name",
      { partners: `B病院|${inst(3)}:` },
      "partners",
      "2件目: 医療機関名を入力してください。",
    ],
    ["the same partner twice", { partners: "A病院|A病院" }, "partners", "同じ医療機関が重複しています。"],
    ["a dental partner", { partners: `${dentalCode(4)}:A歯科` }, "partners", "歯科医療機関は報告の対象外です"],
  ])("maps validation of %s to line and column", async (_name, cells, column, message) => {
    const result = await paper([row(1), row(2, cells)]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 3, column, message: expect.stringContaining(message) });
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it("reports a conversion error once, without a second 必須 message for the same cell", async () => {
    const result = await paper([row(1, { notice: "たぶん" })]);
    expect(result.errors.map((e) => e.column)).toEqual(["notice"]);
  });

  it("drops answers to items hidden by other answers, with a warning", async () => {
    const result = await paper([row(1, { rota: "0", partners: "A病院" })]);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.answers).not.toHaveProperty("partners");
    expect(result.warnings).toMatchObject([{ line: 2, column: "partners", code: "hidden_answer" }]);
  });

  it.each<[string, string, string]>([
    ["a wrong check digit", badCheckDigit(inst(1)), "検証番号"],
    ["a dental code", dentalCode(1), "歯科"],
    ["another prefecture", inst(1, "17"), "都道府県番号（17）"],
  ])("refuses 医療機関コード with %s", async (_name, code, message) => {
    const bad = row(1);
    bad[0] = code;
    const result = await paper([bad]);
    expect(result.errors).toMatchObject([
      { line: 2, column: "医療機関コード", message: expect.stringContaining(message) },
    ]);
  });

  it("refuses an institution not on the roster", async () => {
    const result = await paper([row(1), row(2)], { ...options, knownInstitutionCodes: new Set([inst(1)]) });
    expect(result.errors).toMatchObject([{ line: 3, code: "unknown_reference", column: "医療機関コード" }]);
  });

  it("reports only the later copy of a duplicated institution, naming the line it repeats", async () => {
    const result = await paper([row(1), row(2), row(1)]);
    expect(result.errors.map((e) => [e.line, e.code, e.message])).toEqual([
      [
        4,
        "duplicate",
        `医療機関コード「${inst(1)}」の報告は2行目と重複しています。1つの医療機関は1行にしてください（この行は取り込みません）。`,
      ],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
  });
});

describe("export → import round trip", () => {
  const answers: TAnswers[] = [
    {
      rota: "2",
      areas: ["9", "1"],
      notice: false,
      count: 1234567 % 100_000,
      fte: 0.5,
      note: ' =SUM(A1) で始まる, カンマと\n改行と "引用符" を含む ',
      since: "2024-02-29",
      partners: [{ code: inst(5), name: "福井:本院" }, { name: "A:B医院" }, { name: "鯖江クリニック" }],
    },
    { rota: "0", notice: true, areas: ["0"], note: "-特になし" },
    { rota: "1", notice: true, count: 0, partners: [] },
  ];

  const exported = () => [
    paperSubmissionHeaders(definition),
    ...answers.map((a, i) => paperSubmissionRow(definition, { code: inst(i + 1), name: `第${i + 1}診療所` }, a)),
  ];

  const expected = answers.map((a) =>
    Object.fromEntries(Object.entries(a).filter(([, v]) => !(Array.isArray(v) && v.length === 0))),
  );

  it("exports headers as key:label without group items", () => {
    expect(paperSubmissionHeaders(definition)).toEqual([
      "医療機関コード",
      "医療機関名",
      "rota:在宅当番医制",
      "areas:対応できる領域",
      "notice:院内掲示",
      "count:算定回数",
      "fte:常勤換算医師数",
      "note:特記事項",
      "since:開始日",
      "partners:連携医療機関",
    ]);
    expect(answersToCsvCells(definition, answers[0]!)).toMatchObject({
      areas: "9;1",
      notice: "いいえ",
      partners: `${inst(5)}:福井:本院|:A:B医院|鯖江クリニック`,
    });
  });

  it("is lossless through CSV (Shift_JIS)", async () => {
    const result = await importPaperSubmissions(csvFile(exported(), "shift_jis"), options);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.answers)).toEqual(expected);
  });

  it("is lossless through .xlsx", async () => {
    const result = await importPaperSubmissions(await xlsxFile(exported()), options);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.answers)).toEqual(expected);
  });
});
