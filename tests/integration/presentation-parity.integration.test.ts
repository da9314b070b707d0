// @vitest-environment node
// The screen and the packet say the same thing about every number (issue 17): a zone's dashboard
// data is put through the rows the dashboard draws (lib/summaries), the council packet is rendered
// as a real PDF and read back with pdftotext, and every figure, difference and judgement text of
// those rows must stand on the packet's line for the same indicator. The same holds for last year's
// council measures (issue 15): every follow-up row of the dashboard is in the packet.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import { seedDemo } from "@/prisma/seed/demo";
import { getZonePacketInput } from "@/lib/data/documents";
import { getDashboardFollowUp } from "@/lib/data/council-follow-up";
import { followUpRow, type TCouncilFollowUp } from "@/lib/summaries/council";
import { renderDocument } from "@/lib/pdf/render";
import { parseSummaryParams } from "@/lib/summaries/params";
import { changeRows, comparisonRows, issueSummary } from "@/lib/summaries/indicator-rows";
import { headlineCards } from "@/lib/summaries/cards";
import { municipalityRows } from "@/lib/summaries/municipalities";
import type { TZoneDashboard } from "@/lib/summaries/types";
import { hasPoppler } from "@/tests/support/tools";

const run = promisify(execFile);
const tmp = mkdtempSync(path.join(os.tmpdir(), "renkei-parity-"));
let poppler = false;
let dashboard: TZoneDashboard;
/** The follow-up the dashboard's 「前年度の協議結果と進捗」 block gets, and the packet's. */
let dashboardFollowUp: TCouncilFollowUp | null;
let packetFollowUp: TCouncilFollowUp | null | undefined;
let lines: string[] = [];

/** pdftotext keeps a table row on one line; compare without the spaces it puts between cells. */
const squash = (text: string) => text.replace(/\s+/g, "");

beforeAll(async () => {
  poppler = await hasPoppler();
  if (!poppler) return;
  await seedDemo({ now: new Date() });
  const user = await db.user.findUniqueOrThrow({ where: { email: "pref@demo.renkei.jp" } });
  const viewer = (await loadViewer(user.id))!;
  const cycle = await db.reportingCycle.findFirstOrThrow({
    where: { prefectureCode: "18", kind: "CLINIC_REPORT", fiscalYear: 2025 },
  });
  const scheme = await db.zoneScheme.findFirstOrThrow({
    where: { prefectureCode: "18", isDefault: true },
    include: { zones: true },
  });
  const zone = scheme.zones.find((z) => z.name === "丹南")!;
  const input = await getZonePacketInput(viewer, {
    ...parseSummaryParams({}),
    cycleId: cycle.id,
    schemeId: scheme.id,
    zoneId: zone.id,
  });
  dashboard = input.dashboard;
  packetFollowUp = input.councilFollowUp;
  dashboardFollowUp = await getDashboardFollowUp(viewer, { cycleId: cycle.id, zoneId: zone.id });
  const file = path.join(tmp, "zone.pdf");
  writeFileSync(file, (await renderDocument({ kind: "zonePacket", input })).bytes);
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 << 20 });
  lines = stdout.split("\n").map(squash);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The packet's lines that start with the label (a table row about that indicator). A long label
 * wraps in its column, so only its first 12 characters are matched; the areas' rows are headed by
 * the area's name without the indicator's "一次診療" prefix.
 */
const rowsOf = (label: string) => {
  const head = squash(label.replace(/^一次診療\s*/, "")).slice(0, 12);
  return lines.filter((line) => line.startsWith(head));
};

