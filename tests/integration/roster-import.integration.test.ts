// 医療機関名簿 import end to end on the real database: preview → apply → the runner; idempotent
// re-apply; deactivation only when asked; all-or-nothing when something fails mid-way; and every
// kind of bad file refused with a Japanese report and no change at all.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  applyImportJob,
  checkImport,
  createImportPreview,
  discardImportJob,
  runImportJob,
} from "@/lib/services/import-jobs";
import { getImportJob, getImportProgress, getRejectedRows } from "@/lib/data/import-jobs";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import type { TRosterPreview } from "@/lib/prefecture/import-preview";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { badCheckDigit, csvFile, inst, textFile, xlsxFile } from "@/tests/fixtures/import/builders";
import { dataFingerprint, importFile } from "@/tests/support/prefecture-ops";

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
  // The roster importer accepts only addresses a mail server would (the world's are Japanese).
  for (const institution of Object.values(world.institutions)) {
    institution.contactEmail = `i-${institution.code}@example.jp`;
    await db.institution.update({ where: { id: institution.id }, data: { contactEmail: institution.contactEmail } });
  }
});

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

/** A file with the world's four 福井 institutions as they are, plus `extra` rows. */
function rosterRows(overrides: Partial<Record<"sabaePhone" | "echizenName", string>> = {}, extra: string[][] = []) {
  const { sabaeClinic, echizenHospital, fukuiClinic, tsurugaClinic } = world.institutions;
  return [
    HEADER,
    [
      sabaeClinic.code,
      sabaeClinic.name,
      "診療所",
      "0",
      "",
      "",
      "182079",
      overrides.sabaePhone ?? "",
      sabaeClinic.contactEmail!,
    ],
    [
      echizenHospital.code,
      overrides.echizenName ?? echizenHospital.name,
      "病院",
      "120",
      "",
      "",
      "182095",
      "",
      echizenHospital.contactEmail!,
    ],
    [fukuiClinic.code, fukuiClinic.name, "診療所", "0", "", "", "182010", "", fukuiClinic.contactEmail!],
    [tsurugaClinic.code, tsurugaClinic.name, "診療所", "0", "", "", "182028", "", tsurugaClinic.contactEmail!],
    ...extra,
  ];
}

const NEW_A = () => [
  inst(900001),
  "新規内科クリニック",
  "診療所",
  "0",
  "916-0001",
  "鯖江市本町1-1",
  "182079",
  "0778-51-0001",
  "new-a@example.jp",
];
const NEW_B = () => [
  inst(900002),
  "新規総合病院",
  "病院",
  "199",
  "915-0001",
  "越前市府中1-1",
  "182095",
  "0778-22-0002",
  "new-b@example.jp",
];

