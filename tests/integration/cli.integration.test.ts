// `npm run renkei -- <command>` on a real database: every command, its exit codes and messages,
// the same validation as the web (line-numbered Japanese reports, nothing written on bad input),
// and audit events recorded under the actor "cli".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { runRenkei, EXIT } from "@/scripts/lib/renkei-commands";
import { readTableFile } from "@/lib/import/read";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { badCheckDigit, encode, inst, toCsv } from "@/tests/fixtures/import/builders";
import { dataFingerprint } from "@/tests/support/prefecture-ops";

let world: TWorld;
let dir: string;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRenkei(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function file(name: string, rows: (string | number)[][], encoding: Parameters<typeof encode>[1] = "utf-8-bom") {
  const target = path.join(dir, name);
  writeFileSync(target, encode(toCsv(rows), encoding));
  return target;
}

const ROSTER = ["医療機関コード", "名称", "種別", "病床数", "市区町村コード", "担当者メール"];

beforeAll(async () => {
  world = await buildWorld();
  dir = mkdtempSync(path.join(os.tmpdir(), "renkei-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("help and usage", () => {
  it("prints help (exit 0) and refuses unknown commands and options (exit 2)", async () => {
    const help = await run("help");
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain("import-roster --prefecture <コード> <ファイル>");
    expect((await run("import-everything")).code).toBe(EXIT.usage);
    const badOption = await run("import-roster", "--prefecture", "18", "--frobnicate", "x.csv");
    expect(badOption).toMatchObject({ code: EXIT.usage, err: expect.stringContaining("オプションが正しくありません") });
    expect(await run("import-roster", "--prefecture", "99", "x.csv")).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("01〜47"),
    });
    expect(await run("import-roster", "x.csv")).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("--prefecture"),
    });
    expect(await run("import-roster", "--prefecture", "18", path.join(dir, "missing.csv"))).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("見つかりません"),
    });
    expect(await run("import-ndb", "--cycle", "nope", "x.csv")).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("list-cycles"),
    });
  });
});

