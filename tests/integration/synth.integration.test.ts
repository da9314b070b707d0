// `npm run renkei -- synth` on a real database, small: two prefectures, 500 institutions. Checks
// that every stored answer set is valid for its definition, that the pre-aggregated counters equal
// figures counted here directly from the rows (by hand, not with lib/aggregation), that a run is
// deterministic, and that existing data is never overwritten without --reset (nor real data even
// with it).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDefinition } from "@/lib/data/questionnaires";
import { getSummaryView } from "@/lib/data/summary-views";
import { parseSummaryParams } from "@/lib/summaries/params";
import { validateAnswers } from "@/lib/questionnaire/answer-schema";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { findItemByTag } from "@/lib/questionnaire/definition";
import { parseInstitutionCode, parseMunicipalityCode } from "@/lib/domain/codes";
import { CLINIC_COUNTERS_FORMAT, sumClinicCounters, summarizeClinic, type TClinicCounters } from "@/lib/aggregation";
import { EXIT, runRenkei } from "@/scripts/lib/renkei-commands";
import { synthesize, SynthConflictError, type TSynthResult } from "@/scripts/lib/synth";

const NOW = new Date("2025-11-20T03:00:00Z");
const OPTIONS = { institutions: 500, prefectures: ["13", "31"], seed: "integration", now: NOW };
let result: TSynthResult;

/** A digest of every synthetic row (ids, codes, names, answers, dates): equal digests, equal data. */
async function fingerprint(): Promise<string> {
  const rows = await db.$queryRaw<{ digest: string }[]>`
    SELECT md5(
      (SELECT string_agg(m::text, '|' ORDER BY m."code") FROM "Municipality" m) ||
      (SELECT string_agg(z."id" || z."code" || z."name", '|' ORDER BY z."id") FROM "Zone" z) ||
      (SELECT string_agg(i."id" || i."code" || i."name" || i."municipalityCode" || i."isActive"::text, '|' ORDER BY i."id") FROM "Institution" i) ||
      (SELECT string_agg(s."id" || s."status" || s."answers"::text || coalesce(s."derived"::text, '') || coalesce(s."submittedAt"::text, ''), '|' ORDER BY s."id") FROM "Submission" s) ||
      (SELECT string_agg(r."id" || r."answers"::text || r."submittedAt"::text, '|' ORDER BY r."id") FROM "SubmissionRevision" r)
    ) AS digest`;
  return rows[0]!.digest;
}

beforeAll(async () => {
  result = await synthesize(OPTIONS);
}, 300_000);

