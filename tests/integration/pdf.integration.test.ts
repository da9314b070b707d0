// @vitest-environment node
// Every PDF document rendered for the demo prefecture (seedDemo) from the same loaders the routes
// use, its text extracted with pdftotext (poppler-utils), and checked against the dashboard
// bundle: key figures equal the summaries, Japanese text comes out intact, no stray "-" inside
// Japanese words, page numbers and the 架空のデモデータ mark on every page. Also: a document through
// the worker pool, the council's scope, and the background ZIP of every zone.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { seedDemo } from "@/prisma/seed/demo";
import { getZonePacketInput, getPrefectureSummaryInput, getRespondentDocumentInput } from "@/lib/data/documents";
import { getDocumentJobFile, getDocumentJobProgress } from "@/lib/data/document-jobs";
import { createPacketBatchJob, runPacketBatchJob } from "@/lib/services/document-jobs";
import { renderDocument } from "@/lib/pdf/render";
import { closePdfPool, renderPdf } from "@/lib/pdf/pool";
import type { TDocumentRequest } from "@/lib/pdf/props";
import { issueCandidates, ISSUE_CANDIDATE_RULE, PRIMARY_FUNCTION_KEY } from "@/lib/aggregation";
import { formatInteger, formatRate } from "@/lib/format";
import { fiscalYearLabel, formatDateTime, formatWareki } from "@/lib/domain/wareki";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { formatAnswer } from "@/lib/questionnaire/format";
import { parseSummaryParams, type TSummaryParams } from "@/lib/summaries/params";
import { hasPoppler } from "@/tests/support/tools";

const run = promisify(execFile);
const NOW = new Date();
const tmp = mkdtempSync(path.join(os.tmpdir(), "renkei-pdf-it-"));
let poppler = false;
const viewers: Record<"prefecture" | "council" | "clinic" | "hub", TViewer> = {} as never;
let cycleId = "";
let previousClinicCycleId = "";
let previousHubCycleId = "";
let schemeId = "";
const zoneIds = new Map<string, string>();

async function viewerOf(email: string): Promise<TViewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await loadViewer(user.id))!;
}

/** pdftotext of every page: pages[i] is page i + 1. */
async function pdfPages(bytes: Uint8Array, name: string): Promise<string[]> {
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, bytes);
  // -layout keeps each table row on one line (the default reading order interleaves columns).
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