describe("roster import: preview, apply, idempotent re-apply", () => {
  it("previews new, changed, unchanged and missing institutions without writing anything", async () => {
    const before = await dataFingerprint();
    const file = csvFile(rosterRows({ sabaePhone: "0778-51-9999" }, [NEW_A(), NEW_B()]), "shift_jis", "名簿.csv");
    const { jobId, preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview.errors).toEqual([]);
    expect(preview.ok).toBe(true);
    expect(preview.encoding).toBe("shift_jis");
    const details = preview.details as TRosterPreview;
    expect(details.counts).toEqual({ creates: 2, updates: 1, unchanged: 3, missing: 0 });
    expect(details.creates.map((c) => [c.line, c.code, c.municipality])).toEqual([
      [6, inst(900001), "鯖江市"],
      [7, inst(900002), "越前市"],
    ]);
    expect(details.updates[0]).toMatchObject({ line: 2, code: world.institutions.sabaeClinic.code });
    expect(details.updates[0]!.changes).toEqual([
      { field: "phone", label: "電話", before: "（空欄）", after: "0778-51-9999" },
    ]);
    expect(await dataFingerprint()).toEqual(before);
    await discardImportJob(world.viewers.fukuiPrefecture, jobId);
    expect((await getImportJob(world.viewers.fukuiPrefecture, jobId)).status).toBe("DISCARDED");
  });

  it("applies the file as a background job and reports the counts", async () => {
    const file = csvFile(rosterRows({ sabaePhone: "0778-51-9999" }, [NEW_A(), NEW_B()]));
    const { jobId } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    const queued = await applyImportJob(world.viewers.fukuiPrefecture, jobId, {});
    expect(queued.status).toBe("QUEUED");
    // A double click queues nothing twice.
    expect((await applyImportJob(world.viewers.fukuiPrefecture, jobId, {})).status).toBe("QUEUED");
    expect((await getImportProgress(world.viewers.fukuiPrefecture, jobId)).status).toBe("QUEUED");
    await runImportJob(jobId);
    const progress = await getImportProgress(world.viewers.fukuiPrefecture, jobId);
    expect(progress).toMatchObject({
      status: "SUCCEEDED",
      result: { created: 2, updated: 1, unchanged: 3, deactivated: 0 },
    });

    const created = await db.institution.findUniqueOrThrow({ where: { code: inst(900002) } });
    expect(created).toMatchObject({
      name: "新規総合病院",
      kind: "HOSPITAL",
      beds: 199,
      postalCode: "915-0001",
      prefectureCode: "18",
      contactEmail: "new-b@example.jp",
    });
    const sabae = await db.institution.findUniqueOrThrow({ where: { id: world.institutions.sabaeClinic.id } });
    expect(sabae.phone).toBe("0778-51-9999");

    const events = await db.auditEvent.findMany({
      where: { OR: [{ entityId: sabae.id }, { entityId: jobId }] },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["institution.update", "roster.import"]);
    expect(events[0]).toMatchObject({
      actorEmail: world.users.fukuiPrefecture.email,
      prefectureCode: "18",
      before: { phone: null },
      after: { phone: "0778-51-9999" },
    });
    expect(events[1]!.after).toMatchObject({
      fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      created: 2,
      updated: 1,
    });
    // The uploaded bytes are not kept once the job is done.
    expect((await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).fileBytes).toBeNull();
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await dataFingerprint();
    const { job } = await importFile(
      world.viewers.fukuiPrefecture,
      "ROSTER",
      csvFile(rosterRows({ sabaePhone: "0778-51-9999" }, [NEW_A(), NEW_B()])),
    );
    expect(job.result).toEqual({ created: 0, updated: 0, unchanged: 6, deactivated: 0 });
    const after = await dataFingerprint();
    // Only the summary event of the import itself is added.
    expect({ ...after, auditEvents: "" }).toEqual({ ...before, auditEvents: "" });
    expect(Number(after.auditEvents)).toBe(Number(before.auditEvents) + 1);
  });

  it("a column left out of the file leaves that field as it is; a blank cell clears it", async () => {
    const { sabaeClinic } = world.institutions;
    const withoutPhone = [
      ["医療機関コード", "名称", "種別", "市区町村コード"],
      [sabaeClinic.code, sabaeClinic.name, "診療所", "182079"],
    ];
    const first = await importFile(world.viewers.fukuiPrefecture, "ROSTER", csvFile(withoutPhone));
    expect(first.job.result).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await db.institution.findUniqueOrThrow({ where: { id: sabaeClinic.id } })).phone).toBe("0778-51-9999");

    const blankPhone = [
      ["医療機関コード", "名称", "種別", "市区町村コード", "電話"],
      [sabaeClinic.code, sabaeClinic.name, "診療所", "182079", ""],
    ];
    const second = await importFile(world.viewers.fukuiPrefecture, "ROSTER", csvFile(blankPhone));
    expect(second.job.result).toMatchObject({ updated: 1 });
    expect((await db.institution.findUniqueOrThrow({ where: { id: sabaeClinic.id } })).phone).toBeNull();
  });

  it("deactivates institutions missing from the file only when the officer asks, idempotently", async () => {
    const partial = csvFile(
      rosterRows({}, [NEW_A(), NEW_B()]).filter((row) => row[0] !== world.institutions.tsurugaClinic.code),
    );
    const kept = await importFile(world.viewers.fukuiPrefecture, "ROSTER", partial);
    expect((kept.preview.details as TRosterPreview).missing.map((m) => m.code)).toEqual([
      world.institutions.tsurugaClinic.code,
    ]);
    expect(kept.job.result).toMatchObject({ deactivated: 0 });
    expect(
      (await db.institution.findUniqueOrThrow({ where: { id: world.institutions.tsurugaClinic.id } })).isActive,
    ).toBe(true);

    const asked = await importFile(world.viewers.fukuiPrefecture, "ROSTER", partial, { deactivateMissing: true });
    expect(asked.job.result).toMatchObject({ deactivated: 1 });
    expect(
      (await db.institution.findUniqueOrThrow({ where: { id: world.institutions.tsurugaClinic.id } })).isActive,
    ).toBe(false);
    const event = await db.auditEvent.findFirst({
      where: { entityId: world.institutions.tsurugaClinic.id, action: "institution.deactivate" },
    });
    expect(event).toMatchObject({ before: { isActive: true }, after: { isActive: false } });

    const again = await importFile(world.viewers.fukuiPrefecture, "ROSTER", partial, { deactivateMissing: true });
    expect(again.job.result).toMatchObject({ created: 0, updated: 0, deactivated: 0 });
    // Other prefectures are never touched.
    expect(
      (await db.institution.findUniqueOrThrow({ where: { id: world.institutions.kanazawaClinic.id } })).isActive,
    ).toBe(true);
  });

  it("an institution back in the file is reactivated", async () => {
    const { job, preview } = await importFile(
      world.viewers.fukuiPrefecture,
      "ROSTER",
      csvFile(rosterRows({}, [NEW_A(), NEW_B()])),
    );
    expect(
      (preview.details as TRosterPreview).updates.find((u) => u.code === world.institutions.tsurugaClinic.code)
        ?.changes,
    ).toEqual([{ field: "isActive", label: "状態", before: "無効", after: "有効" }]);
    expect(job.result).toMatchObject({ updated: 1 });
    expect(
      (await db.institution.findUniqueOrThrow({ where: { id: world.institutions.tsurugaClinic.id } })).isActive,
    ).toBe(true);
  });

  it("reads .xlsx as well", async () => {
    const file = await xlsxFile(rosterRows({}, [NEW_A(), NEW_B()]));
    const preview = await checkImport(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview).toMatchObject({ ok: true, format: "xlsx", encoding: null });
  });
});