describe("import-roster", () => {
  it("--dry-run shows the changes and writes nothing", async () => {
    const before = await dataFingerprint();
    const target = file(
      "roster.csv",
      [ROSTER, [inst(800001), "CLI診療所", "診療所", "0", "182079", "cli-1@example.jp"]],
      "shift_jis",
    );
    const result = await run("import-roster", "--prefecture", "18", target, "--dry-run");
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain("医療機関名簿: CSV（Shift_JIS）、データ 1行");
    expect(result.out).toContain("新規 1件");
    expect(result.out).toContain("--dry-run のため、何も書き込んでいません。");
    expect(await dataFingerprint()).toEqual(before);
  });

  it("imports, audited as cli, and prints created/updated/unchanged/deactivated", async () => {
    const target = file("roster.csv", [
      ROSTER,
      [inst(800001), "CLI診療所", "診療所", "0", "182079", "cli-1@example.jp"],
    ]);
    const result = await run("import-roster", "--prefecture", "18", target);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toMatch(/取り込みました（福井県、取込ID \S+）: 新規 1件、更新 0件、変更なし 0件、無効化 0件/);
    const created = await db.institution.findUniqueOrThrow({ where: { code: inst(800001) } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(event).toMatchObject({
      actorEmail: "cli",
      actorId: null,
      actorRole: "PREFECTURE",
      action: "institution.create",
      prefectureCode: "18",
    });

    const again = await run("import-roster", "--prefecture", "18", target);
    expect(again.out).toContain("新規 0件、更新 0件、変更なし 1件、無効化 0件");
  });

  it("--deactivate-missing deactivates the institutions missing from the file", async () => {
    const target = file("roster.csv", [
      ROSTER,
      [inst(800001), "CLI診療所", "診療所", "0", "182079", "cli-1@example.jp"],
    ]);
    const result = await run("import-roster", "--prefecture", "18", target, "--deactivate-missing");
    expect(result.out).toContain("無効化 4件");
    expect(await db.institution.count({ where: { prefectureCode: "18", isActive: true } })).toBe(1);
    // Put the world back.
    await db.institution.updateMany({ where: { prefectureCode: "18" }, data: { isActive: true } });
  });

  it("exits 1 on invalid input, printing every issue with its line number, and writes nothing", async () => {
    const before = await dataFingerprint();
    const target = file("bad.csv", [
      [...ROSTER, "備考"],
      [inst(800002), "正しい", "診療所", "0", "182079", "a@example.jp", ""],
      [badCheckDigit(inst(800003)), "検証番号違い", "診療所", "0", "182079", "", ""],
      [inst(800004), "=cmd|' /C calc'!A0", "診療所", "0", "999999", "", ""],
    ]);
    const result = await run("import-roster", "--prefecture", "18", target);
    expect(result.code).toBe(EXIT.invalid);
    expect(result.err).toContain("1行目 取り込めない列があります: 「備考」（G列）");
    const plain = await run(
      "import-roster",
      "--prefecture",
      "18",
      file("bad2.csv", [
        ROSTER,
        [badCheckDigit(inst(800003)), "検証番号違い", "診療所", "0", "182079", ""],
        [inst(800004), "=cmd|' /C calc'!A0", "診療所", "0", "172014", ""],
        [inst(800002), "重複", "診療所", "0", "182079", ""],
        [inst(800002), "重複", "診療所", "0", "182079", ""],
      ]),
    );
    expect(plain.code).toBe(EXIT.invalid);
    expect(plain.err).toMatch(/2行目 \[医療機関コード\] .*検証番号/);
    // A name starting with "=" is stored literally (exports neutralise it): no message for it.
    expect(plain.err).not.toMatch(/3行目 \[名称\]/);
    expect(plain.err).toMatch(/3行目 \[市区町村コード\] .*石川県/);
    expect(plain.err).not.toMatch(/4行目 \[医療機関コード\]/);
    expect(plain.err).toMatch(/5行目 \[医療機関コード\] .*4行目と重複/);
    expect(plain.err).toContain("何も取り込んでいません");
    expect(await dataFingerprint()).toEqual(before);
  });

  it("import-roster --valid-rows-only imports the valid rows and writes the others with their reasons", async () => {
    const input = file("partial.csv", [
      ROSTER,
      [inst(800101), "部分取込クリニック", "診療所", "0", "182079", ""],
      [badCheckDigit(inst(800102)), "検証番号違い", "診療所", "0", "182079", ""],
    ]);
    const refused = await run("import-roster", "--prefecture", "18", input);
    expect(refused.code).toBe(EXIT.invalid);
    const done = await run("import-roster", "--prefecture", "18", input, "--valid-rows-only");
    expect(done.code).toBe(EXIT.ok);
    expect(done.out).toContain("誤りのため取り込まなかった行 1件");
    const rejected = readFileSync(path.join(dir, "partial_取り込めなかった行.csv"), "utf8");
    expect(rejected).toContain("検証番号違い");
    expect(rejected).toContain("3行目");
    expect(rejected).toContain("取り込めなかった理由");
    expect(await db.institution.count({ where: { code: inst(800101) } })).toBe(1);
    expect(
      (await run("import-roster", "--prefecture", "18", input, "--valid-rows-only", "--deactivate-missing")).code,
    ).toBe(EXIT.usage);
  });

  it("refuses wrong encodings, empty and oversized files (exit 1)", async () => {
    const before = await dataFingerprint();
    const euc = path.join(dir, "euc.csv");
    writeFileSync(euc, encode(toCsv([ROSTER, [inst(800005), "EUC医院", "診療所", "0", "182079", ""]]), "euc-jp"));
    expect(await run("import-roster", "--prefecture", "18", euc)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("EUC-JP"),
    });
    const empty = path.join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect(await run("import-roster", "--prefecture", "18", empty)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("ファイルが空です"),
    });
    const big = path.join(dir, "big.csv");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(await run("import-roster", "--prefecture", "18", big)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("上限（20 MB）を超えています"),
    });
    expect(await dataFingerprint()).toEqual(before);
  });
});