function expectCommonChecks(pages: string[], options: { pageNumbers: boolean }) {
  const all = pages.join("\n");
  pages.forEach((page, i) => {
    expect(page, `page ${i + 1} demo mark`).toContain("架空のデモデータ");
    if (options.pageNumbers) expect(squash(page), `page ${i + 1} number`).toContain(`${i + 1}/${pages.length}`);
  });
  // No "-" glued to Japanese: react-pdf draws one at a line end when it breaks between syllables.
  expect(all).not.toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]-\s*\n/u);
  expect(all).not.toMatch(/\n-[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
  // Replacement characters or empty boxes would mean missing glyphs.
  expect(all).not.toContain("\ufffd");
}

/** pdftotext keeps each drawn line together; compare without the spaces it may insert between runs. */
const squash = (s: string) => s.replace(/[ \t]+/g, "");

const params = (extra: Partial<TSummaryParams> = {}): TSummaryParams => ({
  ...parseSummaryParams({}),
  cycleId,
  schemeId,
  ...extra,
});

beforeAll(async () => {
  poppler = await hasPoppler();
  await seedDemo({ now: NOW });
  viewers.prefecture = await viewerOf("pref@demo.renkei.jp");
  viewers.council = await viewerOf("council@demo.renkei.jp");
  viewers.clinic = await viewerOf("clinic@demo.renkei.jp");
  viewers.hub = await viewerOf("hub@demo.renkei.jp");
  const cycles = await db.reportingCycle.findMany({ where: { prefectureCode: "18" } });
  cycleId = cycles.find((c) => c.kind === "CLINIC_REPORT" && c.fiscalYear === 2025)!.id;
  previousClinicCycleId = cycles.find((c) => c.kind === "CLINIC_REPORT" && c.fiscalYear === 2024)!.id;
  previousHubCycleId = cycles.find((c) => c.kind === "HUB_SELF_ASSESSMENT" && c.fiscalYear === 2024)!.id;
  const scheme = await db.zoneScheme.findFirstOrThrow({
    where: { prefectureCode: "18", isDefault: true },
    include: { zones: true },
  });
  schemeId = scheme.id;
  for (const z of scheme.zones) zoneIds.set(z.name, z.id);
});

afterAll(async () => {
  await closePdfPool();
  rmSync(tmp, { recursive: true, force: true });
});

describe("council packet (協議の場資料)", () => {
  it("prints the zone dashboard's figures, Japanese intact, page numbers and the demo mark on every page", async (context) => {
    if (!poppler) context.skip();
    const input = await getZonePacketInput(viewers.prefecture, params({ zoneId: zoneIds.get("丹南")! }));
    const d = input.dashboard;
    const { bytes, pages: pageCount } = await renderDocument({ kind: "zonePacket", input });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pages = await pdfPages(bytes, "zone");
    expect(pages).toHaveLength(pageCount);
    expectCommonChecks(pages, { pageNumbers: true });
    const text = squash(pages.join("\n"));

    // Cover: zone, 年度 and date in 和暦, contents.
    expect(text).toContain("丹南");
    expect(text).toContain(fiscalYearLabel(2025));
    expect(text).toContain(squash(formatWareki(new Date(input.generatedAt))));
    expect(text).toContain("かかりつけ医機能");
    expect(text).toContain("目次");
    expect(text).toContain(
      `${formatInteger(d.zone.summary.n)}件（対象医療機関${formatInteger(d.zone.summary.status.respondents)}機関）`,
    );

    // 1号/2号: count over n and the share, for the zone and the prefecture.
    for (const f of d.zone.summary.functions) {
      expect(text).toContain(`${formatInteger(f.has.count)}/${formatInteger(f.has.n)}`);
      expect(text).toContain(formatRate(f.has.count, f.has.n));
      const p = d.prefecture.functions.find((x) => x.key === f.key)!;
      expect(text).toContain(formatRate(p.has.count, p.has.n));
    }
    const f1 = d.zone.summary.functions.find((f) => f.key === PRIMARY_FUNCTION_KEY)!;
    expect(f1.has.n).toBe(d.zone.summary.n);

    // 17 areas, other zones, 課題の候補 (with the minimum-n rule stated), pools, hubs, appendix.
    for (const a of d.zone.summary.areas.areas)
      expect(text).toContain(`${a.label}${formatInteger(a.offered.count)}${formatRate(a.offered.count, a.offered.n)}`);
    for (const z of d.otherZones ?? []) expect(text).toContain(z.name);
    for (const c of issueCandidates(d.comparison)) expect(text).toContain(squash(c.label));
    // Prose wraps: phrases are checked with line breaks removed.
    expect(text.replace(/\s+/g, "")).toContain(ISSUE_CANDIDATE_RULE.replace(/\s+/g, ""));
    for (const r of d.institutions) expect(text).toContain(r.code);
    for (const h of d.hubs.hubs) expect(text).toContain(squash(h.name));
    for (const m of d.municipalities) expect(text).toContain(m.name);
    expect(text).toContain("テーマ6:在宅医療の連携拠点");
    expect(text).toContain("⑤対応策と担当");
  });

  it("for a council shows only its own zone, and refuses another zone", async (context) => {
    if (!poppler) context.skip();
    const council = viewers.council;
    const input = await getZonePacketInput(council, params({ zoneId: zoneIds.get("丹南")! }));
    expect(input.dashboard.otherZones).toBeNull();
    const pages = await pdfPages((await renderDocument({ kind: "zonePacket", input })).bytes, "council");
    expectCommonChecks(pages, { pageNumbers: true });
    const text = squash(pages.join("\n"));
    expect(text.replace(/\s+/g, "")).toContain("他の圏域の数値は含みません");
    expect(text).not.toContain("福井・坂井");
    await expect(getZonePacketInput(council, params({ zoneId: zoneIds.get("嶺南")! }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getPrefectureSummaryInput(council, params())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("prefecture summary (全圏域の集計)", () => {
  it("puts every zone side by side with the dashboard's figures", async (context) => {
    if (!poppler) context.skip();
    const input = await getPrefectureSummaryInput(viewers.prefecture, params());
    const d = input.dashboard;
    const pages = await pdfPages((await renderDocument({ kind: "prefectureSummary", input })).bytes, "prefecture");
    expectCommonChecks(pages, { pageNumbers: true });
    const text = squash(pages.join("\n"));
    expect(text).toContain("全圏域の集計");
    for (const z of [...d.zones, { name: `${d.cycle.prefectureName}全体`, summary: d.prefecture.summary }]) {
      expect(text).toContain(squash(z.name));
      for (const f of z.summary.functions)
        expect(text).toContain(`${formatInteger(f.has.count)}（${formatRate(f.has.count, f.has.n)}）`);
    }
  });
});

describe("clinic documents", () => {
  it("院内掲示: the institution's functions in large type, for patients", async (context) => {
    if (!poppler) context.skip();
    const input = await getRespondentDocumentInput(viewers.clinic, previousClinicCycleId, { document: "clinicNotice" });
    const { bytes, pages: count } = await renderDocument({ kind: "clinicNotice", input });
    expect(count).toBe(1);
    const pages = await pdfPages(bytes, "notice");
    expectCommonChecks(pages, { pageNumbers: false });
    const text = squash(pages[0]!);
    expect(text).toContain("当院のかかりつけ医機能について");
    expect(text).toContain(input.respondent.name);
    for (const fn of input.definition.functions) {
      expect(text).toContain(squash(fn.label));
    }
    const marks = text.match(/あり|なし/g) ?? [];
    const expected = input.definition.functions.map((fn) =>
      input.revision.derived.functions[fn.key]?.has ? "あり" : "なし",
    );
    expect(marks.slice(0, expected.length)).toEqual(expected);
    expect(text).toContain(squash(formatWareki(new Date(input.revision.submittedAt))));
    // Hubs have no 院内掲示.
    await expect(
      getRespondentDocumentInput(viewers.hub, previousHubCycleId, { document: "clinicNotice" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("提出控え: every visible answer, the derived status, revision, receipt number, 和暦 and 西暦", async (context) => {
    if (!poppler) context.skip();
    const input = await getRespondentDocumentInput(viewers.clinic, previousClinicCycleId, {
      document: "submissionCopy",
    });
    const pages = await pdfPages((await renderDocument({ kind: "submissionCopy", input })).bytes, "copy");
    expectCommonChecks(pages, { pageNumbers: true });
    const text = squash(pages.join("\n"));
    expect(text).toContain(input.receiptNumber);
    expect(text).toContain(`第${input.revision.number}版`);
    const submittedAt = new Date(input.revision.submittedAt);
    expect(text).toContain(squash(formatWareki(submittedAt)));
    expect(text).toContain(squash(formatDateTime(submittedAt)));
    const { visibility } = evaluateAnswers(input.definition, input.revision.answers);
    for (const section of input.definition.sections.filter((s) => visibility.sections.has(s.key))) {
      expect(text).toContain(squash(section.title));
      for (const item of section.items.filter(
        (i) => visibility.items.has(i.key) && i.type !== "group" && i.type !== "partners",
      )) {
        expect(text).toContain(
          squash(formatAnswer(item, input.revision.answers[item.key])).split("\n")[0]!.slice(0, 12),
        );
      }
    }
    for (const fn of input.definition.functions) {
      const status = input.revision.derived.functions[fn.key]!;
      expect(text).toContain(squash(fn.label));
      expect(text).toContain(status.has ? "有り" : "無し");
    }
  });

  it("the hub's 提出控え lists its scores per duty", async (context) => {
    if (!poppler) context.skip();
    const input = await getRespondentDocumentInput(viewers.hub, previousHubCycleId, { document: "submissionCopy" });
    const pages = await pdfPages((await renderDocument({ kind: "submissionCopy", input })).bytes, "hubcopy");
    expectCommonChecks(pages, { pageNumbers: true });
    const text = squash(pages.join("\n"));
    for (const g of input.revision.derived.scores!.groups) {
      expect(text).toContain(`${squash(g.label)}${g.required.met}/${g.required.n}`);
    }
    // The PDCA plan is a table with one column per field (not a run-on "課題: … / 対応策: …" cell),
    // the header row holds every field label.
    const pdca = input.definition.sections.flatMap((s) => s.items).find((i) => i.type === "group")!;
    expect(pdca.type === "group" && pdca.fields.length).toBeGreaterThanOrEqual(9);
    const fields = pdca.type === "group" ? pdca.fields.map((f) => squash(f.label)) : [];
    const pdcaPage = pages.find((p) => squash(p).includes(squash(pdca.label)))!;
    expect(pdcaPage).toBeDefined();
    const headerLine = pdcaPage.split("\n").find((line) => fields.every((f) => squash(line).includes(f)));
    expect(headerLine, "a header row with every field").toBeDefined();
    expect(text).not.toContain(`${fields[0]}:`);
  });
});

describe("off the request thread", () => {
  it("renders in a renderer process the same document as in-process", async () => {
    const input = await getZonePacketInput(viewers.prefecture, params({ zoneId: zoneIds.get("奥越")! }));
    const request: TDocumentRequest = { kind: "zonePacket", input };
    const [inRenderer, inProcess] = await Promise.all([renderPdf(request), renderDocument(request)]);
    expect(inRenderer.pages).toBe(inProcess.pages);
    expect(Buffer.from(inRenderer.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  }, 60_000);

  it("a renderer killed mid-document fails that document alone; the next renders in a fresh process", async () => {
    const input = await getZonePacketInput(viewers.prefecture, params({ zoneId: zoneIds.get("奥越")! }));
    const request: TDocumentRequest = { kind: "zonePacket", input };
    await renderPdf(request); // a warm renderer, so the kill lands during the document
    const rendering = renderPdf(request);
    const renderer = rendererPids();
    expect(renderer).toHaveLength(1);
    expect(renderer[0]).not.toBe(process.pid);
    process.kill(renderer[0]!, "SIGKILL");
    await expect(rendering).rejects.toThrow(/renderer process ended/);
    const again = await renderPdf(request);
    expect(Buffer.from(again.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    expect(rendererPids()).not.toContain(renderer[0]);
  }, 60_000);

  it("makes every zone's packet and the summary as one ZIP in a background job, for the prefecture only", async () => {
    const { jobId, status } = await createPacketBatchJob(viewers.prefecture, params());
    expect(status).toBe("QUEUED");
    // A second click while it is queued is the same job.
    expect((await createPacketBatchJob(viewers.prefecture, params())).jobId).toBe(jobId);
    await runPacketBatchJob(jobId);
    const progress = await getDocumentJobProgress(viewers.prefecture, jobId);
    expect(progress).toMatchObject({ status: "SUCCEEDED", done: 5, total: 5 });
    expect(progress.fileName).toMatch(/\.zip$/);
    const file = await getDocumentJobFile(viewers.prefecture, jobId);
    const zipPath = path.join(tmp, "batch.zip");
    writeFileSync(zipPath, file.bytes);
    const { stdout } = await run("zipinfo", ["-1", zipPath]);
    const entries = stdout.trim().split("\n");
    expect(entries).toHaveLength(5);
    expect(entries[0]).toMatch(/^00_福井県_令和7年度_全圏域の集計/);
    for (const zone of ["福井・坂井", "奥越", "丹南", "嶺南"])
      expect(entries.some((e) => e.endsWith(`協議の場資料_${zone}.pdf`))).toBe(true);
    await expect(getDocumentJobProgress(viewers.council, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDocumentJobFile(viewers.council, jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createPacketBatchJob(viewers.council, params())).rejects.toMatchObject({ code: "FORBIDDEN" });
  }, 120_000);
});

/** The renderer processes this test process has forked (lib/pdf/render-process.mjs). */
function rendererPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
        return parent === process.pid && command.includes("render-process.mjs") ? [Number(entry)] : [];
      } catch {
        return []; // ended meanwhile
      }
    });
}
