// The two imports that belong to a cycle, on a real database: NDB プレプリント値 (upserted per
// institution and item) and 紙で届いた報告 (validated exactly as a web submission, stored as a
// PAPER revision, never silently replacing a web report), plus the export that re-imports.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyImportJob, checkImport, createImportPreview, runImportJob } from "@/lib/services/import-jobs";
import { getImportJob } from "@/lib/data/import-jobs";
import { listExportRespondents } from "@/lib/data/review";
import { findCycle } from "@/lib/data/cycles";
import { getDefinition } from "@/lib/data/questionnaires";
import { submissionsExportTable } from "@/lib/prefecture/exports";
import { tableToFile } from "@/lib/export/table-file";
import type { TNdbPreview, TPaperPreview } from "@/lib/prefecture/import-preview";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { csvFile, inst, textFile, xlsxFile } from "@/tests/fixtures/import/builders";
import { dataFingerprint, importFile } from "@/tests/support/prefecture-ops";
import { startAmendment, submitReport } from "@/lib/services/respondent-reports";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";

let world: TWorld;
const NDB_HEADER = ["医療機関コード", "項目キー", "値"];
const PAPER_HEADER = [
  "医療機関コード",
  "医療機関名",
  "f1_notice:院内掲示",
  "f1_areas",
  "f1_consult",
  "i_rota",
  "i_overtime",
  "ro_beds",
];
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
const cycleId = () => world.cycles.fukuiClinicCycle.id;

beforeAll(async () => {
  world = await buildWorld();
});