describe("synthesize (2 prefectures, 500 institutions)", () => {
  it("writes fictional prefectures with valid codes, zones, institutions, hubs and two cycles of each questionnaire", async () => {
    expect(result.institutions).toBe(500);
    expect(result.prefectures.map((p) => p.code)).toEqual(["13", "31"]);
    expect(await db.institution.count()).toBe(500);
    expect(result.hospitals + result.clinics).toBe(500);
    for (const p of result.prefectures) {
      const prefecture = await db.prefecture.findUniqueOrThrow({ where: { code: p.code } });
      expect(prefecture.isDemo).toBe(true);
      const municipalities = await db.municipality.findMany({ where: { prefectureCode: p.code } });
      expect(municipalities).toHaveLength(p.municipalities);
      for (const m of municipalities) {
        expect(parseMunicipalityCode(m.code).ok).toBe(true);
        expect(m.name).toContain("（架空）");
        expect(m.populationSource).toContain("合成データ");
      }
      const schemes = await db.zoneScheme.findMany({
        where: { prefectureCode: p.code },
        include: { zones: { include: { municipalities: true } } },
      });
      expect(schemes.map((s) => [s.kind, s.isDefault]).sort()).toEqual([
        ["HOME_CARE_AREA", false],
        ["SECONDARY_MEDICAL_AREA", true],
      ]);
      for (const scheme of schemes) {
        expect(scheme.zones.flatMap((z) => z.municipalities).length).toBe(p.municipalities);
      }
      expect(await db.hub.count({ where: { prefectureCode: p.code } })).toBe(p.hubs);
      const cycles = await db.reportingCycle.findMany({
        where: { prefectureCode: p.code },
        orderBy: [{ kind: "asc" }, { fiscalYear: "asc" }],
      });
      expect(cycles.map((c) => [c.kind, c.fiscalYear, c.status])).toEqual([
        ["CLINIC_REPORT", 2024, "CLOSED"],
        ["CLINIC_REPORT", 2025, "OPEN"],
        ["HUB_SELF_ASSESSMENT", 2024, "CLOSED"],
        ["HUB_SELF_ASSESSMENT", 2025, "OPEN"],
      ]);
      expect(p.zones.reduce((a, z) => a + z.institutions, 0)).toBe(p.hospitals + p.clinics);
    }
    const codes = await db.institution.findMany({ select: { code: true, prefectureCode: true } });
    for (const i of codes) expect(parseInstitutionCode(i.code, i.prefectureCode).ok).toBe(true);
    const statuses = await db.submission.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["CONFIRMED", "DRAFT", "RETURNED", "SUBMITTED"]);
    // Some respondents have not started this year (no Submission row).
    const current = await db.submission.count({ where: { cycleId: result.prefectures[0]!.cycles.clinicCurrent } });
    expect(current).toBeLessThan(result.prefectures[0]!.hospitals + result.prefectures[0]!.clinics);
  });

  it("stores only answers valid for their definition, with the derived status of those answers", async () => {
    const submissions = await db.submission.findMany({ include: { revisions: true } });
    expect(submissions.length).toBeGreaterThan(500);
    let revisions = 0;
    for (const s of submissions) {
      const def = await getDefinition(s.questionnaireVersionId);
      if (s.status === "DRAFT") {
        expect(s.revision).toBe(0);
        expect(validateAnswers(def, s.answers, "draft").ok).toBe(true);
        continue;
      }
      expect(s.revisions).toHaveLength(s.revision);
      for (const r of s.revisions) {
        revisions += 1;
        const check = validateAnswers(def, r.answers, "submit");
        expect(check.ok, JSON.stringify(check)).toBe(true);
        expect(r.derived).toEqual(computeStoredDerived(def, r.answers as never));
      }
      const latest = s.revisions.find((r) => r.revision === s.revision)!;
      expect(s.derived).toEqual(latest.derived);
      if (!s.isAmending) expect(s.answers).toEqual(latest.answers);
    }
    expect(revisions).toBe(result.prefectures.reduce((a, p) => a + p.revisions, 0));
  });

  it("leaves counters equal to a direct count of the reports", async () => {
    for (const p of result.prefectures) {
      for (const cycleId of [p.cycles.clinicPrevious, p.cycles.clinicCurrent]) {
        const cycle = await db.reportingCycle.findUniqueOrThrow({ where: { id: cycleId } });
        const areaKey = findItemByTag(await getDefinition(cycle.questionnaireVersionId), "primaryCareAreas")!.key;
        const total = await db.clinicCounterTotal.findUniqueOrThrow({ where: { cycleId } });
        const cells = await db.clinicCounterCell.findMany({ where: { cycleId } });
        expect(total.format).toBe(CLINIC_COUNTERS_FORMAT);
        expect(cells.map((c) => c.municipalityCode).sort()).toEqual(
          (await db.municipality.findMany({ where: { prefectureCode: p.code } })).map((m) => m.code).sort(),
        );
        expect(sumClinicCounters(cells.map((c) => c.counters as unknown as TClinicCounters))).toEqual(total.counters);

        // Counted by hand from the rows: respondents are active institutions and inactive ones
        // that reported; a report counts when it has a submitted revision (its latest one).
        const institutions = await db.institution.findMany({
          where: { prefectureCode: p.code },
          include: { submissions: { where: { cycleId }, include: { revisions: true } } },
        });
        const expected = { respondents: 0, byStatus: {} as Record<string, number>, n: 0, f1: 0, f2haBoth: 0, area9: 0 };
        for (const inst of institutions) {
          const s = inst.submissions[0];
          if (!inst.isActive && !(s && s.revision > 0)) continue;
          expected.respondents += 1;
          const status = s?.status ?? "NOT_STARTED";
          expected.byStatus[status] = (expected.byStatus[status] ?? 0) + 1;
          if (!s || s.revision === 0) continue;
          expected.n += 1;
          const latest = s.revisions.find((r) => r.revision === s.revision)!;
          const functions = (latest.derived as { functions: Record<string, { has: boolean; mode: string | null }> })
            .functions;
          if (functions.f1?.has) expected.f1 += 1;
          if (functions.f2ha?.has && functions.f2ha.mode === "both") expected.f2haBoth += 1;
          const areas = (latest.answers as Record<string, unknown>)[areaKey];
          if (Array.isArray(areas) && areas.includes("9")) expected.area9 += 1;
        }
        const summary = summarizeClinic(total.counters as unknown as TClinicCounters);
        expect(summary.status.respondents).toBe(expected.respondents);
        for (const [status, count] of Object.entries(expected.byStatus))
          expect(summary.status.byStatus[status as "DRAFT"]).toBe(count);
        expect(summary.n).toBe(expected.n);
        expect(summary.functions.find((f) => f.key === "f1")!.has.count).toBe(expected.f1);
        expect(summary.functions.find((f) => f.key === "f2ha")!.modes.both.overN.count).toBe(expected.f2haBoth);
        expect(summary.areas.areas.find((a) => a.code === "9")!.offered.count).toBe(expected.area9);
        expect(expected.n).toBeGreaterThan(0);
      }
    }
  });

  it("serves the prefecture dashboard of a synthetic prefecture", async () => {
    const tokyo = result.prefectures.find((p) => p.code === "13")!;
    const viewer = {
      role: "prefecture" as const,
      prefectureCode: "13",
      userId: null,
      email: "synth@example.jp",
      name: "合成",
    };
    const view = await getSummaryView(viewer, parseSummaryParams(new URLSearchParams()));
    expect(view.level).toBe("prefecture");
    if (view.level !== "prefecture") return;
    expect(view.cycle).toMatchObject({ id: tokyo.cycles.clinicCurrent, isDemo: true, fiscalYear: 2025 });
    expect(view.zones.map((z) => z.id)).toEqual(tokyo.zones.map((z) => z.id));
    expect(view.prefecture.previous).not.toBeNull();
  });

  it("refuses to write over existing data without --reset, and writes nothing", async () => {
    const before = await fingerprint();
    await expect(synthesize({ ...OPTIONS, prefectures: ["13"] })).rejects.toThrow(SynthConflictError);
    await expect(synthesize({ ...OPTIONS, prefectures: ["13"] })).rejects.toThrow("--reset");
    expect(await fingerprint()).toBe(before);
  });

  it("with --reset rebuilds the same data for the same seed (deterministic), and other data for another seed", async () => {
    const before = await fingerprint();
    await synthesize({ ...OPTIONS, reset: true });
    expect(await fingerprint()).toBe(before);
    await synthesize({ ...OPTIONS, seed: "another", reset: true });
    expect(await fingerprint()).not.toBe(before);
    expect(await db.institution.count()).toBe(500);
  }, 300_000);

  it("never deletes a prefecture that is not fictional, even with --reset", async () => {
    await db.municipality.create({ data: { code: "472018", prefectureCode: "47", name: "那覇市" } });
    await expect(synthesize({ institutions: 50, prefectures: ["47"], reset: true })).rejects.toThrow(
      "架空データではない",
    );
    expect(await db.municipality.count({ where: { prefectureCode: "47" } })).toBe(1);
    expect((await db.prefecture.findUniqueOrThrow({ where: { code: "47" } })).isDemo).toBe(false);
  });

  it("is a command: usage errors exit 2, existing data exits 1 with the reason", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runRenkei(["synth"], io)).toBe(EXIT.usage);
    expect(await runRenkei(["synth", "--institutions", "many"], io)).toBe(EXIT.usage);
    expect(await runRenkei(["synth", "--institutions", "10", "--prefectures", "99"], io)).toBe(EXIT.usage);
    expect(await runRenkei(["synth", "--institutions", "10", "--prefectures", "13"], io)).toBe(EXIT.invalid);
    expect(err.join("\n")).toContain("すでにデータがある");
    const help: string[] = [];
    await runRenkei(["help"], { out: (l) => help.push(l), err: () => undefined });
    expect(help.join("\n")).toContain("synth --institutions <件数>");
  });
});