describe("the council packet prints what the zone dashboard shows", () => {
  it("every area and item: value, prefecture, difference and judgement on one line", (context) => {
    if (!poppler) context.skip();
    const rows = comparisonRows(dashboard.comparison).filter((r) => r.group === "areas" || r.group === "items");
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const expected = [row.value, row.reference, row.difference, row.judgementLabel].map(squash);
      const matching = rowsOf(row.label).filter((line) => expected.every((text) => line.includes(text)));
      expect(matching, `${row.label}: ${expected.join(" ")}`).not.toHaveLength(0);
    }
  });

  it("every function: its share, the prefecture's, the difference and the change from last year", (context) => {
    if (!poppler) context.skip();
    const changes = new Map(changeRows(dashboard.zone.change).map((r) => [r.key, r]));
    for (const fn of dashboard.zone.summary.functions) {
      const row = comparisonRows(dashboard.comparison).find((r) => r.key === `${fn.key}.has`)!;
      const change = changes.get(`${fn.key}.has`);
      const expected = [row.valueDetail, row.value, row.reference, row.difference, change?.delta ?? "—"].map(squash);
      const matching = rowsOf(fn.label).filter((line) => expected.every((text) => line.includes(text)));
      expect(matching, `${fn.label}: ${expected.join(" ")}`).not.toHaveLength(0);
    }
  });

  it("the 課題の候補 list: the same indicators with the same figures", (context) => {
    if (!poppler) context.skip();
    const { candidates } = issueSummary(dashboard.comparison);
    expect(candidates.length).toBeGreaterThan(0);
    const text = lines.join("\n");
    expect(text).toContain(squash(`課題の候補（${candidates.length}件）`));
    for (const row of candidates) {
      const expected = [row.value, row.reference, row.difference].map(squash);
      expect(
        lines.some((line) => line.includes(squash(row.label)) && expected.every((t) => line.includes(t))),
        row.label,
      ).toBe(true);
    }
  });

  it("the headline figures and every municipality's shares", (context) => {
    if (!poppler) context.skip();
    const text = lines.join("\n");
    for (const card of headlineCards(dashboard.zone.summary).filter((c) => c.key !== "per10k65"))
      expect(text, card.label).toContain(squash(card.value));
    const { rows } = municipalityRows(
      dashboard.municipalities.map((m) => ({ key: m.code, name: m.name, summary: m.summary })),
    );
    for (const row of rows) {
      const matching = rowsOf(row.name).filter((line) =>
        row.functions.every((cell) => line.includes(`${cell.count}（${cell.text}）`)),
      );
      expect(matching, row.name).not.toHaveLength(0);
    }
  });

  it("every measure of last year's council record: baseline → current → target, verdict and n as the dashboard shows them", (context) => {
    if (!poppler) context.skip();
    // The seeded 令和6年度 丹南 record (prisma/seed/council-records.ts), followed up in 令和7年度.
    expect(dashboardFollowUp).not.toBeNull();
    const rows = dashboardFollowUp!.measures.map(followUpRow);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // The packet is built from the same follow-up as the dashboard block.
    expect(packetFollowUp?.measures.map(followUpRow)).toEqual(rows);
    // A block of text may wrap across lines: read the section as one string.
    const text = lines.join("");
    const section = text.slice(text.indexOf(squash("対応策の進捗（基準値 → 現在値 → 目標）")));
    expect(section.length).toBeLessThan(text.length);
    // Every seeded measure's indicator is asked in both 年度: a frozen baseline, a current value and
    // a verdict (not 基準値なし); the demo shows several kinds of progress, not all 達成.
    const seeded = dashboardFollowUp!.measures;
    for (const m of seeded) {
      expect(m.baseline?.value ?? null, m.title).not.toBeNull();
      expect(m.baseline!.base, m.title).toBeGreaterThan(0);
      expect(["achieved", "improved", "flat", "worsened"], m.title).toContain(m.progress?.verdict);
    }
    expect(new Set(seeded.map((m) => m.progress?.verdict)).size).toBeGreaterThanOrEqual(3);
    rows.forEach((row, i) => {
      expect(row.verdictCode, row.measure).not.toBeNull();
      expect(row.current, row.measure).not.toBe("—");
      const expected = squash(
        [
          `対応策${i + 1}: ${row.measure}`,
          `課題: ${row.issue}　担当: ${row.owner}　時期: ${row.period}　状況: ${row.status}`,
          `指標: ${row.indicator}`,
          `基準値（決定時）: ${row.baseline || "—"} → 現在値: ${row.current} → 目標: ${row.target}　判定: ${row.verdict}（${row.n}）`,
        ].join(""),
      );
      expect(section, `${row.measure}: ${expected}`).toContain(expected);
    });
  });
});