describe("NDB プレプリント値", () => {
  it("creates, then updates only what changed; institutions not on the roster are left out with a warning", async () => {
    const { sabaeClinic, fukuiClinic } = world.institutions;
    const first = await importFile(
      world.viewers.fukuiPrefecture,
      "NDB",
      csvFile([
        NDB_HEADER,
        [sabaeClinic.code, "i_overtime", "12"],
        [fukuiClinic.code, "i_overtime", "1,234"],
        [inst(990001), "i_overtime", "5"],
      ]),
      {},
      cycleId(),
    );
    expect((first.preview.details as TNdbPreview).counts).toMatchObject({ creates: 2, updates: 0, skipped: 1 });
    expect(first.preview.warnings.map((w) => w.message).join()).toMatch(/名簿にない医療機関の行 1件（4行目）/);
    expect(first.job.result).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(
      await db.ndbPrefill.findUnique({
        where: {
          cycleId_institutionId_itemKey: { cycleId: cycleId(), institutionId: fukuiClinic.id, itemKey: "i_overtime" },
        },
      }),
    ).toMatchObject({ value: 1234 });

    const second = await importFile(
      world.viewers.fukuiPrefecture,
      "NDB",
      csvFile([NDB_HEADER, [sabaeClinic.code, "i_overtime", "13"], [fukuiClinic.code, "i_overtime", "1234"]]),
      {},
      cycleId(),
    );
    expect((second.preview.details as TNdbPreview).updates).toEqual([
      { line: 2, code: sabaeClinic.code, name: sabaeClinic.name, itemKey: "i_overtime", before: 12, after: 13 },
    ]);
    expect(second.job.result).toEqual({ created: 0, updated: 1, unchanged: 1, skipped: 0 });
    expect(
      await db.auditEvent.findFirst({ where: { action: "ndb.import", entityId: cycleId() }, orderBy: { id: "desc" } }),
    ).toMatchObject({
      after: expect.objectContaining({ created: 0, updated: 1, fileSha256: expect.any(String) }),
    });
  });

  it.each([
    [
      "an unknown item key",
      [(world) => [world.institutions.sabaeClinic.code, "no_such_item", "1"]],
      /項目キー「no_such_item」はこの様式にありません/,
    ],
    [
      "an item that is not pre-printed",
      [(world) => [world.institutions.sabaeClinic.code, "i_rota", "1"]],
      /NDB プレプリントの項目ではない/,
    ],
    ["a negative value", [(world) => [world.institutions.sabaeClinic.code, "i_overtime", "-1"]], /0以上の整数/],
    [
      "a duplicate",
      [
        (world) => [world.institutions.sabaeClinic.code, "i_overtime", "1"],
        (world) => [world.institutions.sabaeClinic.code, "i_overtime", "2"],
      ],
      /重複しています/,
    ],
    ["another prefecture's code", [() => [inst(990002, "17"), "i_overtime", "1"]], /都道府県番号（17）/],
  ] as [string, ((w: TWorld) => string[])[], RegExp][])(
    "refuses %s and writes nothing",
    async (_label, rows, message) => {
      const before = await dataFingerprint();
      const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
        kind: "NDB",
        cycleId: cycleId(),
        file: csvFile([NDB_HEADER, ...rows.map((r) => r(world))]),
      });
      expect(preview.ok).toBe(false);
      expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
      expect(await dataFingerprint()).toEqual(before);
    },
  );

  it("belongs to a clinic-report cycle of the officer's own prefecture", async () => {
    const file = csvFile([NDB_HEADER, [world.institutions.sabaeClinic.code, "i_overtime", "1"]]);
    expect(
      await errorOf(
        createImportPreview(world.viewers.fukuiPrefecture, {
          kind: "NDB",
          cycleId: world.cycles.fukuiHubCycle.id,
          file,
        }),
      ),
    ).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("かかりつけ医機能報告のサイクルにだけ"),
    });
    expect(
      await errorOf(createImportPreview(world.viewers.ishikawaPrefecture, { kind: "NDB", cycleId: cycleId(), file })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await errorOf(createImportPreview(world.viewers.fukuiPrefecture, { kind: "NDB", file }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(
      await errorOf(createImportPreview(world.viewers.tannanCouncil, { kind: "NDB", cycleId: cycleId(), file })),
    ).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("紙で届いた報告", () => {
  const row = (code: string, overrides: Partial<Record<"rota" | "beds" | "notice", string>> = {}) => [
    code,
    "（読まれない）",
    overrides.notice ?? "はい",
    "1;9",
    "はい",
    overrides.rota ?? "2",
    "0",
    overrides.beds ?? "0",
  ];

  it("validates each row exactly like a web submission, with line numbers, and writes nothing when one is wrong", async () => {
    const before = await dataFingerprint();
    const file = csvFile([
      PAPER_HEADER,
      row(world.institutions.tsurugaClinic.code),
      row(world.institutions.echizenHospital.code, { rota: "" }),
      row(world.institutions.sabaeClinic.code, { beds: "7" }),
    ]);
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
      kind: "PAPER",
      cycleId: cycleId(),
      file,
    });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, "i_rota", "required"],
      [4, "ro_beds", "invalid"],
    ]);
    expect(await dataFingerprint()).toEqual(before);
  });

  it("stores a new report as revision 1 with channel PAPER and its derived status", async () => {
    const { job, preview } = await importFile(
      world.viewers.fukuiPrefecture,
      "PAPER",
      csvFile([PAPER_HEADER, row(world.institutions.tsurugaClinic.code)]),
      {},
      cycleId(),
    );
    expect((preview.details as TPaperPreview).counts).toEqual({ creates: 1, updates: 0, conflicts: 0, unchanged: 0 });
    expect(job.result).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const submission = await db.submission.findFirstOrThrow({
      where: { cycleId: cycleId(), institutionId: world.institutions.tsurugaClinic.id },
      include: { revisions: true },
    });
    expect(submission).toMatchObject({
      status: "SUBMITTED",
      revision: 1,
      answers: { f1_notice: true, f1_areas: ["1", "9"], i_rota: "2", ro_beds: "0", i_overtime: 0 },
    });
    expect(submission.revisions).toEqual([
      expect.objectContaining({ revision: 1, channel: "PAPER", submittedById: world.users.fukuiPrefecture.id }),
    ]);
    expect((submission.derived as { functions: Record<string, { has: boolean }> }).functions.f1!.has).toBe(true);
    expect(
      await db.auditEvent.findFirst({ where: { entityId: submission.id, action: "submission.paper_submit" } }),
    ).toMatchObject({ after: { status: "SUBMITTED", revision: 1, channel: "PAPER" } });
  });

  it("re-importing the same file changes nothing; a corrected paper report becomes the next revision", async () => {
    const same = await importFile(
      world.viewers.fukuiPrefecture,
      "PAPER",
      csvFile([PAPER_HEADER, row(world.institutions.tsurugaClinic.code)]),
      {},
      cycleId(),
    );
    expect(same.job.result).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const corrected = await importFile(
      world.viewers.fukuiPrefecture,
      "PAPER",
      csvFile([PAPER_HEADER, row(world.institutions.tsurugaClinic.code, { rota: "3" })]),
      {},
      cycleId(),
    );
    expect(corrected.job.result).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const revisions = await db.submissionRevision.findMany({
      where: { submission: { institutionId: world.institutions.tsurugaClinic.id, cycleId: cycleId() } },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => [r.revision, r.channel, (r.answers as { i_rota: string }).i_rota])).toEqual([
      [1, "PAPER", "2"],
      [2, "PAPER", "3"],
    ]);
  });

  it("never silently overwrites a report submitted on the web: refused unless explicitly asked", async () => {
    const code = world.institutions.fukuiClinic.code; // submitted on the web in the world
    const file = csvFile([PAPER_HEADER, row(code, { rota: "3", beds: "4" })]);
    const before = await dataFingerprint();
    const { jobId, preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
      kind: "PAPER",
      cycleId: cycleId(),
      file,
    });
    expect((preview.details as TPaperPreview).conflicts).toEqual([
      { line: 2, code, name: world.institutions.fukuiClinic.name, status: "提出済", revision: 1 },
    ]);
    expect(await errorOf(applyImportJob(world.viewers.fukuiPrefecture, jobId, {}))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Web で報告済みの医療機関が 1件あります: 2行目"),
    });
    expect(await dataFingerprint()).toEqual(before);

    await applyImportJob(world.viewers.fukuiPrefecture, jobId, { overwriteWeb: true });
    await runImportJob(jobId);
    expect((await getImportJob(world.viewers.fukuiPrefecture, jobId)).result).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    const revisions = await db.submissionRevision.findMany({
      where: { submissionId: world.submissions.fukuiSubmission.id },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => [r.revision, r.channel])).toEqual([
      [1, "WEB"],
      [2, "PAPER"],
    ]);
    expect(
      await db.auditEvent.findFirst({
        where: { entityId: world.submissions.fukuiSubmission.id, action: "submission.paper_submit" },
      }),
    ).toMatchObject({
      summary: expect.stringContaining("Web の報告を上書き"),
    });
  });

  it("stores text that starts with a formula sign the same on paper and on the web, and exports it neutralised", async () => {
    const note = "- 夜間は連携先で対応";
    const answers = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0", i_note: note };
    const clinic = world.viewers.sabaeClinic;
    const { draftVersion } = await startAmendment(clinic, cycleId());
    await submitReport(clinic, cycleId(), { draftVersion, answers });

    const paper = await importFile(
      world.viewers.fukuiPrefecture,
      "PAPER",
      csvFile([
        [...PAPER_HEADER, "i_note"],
        [world.institutions.tsurugaClinic.code, "", "はい", "1;9", "はい", "2", "0", "0", note],
      ]),
      {},
      cycleId(),
    );
    expect(paper.preview.errors).toEqual([]);
    const stored = await db.submission.findMany({
      where: {
        cycleId: cycleId(),
        institutionId: { in: [world.institutions.sabaeClinic.id, world.institutions.tsurugaClinic.id] },
      },
      select: { answers: true },
    });
    expect(stored.map((s) => (s.answers as { i_note?: string }).i_note)).toEqual([note, note]);

    const cycle = await findCycle(world.viewers.fukuiPrefecture, cycleId());
    const table = submissionsExportTable(
      await getDefinition(cycle.questionnaireVersionId),
      await listExportRespondents(world.viewers.fukuiPrefecture, cycle),
      "institution",
    );
    const csv = new TextDecoder().decode((await tableToFile(table, "csv")).bytes);
    expect(csv.split(`'${note}`)).toHaveLength(3);
    expect(csv).not.toMatch(new RegExp(`[,"]${note}`));
  });

  it("exports one row per respondent that re-imports as unchanged", async () => {
    const cycle = await findCycle(world.viewers.fukuiPrefecture, cycleId());
    const table = submissionsExportTable(
      await getDefinition(cycle.questionnaireVersionId),
      await listExportRespondents(world.viewers.fukuiPrefecture, cycle),
      "institution",
    );
    expect(table.rows).toHaveLength(4);
    for (const format of ["csv", "xlsx"] as const) {
      const file = await tableToFile(table, format);
      const before = await dataFingerprint();
      const preview = await checkImport(world.viewers.fukuiPrefecture, {
        kind: "PAPER",
        cycleId: cycleId(),
        file: { name: `export.${file.extension}`, bytes: file.bytes },
      });
      expect(preview.errors).toEqual([]);
      // 越前 has only a draft: its row carries no answers and is left out with a warning.
      expect(preview.warnings.map((w) => w.message).join()).toMatch(/回答が1つもない行 1件/);
      expect((preview.details as TPaperPreview).counts).toEqual({ creates: 0, updates: 0, conflicts: 0, unchanged: 3 });
      expect(await dataFingerprint()).toEqual(before);
    }
  });

  it("refuses the hub self-assessment and other prefectures", async () => {
    const file = csvFile([PAPER_HEADER, row(world.institutions.sabaeClinic.code)]);
    expect(
      await errorOf(
        createImportPreview(world.viewers.fukuiPrefecture, {
          kind: "PAPER",
          cycleId: world.cycles.fukuiHubCycle.id,
          file,
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await errorOf(createImportPreview(world.viewers.ishikawaPrefecture, { kind: "PAPER", cycleId: cycleId(), file })),
    ).toMatchObject({ code: "NOT_FOUND" });
    for (const key of ["sabaeClinic", "tannanHub", "tannanCouncil", "admin"] as const) {
      expect(
        await errorOf(createImportPreview(world.viewers[key], { kind: "PAPER", cycleId: cycleId(), file })),
      ).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("NDB and paper reports: malformed files are refused whole, with a Japanese report", () => {
  type TMake = () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array };
  const code = () => world.institutions.sabaeClinic.code;
  const ndbCases: [string, TMake, RegExp][] = [
    ["EUC-JP", () => textFile(`医療機関コード,項目キー,値\n${code()},i_overtime,1\n`, "euc-jp"), /EUC-JP|文字コード/],
    [
      "UTF-16",
      () => textFile(`医療機関コード,項目キー,値\n${code()},i_overtime,1\n`, "utf-16le-bom"),
      /UTF-16|Unicode/,
    ],
    [
      "a missing column",
      () =>
        csvFile([
          ["医療機関コード", "値"],
          [code(), "1"],
        ]),
      /必須の列「項目キー」がありません/,
    ],
    [
      "an extra column",
      () =>
        csvFile([
          [...NDB_HEADER, "備考"],
          [code(), "i_overtime", "1", "x"],
        ]),
      /取り込めない列があります: 「備考」（D列）/,
    ],
    ["an empty file", () => ({ name: "ndb.csv", bytes: new Uint8Array() }), /ファイルが空です/],
    ["a 50 MB file", () => ({ name: "ndb.csv", bytes: new Uint8Array(50 * 1024 * 1024).fill(0x41) }), /上限（20 MB）/],
    [
      "a formula cell",
      () =>
        xlsxFile(
          [NDB_HEADER, [code(), "i_overtime", 1]],
          (sheet) => (sheet.getCell("C2").value = { formula: "1+1", result: 2 }),
        ),
      /数式/,
    ],
  ];
  it.each(ndbCases)("NDB: %s", async (_label, make, message) => {
    const before = await dataFingerprint();
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
      kind: "NDB",
      cycleId: cycleId(),
      file: await make(),
    });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
    expect(await dataFingerprint()).toEqual(before);
  });

  const paperCases: [string, TMake, RegExp][] = [
    [
      "Shift_JIS mojibake (EUC-JP)",
      () => textFile(`医療機関コード,f1_notice\n${code()},はい\n`, "euc-jp"),
      /EUC-JP|文字コード/,
    ],
    [
      "a missing 医療機関コード column",
      () => csvFile([["f1_notice"], ["はい"]]),
      /必須の列「医療機関コード」がありません/,
    ],
    [
      "an unknown item column",
      () =>
        csvFile([
          ["医療機関コード", "f1_notice", "no_such_item"],
          [code(), "はい", "1"],
        ]),
      /取り込めない列があります/,
    ],
    [
      "duplicate institutions",
      () =>
        csvFile([
          ["医療機関コード", "f1_notice"],
          [code(), "はい"],
          [code(), "はい"],
        ]),
      /重複しています/,
    ],
    [
      "an institution not on the roster",
      () =>
        csvFile([
          ["医療機関コード", "f1_notice"],
          [inst(990003), "はい"],
        ]),
      /名簿にありません/,
    ],
    ["an empty file", () => ({ name: "paper.csv", bytes: new Uint8Array([0xef, 0xbb, 0xbf]) }), /空/],
    [
      "a 50 MB file",
      () => ({ name: "paper.csv", bytes: new Uint8Array(50 * 1024 * 1024).fill(0x41) }),
      /上限（20 MB）/,
    ],
  ];
  it.each(paperCases)("paper: %s", async (_label, make, message) => {
    const before = await dataFingerprint();
    const { preview } = await createImportPreview(world.viewers.fukuiPrefecture, {
      kind: "PAPER",
      cycleId: cycleId(),
      file: await make(),
    });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
    expect(await dataFingerprint()).toEqual(before);
  });
});
