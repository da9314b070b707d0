// The demo must tell the truth about the domain (issue 11): no institution reports a fee it
// cannot bill, the function shares look like a real prefecture's (some spread between zones, a
// few points of change from one year to the next), all read through the app's own summaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import { getPrefectureDashboard, getZoneDashboard } from "@/lib/data/summaries";
import { rateValue, type TClinicSummary } from "@/lib/aggregation";
import { submittedCount } from "@/lib/aggregation/status";
import { canChooseOption, canMeetItem } from "@/lib/domain/billing-eligibility";
import { getDefinition } from "@/lib/data/questionnaires";
import { itemIndex } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { seedDemo } from "@/prisma/seed/demo";

const NOW = new Date("2025-11-20T03:00:00Z");
type TYearFigures = { name: string; summary: TClinicSummary; previous: TClinicSummary | null }[];
let figures: TYearFigures;

const pct = (count: number, n: number) => (n > 0 ? Math.round((1000 * count) / n) / 10 : null);
const fn = (s: TClinicSummary, key: string) => s.functions.find((f) => f.key === key)!;
/** 1号 over counted reports; each 2号 over 1号 有り (as the dashboards show them); 提出率. */
function headline(s: TClinicSummary) {
  const row: Record<string, number | null> = {
    提出率: pct(s.status.withRevision, s.status.respondents),
    "1号": pct(fn(s, "f1").has.count, fn(s, "f1").has.n),
  };
  for (const key of ["f2i", "f2ro", "f2ha", "f2ni"]) {
    const f = fn(s, key);
    row[f.shortLabel] = pct(f.hasOverPrimary.count, f.hasOverPrimary.n);
  }
  return row;
}

beforeAll(async () => {
  await seedDemo({ now: NOW });
  const user = await db.user.findUniqueOrThrow({ where: { email: "pref@demo.renkei.jp" } });
  const viewer = (await loadViewer(user.id))!;
  const cycle = await db.reportingCycle.findFirstOrThrow({
    where: { prefectureCode: "18", kind: "CLINIC_REPORT", fiscalYear: 2025 },
  });
  const scheme = await db.zoneScheme.findFirstOrThrow({ where: { prefectureCode: "18", isDefault: true } });
  const dashboard = await getPrefectureDashboard(viewer, {
    cycleId: cycle.id,
    schemeId: scheme.id,
    zoneId: null,
    kind: "ALL",
    confirmedOnly: false,
  });
  figures = [{ name: "福井県", summary: dashboard.prefecture.summary, previous: dashboard.prefecture.previous }];
  // Each zone's last year is on its zone view (the prefecture view sends only this year's zones).
  for (const z of dashboard.zones) {
    const view = await getZoneDashboard(viewer, { ...dashboard.filter, zoneId: z.id });
    figures.push({ name: z.name, summary: view.zone.summary, previous: view.zone.previous });
  }
  // The headline figures, for the README and the closing note.
  for (const f of figures) {
    console.log(
      `[demo-figures] ${f.name} R6 ${JSON.stringify(f.previous && headline(f.previous))} R7 ${JSON.stringify(headline(f.summary))}`,
    );
  }
});

afterAll(() => undefined);

describe("demo figures", () => {
  it("the 提出状況 parts add up to 対象 for the prefecture and every zone, both years (issue 19)", () => {
    for (const f of figures) {
      for (const summary of [f.summary, f.previous].filter((s): s is TClinicSummary => s !== null)) {
        const { byStatus, respondents, withRevision } = summary.status;
        const parts = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
        expect(parts, `${f.name}: 未着手＋下書き＋提出済＋差戻し＋確認済`).toBe(respondents);
        expect(submittedCount(byStatus), `${f.name}: 提出 = 提出済＋差戻し＋確認済`).toBe(withRevision);
      }
    }
  });

  it("no submitted answer claims a fee or an option the institution cannot bill", async () => {
    const submissions = await db.submission.findMany({
      where: { institutionId: { not: null }, revision: { gt: 0 } },
      include: { institution: true },
    });
    expect(submissions.length).toBeGreaterThan(100);
    const definitions = new Map<string, Awaited<ReturnType<typeof getDefinition>>>();
    const violations: string[] = [];
    for (const s of submissions) {
      if (!definitions.has(s.questionnaireVersionId))
        definitions.set(s.questionnaireVersionId, await getDefinition(s.questionnaireVersionId));
      const items = itemIndex(definitions.get(s.questionnaireVersionId)!);
      const shape = { kind: s.institution!.kind, beds: s.institution!.beds };
      for (const [key, value] of Object.entries(s.answers as TAnswers)) {
        const item = items.get(key)!;
        const met = value === true || (typeof value === "number" && value > 0);
        if (met && !canMeetItem(item.label, shape)) violations.push(`${s.institution!.name} ${key}=${value}`);
        if (item.type === "single" && typeof value === "string") {
          const option = item.options.find((o) => o.code === value)!;
          if (!canChooseOption(item.label, option.label, shape))
            violations.push(`${s.institution!.name} ${key}=${value}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("clinics without beds never report 入退院支援加算; hospitals mostly do", async () => {
    const rows = await db.submission.findMany({
      where: { institutionId: { not: null }, revision: { gt: 0 }, cycle: { fiscalYear: 2025 } },
      include: { institution: true },
    });
    const withFee = (kind: "HOSPITAL" | "CLINIC", bedded: boolean) =>
      rows.filter(
        (r) =>
          r.institution!.kind === kind &&
          (r.institution!.beds ?? 0) > 0 === bedded &&
          ((r.answers as TAnswers).ro_discharge_support_count as number | undefined) !== undefined,
      );
    const claimed = (list: typeof rows) =>
      list.filter((r) => ((r.answers as TAnswers).ro_discharge_support_count as number) > 0).length;
    expect(claimed(withFee("CLINIC", false))).toBe(0);
    const hospitals = withFee("HOSPITAL", true);
    expect(claimed(hospitals)).toBeGreaterThan(hospitals.length / 2);
  });

  it("not every 1号 reporter has every 2号 function, and the shares differ by function", () => {
    const prefecture = figures[0]!.summary;
    for (const key of ["f2i", "f2ro", "f2ha", "f2ni"]) {
      const share = rateValue(fn(prefecture, key).hasOverPrimary)!;
      expect(share, key).toBeGreaterThan(0.15);
      expect(share, key).toBeLessThan(0.9);
    }
    // (ロ) is for institutions with beds: far below (ニ), which most institutions do.
    expect(rateValue(fn(prefecture, "f2ro").hasOverPrimary)!).toBeLessThan(
      rateValue(fn(prefecture, "f2ni").hasOverPrimary)! - 0.2,
    );
  });

  it("every function changes by a believable amount from one year to the next, prefecture-wide", () => {
    const { summary, previous } = figures[0]!;
    for (const key of ["f1", "f2i", "f2ro", "f2ha", "f2ni"]) {
      const rate = (s: TClinicSummary) => rateValue(key === "f1" ? fn(s, key).has : fn(s, key).hasOverPrimary)!;
      expect(Math.abs(rate(summary) - rate(previous!)), key).toBeLessThan(0.1);
    }
  });

  it("zones differ from each other", () => {
    const zones = figures.slice(1).map((f) => rateValue(fn(f.summary, "f2ha").hasOverPrimary)!);
    expect(Math.max(...zones) - Math.min(...zones)).toBeGreaterThan(0.03);
  });
});