describe("roster import: all or nothing", () => {
  it("a failure in the middle of the apply leaves every row as it was", async () => {
    // A trigger makes the database refuse the *update* statement, which runs after the inserts.
    await db.$executeRawUnsafe(`
      create or replace function renkei_test_refuse() returns trigger as $$
      begin raise exception 'refused by test'; end; $$ language plpgsql`);
    await db.$executeRawUnsafe(
      `create trigger renkei_test_refuse before update on "Institution" for each row execute function renkei_test_refuse()`,
    );
    try {
      const before = await dataFingerprint();
      const file = csvFile(
        rosterRows({ echizenName: "改称した病院" }, [
          NEW_A(),
          NEW_B(),
          [inst(900003), "三番目", "診療所", "0", "", "", "182010", "", ""],
        ]),
      );
      const { jobId, preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
      expect((preview.details as TRosterPreview).counts).toMatchObject({ creates: 1, updates: 1 });
      await applyImportJob(world.viewers.fukuiPrefecture, jobId, {});
      await runImportJob(jobId);
      const job = await getImportJob(world.viewers.fukuiPrefecture, jobId);
      expect(job.status).toBe("FAILED");
      expect(job.errorMessage).toMatch(/データは変更されていません/);
      const after = await dataFingerprint();
      expect(after).toEqual(before);
      expect(await db.institution.findUnique({ where: { code: inst(900003) } })).toBeNull();
    } finally {
      await db.$executeRawUnsafe(`drop trigger if exists renkei_test_refuse on "Institution"`);
      await db.$executeRawUnsafe(`drop function if exists renkei_test_refuse()`);
    }
  });

  it("re-checks the file inside the apply: a municipality removed after the preview refuses the whole file", async () => {
    await db.municipality.create({ data: { code: "182044", prefectureCode: "18", name: "大野市" } });
    const file = csvFile([
      HEADER,
      [inst(900004), "大野の診療所", "診療所", "0", "", "", "182044", "", ""],
      [inst(900005), "鯖江の診療所", "診療所", "0", "", "", "182079", "", ""],
    ]);
    const { jobId, preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview.ok).toBe(true);
    await applyImportJob(world.viewers.fukuiPrefecture, jobId, {});
    await db.municipality.delete({ where: { code: "182044" } });
    const before = await dataFingerprint();
    await runImportJob(jobId);
    const job = await getImportJob(world.viewers.fukuiPrefecture, jobId);
    expect(job.status).toBe("FAILED");
    expect(job.preview.errors[0]).toMatchObject({ line: 2, column: "市区町村コード", code: "unknown_reference" });
    expect(await dataFingerprint()).toEqual(before);
  });
});

describe("roster import: bad files are refused whole, with a precise Japanese report", () => {
  const { code: validCode } = { code: inst(910001) };
  const valid = [validCode, "正しい診療所", "診療所", "0", "", "", "182079", "", ""];

  const cases: [
    string,
    () => Promise<{ name: string; bytes: Uint8Array }> | { name: string; bytes: Uint8Array },
    RegExp,
    string,
  ][] = [
    ["EUC-JP", () => textFile([HEADER.join(","), valid.join(",")].join("\n"), "euc-jp"), /EUC-JP/, "encoding"],
    [
      "UTF-16",
      () => textFile([HEADER.join(","), valid.join(",")].join("\n"), "utf-16le-bom"),
      /UTF-16|Unicode/,
      "encoding",
    ],
    [
      "a missing column",
      () => csvFile([HEADER.filter((h) => h !== "種別"), valid.filter((_, i) => i !== 2)]),
      /必須の列「種別」がありません/,
      "missing_column",
    ],
    [
      "an extra column",
      () =>
        csvFile([
          [...HEADER, "備考"],
          [...valid, "メモ"],
        ]),
      /取り込めない列があります: 「備考」（J列）/,
      "unexpected_column",
    ],
    ["duplicate codes", () => csvFile([HEADER, valid, [...valid]]), /重複しています/, "duplicate"],
    [
      "a bad 医療機関コード",
      () => csvFile([HEADER, [badCheckDigit(validCode), ...valid.slice(1)]]),
      /検証番号/,
      "invalid",
    ],
    [
      "another prefecture's 医療機関コード",
      () => csvFile([HEADER, [inst(910002, "17"), ...valid.slice(1)]]),
      /都道府県番号（17）/,
      "invalid",
    ],
    ["a bad 市区町村コード", () => csvFile([HEADER, [...valid.slice(0, 6), "182070", "", ""]]), /検査数字/, "invalid"],
    [
      "an unknown 市区町村コード",
      () => csvFile([HEADER, [...valid.slice(0, 6), "172014", "", ""]]),
      /石川県のコード/,
      "invalid",
    ],
    ["an empty file", () => ({ name: "empty.csv", bytes: new Uint8Array() }), /ファイルが空です/, "file_empty"],
    ["a header only", () => csvFile([HEADER]), /データ/, "no_data"],
    [
      "a 50 MB file",
      () => ({ name: "big.csv", bytes: new Uint8Array(50 * 1024 * 1024).fill(0x41) }),
      /上限（20 MB）を超えています/,
      "file_too_large",
    ],
    [
      "a formula cell in .xlsx",
      () =>
        xlsxFile(
          [HEADER, valid],
          (sheet) => (sheet.getCell("B2").value = { formula: 'CONCAT("a","b")', result: "ab" }),
        ),
      /数式/,
      "formula",
    ],
  ];

  it.each(cases)("%s", async (_label, make, message, code) => {
    const before = await dataFingerprint();
    const file = await make();
    expect(file.bytes.byteLength).toBeLessThanOrEqual(60 * 1024 * 1024);
    const { jobId, preview } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview.ok).toBe(false);
    expect(preview.errors.map((e) => e.code)).toContain(code);
    expect(preview.errors.map((e) => e.message).join("\n")).toMatch(message);
    await expect(applyImportJob(world.viewers.fukuiPrefecture, jobId, {})).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // Of these, only the duplicate leaves a valid row (its first copy) that may be imported alone;
    // a file that cannot be applied even in part is not kept.
    expect(preview.validRowsImportable ?? false).toBe(code === "duplicate");
    const kept = (await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).fileBytes;
    if (preview.validRowsImportable) expect(kept).not.toBeNull();
    else expect(kept).toBeNull();
    expect(await dataFingerprint()).toEqual(before);
    if (code === "file_too_large") expect(file.bytes.byteLength).toBeGreaterThan(MAX_IMPORT_BYTES);
  });

  it("reports every invalid row with its line number", async () => {
    const file = csvFile([
      HEADER,
      valid,
      [inst(910003), "", "歯科", "0", "", "", "182079", "", ""],
      [inst(910004), "X", "診療所", "25", "", "", "182079", "", "bad-mail"],
    ]);
    const preview = await checkImport(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "名称"],
      [3, "種別"],
      [4, "病床数"],
      [4, "担当者メール"],
    ]);
    expect(preview.stats).toMatchObject({ dataRows: 3, validRows: 1 });
  });
});

