// Issue 13 parts 3 and 4: exports an officer uses as they come (typed .xlsx cells, answers in
// words beside their codes, names that say cycle, scope, day and encoding; the CLI gives the same
// file) and a readable audit history (words, autosave sessions, filters, scoped, exported).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { db, type Prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { readTableFile } from "@/lib/import/read";
import { listAuditHistory } from "@/lib/data/audit-log";
import { auditEntries, changeLine } from "@/lib/summaries/audit-history";
import { auditQuery, ZAuditFilter } from "@/lib/prefecture/filters";
import { saveDraft } from "@/lib/services/respondent-reports";
import { recountCycles } from "@/lib/services/counters";
import { exportAuditLog } from "@/lib/services/audit-export";
import { runRenkei, EXIT } from "@/scripts/lib/renkei-commands";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { actAs, callRouteResponse, requestStore } from "@/tests/support/route-harness";

vi.mock("next/headers", () => ({ cookies: () => requestStore.cookies(), headers: () => requestStore.headers() }));

const EXPORT_ROUTE = "app/api/v1/prefecture/cycles/[cycleId]/export/route.ts";
const AUDIT_EXPORT_ROUTE = "app/api/v1/prefecture/audit/export/route.ts";

let world: TWorld;
let dir: string;
const today = () => toDateInputJst(new Date());

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as never);
  return workbook;
}