describe("zones, population, NDB, paper reports and the export", () => {
  it("import-zones and import-population", async () => {
    const zones = file("zones.csv", [
      ["区分名", "圏域コード", "圏域名", "市区町村コード"],
      ["CLI区分", "C1", "北", "182010"],
      ["CLI区分", "C2", "南", "182079"],
      ["CLI区分", "C2", "南", "182095"],
      ["CLI区分", "C2", "南", "182028"],
    ]);
    expect(await run("import-zones", "--prefecture", "18", zones)).toMatchObject({
      code: EXIT.ok,
      out: expect.stringContaining("新規 2件"),
    });
    const population = file("pop.csv", [
      ["市区町村コード", "総人口", "65歳以上人口", "75歳以上人口", "出典", "基準年"],
      ["182010", "250000", "70000", "40000", "住民基本台帳", "2025"],
    ]);
    expect(await run("import-population", "--prefecture", "18", population)).toMatchObject({
      code: EXIT.ok,
      out: expect.stringContaining("更新 1件"),
    });
    const bad = file("pop-bad.csv", [
      ["市区町村コード", "総人口", "65歳以上人口", "75歳以上人口", "出典", "基準年"],
      ["18201", "250000", "70000", "80000", "住民基本台帳", "2025"],
    ]);
    expect(await run("import-population", "--prefecture", "18", bad)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringMatching(/2行目 \[75歳以上人口\]/),
    });
  });

  it("import-ndb --cycle", async () => {
    const ndb = file("ndb.csv", [
      ["医療機関コード", "項目キー", "値"],
      [world.institutions.sabaeClinic.code, "i_overtime", "7"],
    ]);
    const result = await run("import-ndb", "--cycle", world.cycles.fukuiClinicCycle.id, ndb);
    expect(result).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("新規 1件") });
    const bad = file("ndb-bad.csv", [
      ["医療機関コード", "項目キー", "値"],
      [world.institutions.sabaeClinic.code, "i_rota", "7"],
    ]);
    expect(await run("import-ndb", "--cycle", world.cycles.fukuiClinicCycle.id, bad)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("2行目 [項目キー]"),
    });
  });

  it("import-submissions refuses to overwrite web reports without --overwrite-web", async () => {
    const header = ["医療機関コード", "f1_notice", "f1_areas", "f1_consult", "i_rota", "ro_beds"];
    const paper = file("paper.csv", [header, [world.institutions.fukuiClinic.code, "はい", "1", "はい", "3", "0"]]);
    const before = await dataFingerprint();
    const refused = await run("import-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, paper);
    expect(refused.code).toBe(EXIT.invalid);
    expect(refused.err).toContain("Web で報告済みの医療機関が 1件あります: 2行目");
    // The command line's user is told the flag, not a checkbox they cannot see.
    expect(refused.err).toContain("--overwrite-web を付けて実行してください");
    expect(refused.err).not.toContain("を選んでください");
    expect({ ...(await dataFingerprint()) }).toEqual(before);
    const done = await run("import-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, paper, "--overwrite-web");
    expect(done).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("更新 1件") });
    const invalid = file("paper-bad.csv", [
      header,
      [world.institutions.tsurugaClinic.code, "はい", "1", "はい", "", "0"],
    ]);
    expect(await run("import-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, invalid)).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("2行目 [i_rota]"),
    });
  });

  it("export-submissions writes csv and xlsx that import-submissions reads back unchanged", async () => {
    const csv = path.join(dir, "export.csv");
    const result = await run("export-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, "--format", "csv", csv);
    expect(result).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("件を") });
    const read = await readTableFile({ name: "export.csv", bytes: new Uint8Array(readFileSync(csv)) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.rows[0]!.cells.slice(0, 5)).toEqual([
      "医療機関コード",
      "医療機関名",
      "市区町村コード",
      "市区町村名",
      "f1_notice:院内掲示",
    ]);
    expect(read.table.rows[0]!.cells).toContain("機能:1号機能");
    expect(read.table.rows[0]!.cells.slice(-4)).toEqual(["提出状況", "版", "提出方法", "提出日時"]);

    const xlsx = path.join(dir, "export.xlsx");
    expect(
      (await run("export-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, "--format", "xlsx", xlsx)).code,
    ).toBe(EXIT.ok);
    for (const exported of [csv, xlsx]) {
      const before = await dataFingerprint();
      const back = await run("import-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, exported);
      expect(back.code).toBe(EXIT.ok);
      expect(back.out).toMatch(/新規 0件、更新 0件、変更なし \d+件/);
      expect({ ...(await dataFingerprint()), auditEvents: "" }).toEqual({ ...before, auditEvents: "" });
    }
    expect(
      (await run("export-submissions", "--cycle", world.cycles.fukuiClinicCycle.id, "--format", "pdf", csv)).code,
    ).toBe(EXIT.usage);
  });

  it("list-cycles", async () => {
    const result = await run("list-cycles", "--prefecture", "18");
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain(world.cycles.fukuiClinicCycle.id);
    expect(result.out).toContain("令和7年度 かかりつけ医機能報告");
    expect(result.out).not.toContain(world.cycles.ishikawaClinicCycle.id);
  });
});

describe("recount", () => {
  it("repairs counters that drifted from the reports, and says how many municipalities it corrected", async () => {
    const cycleId = world.cycles.fukuiClinicCycle.id;
    expect((await run("recount", "--cycle", cycleId)).code).toBe(EXIT.ok);
    const cell = await db.clinicCounterCell.findFirstOrThrow({
      where: { cycleId },
      orderBy: { municipalityCode: "asc" },
    });
    const total = await db.clinicCounterTotal.findUniqueOrThrow({ where: { cycleId } });
    // As after a hand edit or a counter-format change: one stale cell.
    await db.clinicCounterCell.update({
      where: { cycleId_municipalityCode: { cycleId, municipalityCode: cell.municipalityCode } },
      data: { format: 0, counters: {} },
    });

    const repaired = await run("recount", "--prefecture", "18");
    expect(repaired.code).toBe(EXIT.ok);
    expect(repaired.out).toMatch(/食い違いを修正 1件/);
    const after = await db.clinicCounterCell.findUniqueOrThrow({
      where: { cycleId_municipalityCode: { cycleId, municipalityCode: cell.municipalityCode } },
    });
    expect(after.counters).toEqual(cell.counters);
    expect((await db.clinicCounterTotal.findUniqueOrThrow({ where: { cycleId } })).counters).toEqual(total.counters);
    expect((await run("recount", "--cycle", cycleId)).out).toMatch(/食い違いを修正 0件/);
  });

  it("refuses a cycle that does not exist, or both --cycle and --prefecture", async () => {
    expect(await run("recount", "--cycle", "nope")).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("nope"),
    });
    expect(await run("recount", "--cycle", "x", "--prefecture", "18")).toMatchObject({ code: EXIT.usage });
  });
});