describe("roster import: the valid rows only, when the officer chooses so", () => {
  const newClinic = (n: number, code = inst(n)) => [
    code,
    `追加クリニック${n}`,
    "診療所",
    "0",
    "",
    "",
    "182079",
    "",
    `add-${n}@example.jp`,
  ];

  it("imports the rest of a file with 3 bad lines on request and returns exactly those 3 lines with reasons", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const bad = [newClinic(910002, badCheckDigit(inst(910002))), newClinic(910004, badCheckDigit(inst(910004)))];
    const duplicate = newClinic(910001);
    duplicate[1] = "同じコードの2行目";
    const file = csvFile(
      rosterRows({}, [newClinic(910001), bad[0]!, newClinic(910003), bad[1]!, duplicate, newClinic(910005)]),
      "shift_jis",
      "名簿_3行誤り.csv",
    );
    const before = await dataFingerprint();
    const { jobId, preview } = await createImportPreview(officer, { kind: "ROSTER", file });
    expect(preview.ok).toBe(false);
    expect(preview.validRowsImportable).toBe(true);
    expect(preview.errors.map((e) => [e.line, e.code])).toEqual([
      [7, "invalid"],
      [9, "invalid"],
      [10, "duplicate"],
    ]);
    expect((preview.details as TRosterPreview).counts).toMatchObject({ creates: 3, unchanged: 4 });
    // Nothing happens unless the officer chooses the partial import, and never with deactivation.
    await expect(applyImportJob(officer, jobId, {})).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      applyImportJob(officer, jobId, { validRowsOnly: true, deactivateMissing: true }),
    ).rejects.toMatchObject({ message: expect.stringContaining("無効化できません") });
    expect(await dataFingerprint()).toEqual(before);

    await applyImportJob(officer, jobId, { validRowsOnly: true });
    await runImportJob(jobId);
    const job = await getImportJob(officer, jobId);
    expect(job.status).toBe("SUCCEEDED");
    expect(job.result).toEqual({ created: 3, updated: 0, unchanged: 4, deactivated: 0, rejected: 3 });
    const created = await db.institution.findMany({
      where: { code: { in: [910001, 910002, 910003, 910004, 910005].map((n) => inst(n)) } },
      select: { code: true, name: true },
      orderBy: { code: "asc" },
    });
    expect(created.map((c) => c.name)).toEqual([
      "追加クリニック910001",
      "追加クリニック910003",
      "追加クリニック910005",
    ]);

    // Another prefecture's officer cannot read the rejected lines (they hold roster data).
    await expect(getRejectedRows(world.viewers.ishikawaPrefecture, jobId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { rejectedRows } = await getRejectedRows(officer, jobId);
    expect(rejectedRows?.format).toBe("csv-sjis");
    expect(rejectedRows?.table.header).toEqual([...HEADER, "元の行", "取り込めなかった理由"]);
    expect(rejectedRows?.table.rows.map((row) => [row[0], row[1], row[9]])).toEqual([
      [badCheckDigit(inst(910002)), "追加クリニック910002", "7行目"],
      [badCheckDigit(inst(910004)), "追加クリニック910004", "9行目"],
      [inst(910001), "同じコードの2行目", "10行目"],
    ]);
    expect(rejectedRows?.table.rows.map((row) => row[10])).toEqual([
      expect.stringMatching(/^医療機関コード: .*検証番号/),
      expect.stringMatching(/^医療機関コード: .*検証番号/),
      expect.stringMatching(/^医療機関コード: .*6行目と重複/),
    ]);
    expect(await db.auditEvent.findFirst({ where: { entityId: jobId, action: "import.partial" } })).toMatchObject({
      actorEmail: world.users.fukuiPrefecture.email,
      summary: expect.stringContaining("誤りのため取り込まなかった行 3件（7行目、9行目、10行目）"),
    });
  });

  it("never offers it for a file whose columns are wrong", async () => {
    const file = csvFile([
      [...HEADER, "備考"],
      [...newClinic(910010), "メモ"],
      [...newClinic(910011, badCheckDigit(inst(910011))), ""],
    ]);
    const preview = await checkImport(world.viewers.fukuiPrefecture, { kind: "ROSTER", file });
    expect(preview.ok).toBe(false);
    expect(preview.validRowsImportable).toBeFalsy();
  });
});