/** The cell of a row under a header, by header text. */
function cellUnder(sheet: ExcelJS.Worksheet, rowNumber: number, header: string): ExcelJS.Cell {
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column ${header}`);
  return sheet.getRow(rowNumber).getCell(column);
}

function rowOf(sheet: ExcelJS.Worksheet, firstCell: string): number {
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === firstCell) return r;
  throw new Error(`no row ${firstCell}`);
}

async function clinicViewer(institutionId: string): Promise<TViewer> {
  const email = `exports-audit-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.jp`;
  const user = await db.user.create({ data: { email, name: email, role: "INSTITUTION", institutionId } });
  return (await loadViewer(user.id))!;
}

beforeAll(async () => {
  world = await buildWorld();
  dir = mkdtempSync(path.join(os.tmpdir(), "renkei-exports-"));
  // A count in the submitted report, to see it come out as a number.
  const answers = { ...(world.submissions.sabaeSubmission.answers as object), i_overtime: 1234 };
  await db.submission.update({
    where: { id: world.submissions.sabaeSubmission.id },
    data: { answers: answers as Prisma.InputJsonValue },
  });
  await db.submissionRevision.updateMany({
    where: { submissionId: world.submissions.sabaeSubmission.id },
    data: { answers: answers as Prisma.InputJsonValue },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("exports as they come", () => {
  it("gives an .xlsx with numeric cells, answers in words beside their codes, a code sheet and a frozen, filtered header", async () => {
    await actAs(world.users.fukuiPrefecture.id);
    const response = await callRouteResponse(
      EXPORT_ROUTE,
      "GET",
      { cycleId: world.cycles.fukuiClinicCycle.id },
      "?format=xlsx",
    );
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition")!;
    const name = `回答一覧_令和7年度かかりつけ医機能報告_福井県_${today()}.xlsx`;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(disposition).toContain(`filename="submissions_FY2025_pref18_${today()}.xlsx"`);

    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["回答一覧", "コード表"]);
    const sheet = workbook.getWorksheet("回答一覧")!;
    const sabae = rowOf(sheet, world.institutions.sabaeClinic.code);
    expect(cellUnder(sheet, sabae, "i_overtime:時間外加算の算定回数")).toMatchObject({
      type: ExcelJS.ValueType.Number,
      value: 1234,
    });
    expect(cellUnder(sheet, sabae, "版")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1 });
    expect(cellUnder(sheet, sabae, "提出日時").type).toBe(ExcelJS.ValueType.Date);
    expect(cellUnder(sheet, sabae, "ro_beds:後方支援病床の確保").value).toBe("0");
    expect(cellUnder(sheet, sabae, "ro_beds:後方支援病床の確保（回答の内容）").value).toBe("無し(意向無し)");
    // Codes stay text with their leading digits.
    expect(sheet.getRow(sabae).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    const codes = workbook.getWorksheet("コード表")!;
    expect(codes.getRow(1).values).toEqual([undefined, "項目キー", "項目", "コード", "選択肢"]);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "submissions.export", entityId: world.cycles.fukuiClinicCycle.id },
      orderBy: { id: "desc" },
    });
    expect(event.after).toMatchObject({ format: "xlsx", fileName: name });
  });

  it("names the UTF-8 and the Shift_JIS CSV apart, and both read back", async () => {
    await actAs(world.users.fukuiPrefecture.id);
    const names: string[] = [];
    for (const [format, encoding] of [
      ["csv", "utf-8-bom"],
      ["csv-sjis", "shift_jis"],
    ] as const) {
      const response = await callRouteResponse(
        EXPORT_ROUTE,
        "GET",
        { cycleId: world.cycles.fukuiClinicCycle.id },
        `?format=${format}`,
      );
      const disposition = decodeURIComponent(
        /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("content-disposition")!)![1]!,
      );
      names.push(disposition);
      const read = await readTableFile({ name: "x.csv", bytes: new Uint8Array(await response.arrayBuffer()) });
      if (!read.ok) throw new Error("unreadable");
      expect(read.table.encoding).toBe(encoding);
      const header = read.table.rows[0]!.cells;
      const sabae = read.table.rows.find((r) => r.cells[0] === world.institutions.sabaeClinic.code)!.cells;
      expect(sabae[header.indexOf("i_overtime:時間外加算の算定回数")]).toBe("1234");
      expect(sabae[header.indexOf("ro_beds:後方支援病床の確保（回答の内容）")]).toBe("無し(意向無し)");
      expect(sabae[header.indexOf("提出日時")]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    }
    expect(names).toEqual([
      `回答一覧_令和7年度かかりつけ医機能報告_福井県_${today()}_UTF-8.csv`,
      `回答一覧_令和7年度かかりつけ医機能報告_福井県_${today()}_Shift_JIS.csv`,
    ]);
  });

  it("gives dashboard tables with counts as numbers and shares as percent cells", async () => {
    await recountCycles({ cycleId: world.cycles.fukuiClinicCycle.id });
    await actAs(world.users.fukuiPrefecture.id);
    const response = await callRouteResponse(
      "app/api/v1/summaries/export/route.ts",
      "GET",
      {},
      `?cycle=${world.cycles.fukuiClinicCycle.id}&table=status&format=xlsx`,
    );
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain(
      `提出状況_令和7年度かかりつけ医機能報告_福井県_${today()}.xlsx`,
    );
    const sheet = (await workbookOf(response)).worksheets[0]!;
    const last = sheet.rowCount;
    expect(cellUnder(sheet, last, "対象").type).toBe(ExcelJS.ValueType.Number);
    const rate = cellUnder(sheet, last, "提出率（%）");
    expect(rate).toMatchObject({ type: ExcelJS.ValueType.Number, numFmt: "0.0%" });
    expect(rate.value as number).toBeGreaterThan(0);
    expect(rate.value as number).toBeLessThanOrEqual(1);
  });

  it("the CLI saves the same file under the same name as the download", async () => {
    await actAs(world.users.fukuiPrefecture.id);
    const download = await callRouteResponse(
      EXPORT_ROUTE,
      "GET",
      { cycleId: world.cycles.fukuiClinicCycle.id },
      "?format=csv-sjis",
    );
    const out: string[] = [];
    const code = await runRenkei(
      [
        "export-submissions",
        "--cycle",
        world.cycles.fukuiClinicCycle.id,
        "--format",
        "csv",
        "--encoding",
        "shift_jis",
        dir,
      ],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
    );
    expect(code).toBe(EXIT.ok);
    const [saved] = readdirSync(dir);
    expect(saved).toBe(`回答一覧_令和7年度かかりつけ医機能報告_福井県_${today()}_Shift_JIS.csv`);
    expect(Buffer.from(readFileSync(path.join(dir, saved!))).equals(Buffer.from(await download.arrayBuffer()))).toBe(
      true,
    );
  });
});

describe("readable audit history", () => {
  let submissionId: string;
  let clinicEmail: string;

  beforeAll(async () => {
    const clinic = await clinicViewer(world.institutions.tsurugaClinic.id);
    clinicEmail = clinic.email;
    const cycleId = world.cycles.fukuiClinicCycle.id;
    const first = await saveDraft(clinic, cycleId, { draftVersion: 0, answers: { f1_notice: true } });
    const second = await saveDraft(clinic, cycleId, {
      draftVersion: first.draftVersion,
      answers: { f1_notice: true, f1_areas: ["1", "9"] },
    });
    // An autosave that changed nothing.
    await saveDraft(clinic, cycleId, {
      draftVersion: second.draftVersion,
      answers: { f1_notice: true, f1_areas: ["1", "9"] },
    });
    submissionId = first.submissionId;
  });

  it("shows a clinic's autosaves as one entry, with item labels and answer labels", async () => {
    const page = await listAuditHistory(world.viewers.fukuiPrefecture, {
      entityType: "submission",
      entityId: submissionId,
      take: 50,
    });
    const [entry, ...rest] = auditEntries(page.rows);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      count: 3,
      actionLabel: "下書き保存",
      text: "下書きを保存（3回・2項目を変更）",
      subjectName: world.institutions.tsurugaClinic.name,
    });
    expect(entry!.changes.map(changeLine)).toEqual([
      "★院内掲示: （未回答） → はい",
      "★一次診療の対応ができる領域: （未回答） → 皮膚・形成外科領域、循環器系領域",
    ]);
  });

  it("filters by institution code or name", async () => {
    for (const institution of [
      world.institutions.tsurugaClinic.code,
      world.institutions.tsurugaClinic.name.slice(0, 3),
    ]) {
      const page = await listAuditHistory(world.viewers.fukuiPrefecture, { institution, take: 100 });
      expect(page.rows.some((r) => r.entityId === submissionId)).toBe(true);
      expect(page.rows.every((r) => r.subjectName === world.institutions.tsurugaClinic.name)).toBe(true);
    }
    const none = await listAuditHistory(world.viewers.fukuiPrefecture, { institution: "存在しない医院", take: 10 });
    expect(none.rows).toEqual([]);
  });

  it("filters by actor (part of the address, any case) and by action (a prefix), as the page's URL gives them", async () => {
    const byUrl = (params: Record<string, string>) =>
      listAuditHistory(world.viewers.fukuiPrefecture, { ...auditQuery(ZAuditFilter.parse(params)), take: 100 });
    // The clinic's three autosaves, found by a part of its address in capitals.
    const byClinic = await byUrl({ actor: clinicEmail.split("@")[0]!.toUpperCase() });
    expect(byClinic.rows.map((r) => [r.actorEmail, r.action, r.entityId])).toEqual(
      Array(3).fill([clinicEmail, "submission.save_draft", submissionId]),
    );
    // Another actor's events only: none of the clinic's.
    const byOfficer = await byUrl({ actor: world.users.fukuiPrefecture.email });
    expect(byOfficer.rows.every((r) => r.actorEmail === world.users.fukuiPrefecture.email)).toBe(true);
    expect(byOfficer.rows.some((r) => r.entityId === submissionId)).toBe(false);

    // An action by its full key and by its prefix; combined with the actor.
    const saves = await byUrl({ action: "submission.save_draft" });
    expect(saves.rows.length).toBeGreaterThanOrEqual(3);
    expect(saves.rows.every((r) => r.action === "submission.save_draft")).toBe(true);
    const submissionEvents = await byUrl({ action: "submission." });
    expect(submissionEvents.rows.every((r) => r.action.startsWith("submission."))).toBe(true);
    expect(submissionEvents.rows.filter((r) => r.entityId === submissionId)).toHaveLength(3);
    expect((await byUrl({ action: "submission.save_draft", actor: clinicEmail })).rows).toHaveLength(3);
    expect((await byUrl({ action: "account.", actor: clinicEmail })).rows).toEqual([]);
  });

  it("never shows another prefecture's events, by list, filter or export", async () => {
    const ishikawa = world.viewers.ishikawaPrefecture;
    const all = await listAuditHistory(ishikawa, { take: 1000 });
    expect(all.rows.some((r) => r.entityId === submissionId)).toBe(false);
    expect(
      (await listAuditHistory(ishikawa, { institution: world.institutions.tsurugaClinic.code, take: 10 })).rows,
    ).toEqual([]);
    expect((await listAuditHistory(ishikawa, { entityId: submissionId, take: 10 })).rows).toEqual([]);
    const file = await exportAuditLog(ishikawa, {}, "csv");
    expect(new TextDecoder().decode(file.bytes)).not.toContain(world.institutions.tsurugaClinic.name);
    expect(file.fileName).toMatch(/^監査ログ_石川県_\d{4}-\d{2}-\d{2}_UTF-8\.csv$/);
  });

  it("exports the filtered log as .xlsx, and audits the export", async () => {
    await actAs(world.users.fukuiPrefecture.id);
    const response = await callRouteResponse(
      AUDIT_EXPORT_ROUTE,
      "GET",
      {},
      `?format=xlsx&entity=submission&entityId=${submissionId}`,
    );
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain(
      `監査ログ_福井県_${today()}.xlsx`,
    );
    const sheet = (await workbookOf(response)).worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(cellUnder(sheet, 2, "回数")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 3 });
    expect(cellUnder(sheet, 2, "日時").type).toBe(ExcelJS.ValueType.Date);
    expect(String(cellUnder(sheet, 2, "変更内容").value)).toContain("★院内掲示: （未回答） → はい");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.export" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ prefectureCode: "18", actorId: world.users.fukuiPrefecture.id });

    await actAs(world.users.sabaeClinic.id);
    expect((await callRouteResponse(AUDIT_EXPORT_ROUTE, "GET", {}, "?format=csv")).status).toBe(403);
  });
});