describe("publish-definition", () => {
  const r7 = () =>
    JSON.parse(readFileSync("prisma/questionnaires/clinic-report-r7-v1.json", "utf8")) as Record<string, unknown>;
  const json = (name: string, value: unknown) => {
    const target = path.join(dir, name);
    writeFileSync(target, typeof value === "string" ? value : JSON.stringify(value));
    return target;
  };

  it("--dry-run checks the definition and registers nothing", async () => {
    const before = await db.questionnaireVersion.count();
    const result = await run(
      "publish-definition",
      json("dry.json", { ...r7(), versionKey: "cli-dry-v1" }),
      "--dry-run",
    );
    expect(result).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("（cli-dry-v1）") });
    expect(result.out).toContain("登録していません");
    expect(await db.questionnaireVersion.count()).toBe(before);
  });

  it("refuses unreadable and invalid definitions with every problem listed (exit 1)", async () => {
    expect(await run("publish-definition", json("broken.json", "{ not json"))).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("JSON として読めません"),
    });
    const invalid = await run(
      "publish-definition",
      json("invalid.json", { ...r7(), versionKey: "Bad Key", fiscalYear: 1999 }),
    );
    expect(invalid.code).toBe(EXIT.invalid);
    expect(invalid.err).toContain("versionKey");
    expect(invalid.err).toContain("fiscalYear");
    expect(await run("publish-definition")).toMatchObject({ code: EXIT.usage });
  });

  it("registers a draft, publishes it, and then refuses changed content under the same versionKey", async () => {
    // No `previous`: the test world has no R6 version to map keys from.
    const target = json("next.json", {
      ...r7(),
      previous: undefined,
      versionKey: "cli-next-v1",
      versionLabel: "第2版（試行）",
    });
    const draft = await run("publish-definition", target, "--draft");
    expect(draft).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("新しく登録しました。状態: 下書き") });
    const published = await run("publish-definition", target);
    expect(published).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("状態: 公開") });
    expect(await db.questionnaireVersion.findUnique({ where: { versionKey: "cli-next-v1" } })).toMatchObject({
      status: "PUBLISHED",
    });
    expect(await run("publish-definition", target)).toMatchObject({
      code: EXIT.ok,
      out: expect.stringContaining("変更なし"),
    });
    const changed = await run(
      "publish-definition",
      json("changed.json", { ...r7(), previous: undefined, versionKey: "cli-next-v1", versionLabel: "第3版" }),
    );
    expect(changed).toMatchObject({ code: EXIT.invalid, err: expect.stringContaining("公開済み") });
    const audit = await db.auditEvent.findMany({
      where: { entityType: "questionnaireVersion", summary: { contains: "cli-next-v1" } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["questionnaire.create", "questionnaire.publish"]);
  });
});

describe("npm run renkei", () => {
  it("runs as a process against the configured database", async () => {
    const target = file("proc.csv", [ROSTER, [inst(800009), "プロセス診療所", "診療所", "0", "182079", ""]]);
    const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn("npm", ["run", "--silent", "renkei", "--", "import-roster", "--prefecture", "18", target], {
        env: process.env,
        cwd: process.cwd(),
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (c) => (out += c));
      child.stderr.on("data", (c) => (err += c));
      child.on("exit", (code) => resolve({ code, out, err }));
    });
    expect(result.err.replace(/npm warn.*\n?/g, "")).toBe("");
    expect(result.code).toBe(0);
    expect(result.out).toContain("新規 1件");
    expect(await db.institution.findUnique({ where: { code: inst(800009) } })).toMatchObject({
      name: "プロセス診療所",
    });
  }, 60_000);
});