describe("roster import: only the prefecture's own officers", () => {
  const file = () => csvFile([HEADER, [inst(920001), "範囲外テスト", "診療所", "0", "", "", "182079", "", ""]]);

  it.each(["tannanCouncil", "sabaeClinic", "tannanHub", "admin"] as const)(
    "%s may not check or import a roster",
    async (key) => {
      await expect(createImportPreview(world.viewers[key], { kind: "ROSTER", file: file() })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(checkImport(world.viewers[key], { kind: "ROSTER", file: file() })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    },
  );

  it("another prefecture's officer cannot see or apply the job, and cannot import 福井 codes", async () => {
    const { jobId } = await createImportPreview(world.viewers.fukuiPrefecture, { kind: "ROSTER", file: file() });
    await expect(getImportJob(world.viewers.ishikawaPrefecture, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyImportJob(world.viewers.ishikawaPrefecture, jobId, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(discardImportJob(world.viewers.ishikawaPrefecture, jobId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const theirs = await checkImport(world.viewers.ishikawaPrefecture, { kind: "ROSTER", file: file() });
    expect(theirs.ok).toBe(false);
    expect(theirs.errors[0]!.message).toMatch(/都道府県番号（18）が対象の都道府県（17）と一致しません/);
    expect(await db.institution.findUnique({ where: { code: inst(920001) } })).toBeNull();
  });
});
