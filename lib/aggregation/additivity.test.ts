// Property tests for pre-aggregation: counters summed in any grouping — per municipality, per
// random split, in any order — equal counting every report at once; subtracting a report undoes
// it; and the partitions of each summary add up. Random reports (seeded) are answered on the
// shipped R7 and R6 definitions, including hidden answers, unknown codes and blanks.
import { describe, expect, it } from "vitest";
import type { TItem, TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { allItems } from "@/lib/questionnaire/definition";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import type { THubScores } from "@/lib/questionnaire/score";
import { CLINIC_R6, CLINIC_R7, HUB_R7 } from "@/tests/fixtures/aggregation/small-dataset";
import {
  addClinicCounters,
  applyContributionChanges,
  countClinicReport,
  sumContributionChanges,
  countClinicReports,
  emptyClinicCounters,
  subtractClinicCounters,
  sumClinicCounters,
  type TClinicCounters,
  type TClinicReportInput,
  type TContributionChange,
} from "./clinic-counters";
import { summarizeClinic, type TKindFilter } from "./clinic-summary";
import {
  addHubCounters,
  countHubReport,
  countHubReports,
  summarizeHubGroup,
  sumHubCounters,
  type THubReportInput,
} from "./hub";
import { RESPONSE_STATUSES, type TResponseStatus } from "./status";

/** mulberry32: a small deterministic PRNG so failures reproduce. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type TRandom = ReturnType<typeof prng>;

function randomAnswer(r: TRandom, item: TItem): unknown {
  if (r.chance(0.1)) return undefined;
  switch (item.type) {
    case "yesno":
      return r.chance(0.75);
    case "single":
      return r.chance(0.05) ? "zz" : r.pick(item.options).code;
    case "multi": {
      if (r.chance(0.05)) return [];
      const codes = item.options.filter(() => r.chance(0.3)).map((o) => o.code);
      if (r.chance(0.05)) codes.push("99");
      return codes.length ? codes : [r.pick(item.options).code];
    }
    case "integer":
      return r.chance(0.4) ? 0 : r.int(50);
    default:
      return undefined;
  }
}

function randomAnswers(r: TRandom, def: TQuestionnaireDefinition): TAnswers {
  const answers: TAnswers = {};
  for (const item of allItems(def)) {
    const value = randomAnswer(r, item);
    if (value !== undefined) answers[item.key] = value as TAnswers[string];
  }
  // Lean towards 1号 so that the 2号 parts get exercised.
  const f1Keys = ["f1_notice", "f1_consult"];
  if (r.chance(0.7)) for (const key of f1Keys) answers[key] = true;
  return answers;
}

const MUNICIPALITIES = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"];

type TRandomReport = TClinicReportInput & { municipality: string };

function randomReports(seed: number, count: number): TRandomReport[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => {
    const status: TResponseStatus = r.pick(RESPONSE_STATUSES);
    const submitted = status !== "NOT_STARTED" && (status !== "DRAFT" || r.chance(0.2));
    const definition = r.chance(0.7) ? CLINIC_R7 : CLINIC_R6;
    const answers = submitted ? randomAnswers(r, definition) : null;
    return {
      municipality: r.pick(MUNICIPALITIES),
      kind: r.chance(0.15) ? "HOSPITAL" : "CLINIC",
      status,
      revision: answers ? { definition, answers, derived: computeStoredDerived(definition, answers) } : null,
    };
  });
}

function shuffle<T>(r: TRandom, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const SEEDS = [1, 7, 42, 2025];

describe.each(SEEDS)("clinic counters, seed %i", (seed) => {
  const reports = randomReports(seed, 240);
  const all = countClinicReports(reports);
  const r = prng(seed * 31 + 5);

  it("per-municipality counters summed = counting every report at once", () => {
    const rows = MUNICIPALITIES.map((m) => countClinicReports(reports.filter((x) => x.municipality === m)));
    expect(sumClinicCounters(rows)).toEqual(all);
    expect(sumClinicCounters(shuffle(r, rows))).toEqual(all);
  });

  it("random splits into random groups, summed in random order = counting at once", () => {
    for (let round = 0; round < 5; round++) {
      const k = 1 + r.int(12);
      const parts: TRandomReport[][] = Array.from({ length: k }, () => []);
      for (const report of shuffle(r, reports)) parts[r.int(k)]!.push(report);
      expect(
        sumClinicCounters(
          shuffle(
            r,
            parts.map((p) => countClinicReports(p)),
          ),
        ),
      ).toEqual(all);
    }
  });

  it("per (municipality, kind, status) rows — the pre-aggregation key — summed = counting at once", () => {
    const rows = new Map<string, TClinicCounters>();
    for (const report of reports) {
      const key = `${report.municipality}|${report.kind}|${report.status}`;
      rows.set(key, addClinicCounters(rows.get(key) ?? emptyClinicCounters(), countClinicReport(report)));
    }
    // Each row holds exactly one cell.
    for (const row of rows.values()) {
      expect(Object.values(row.cells).flatMap((k) => Object.keys(k ?? {}))).toHaveLength(1);
    }
    expect(sumClinicCounters(shuffle(r, [...rows.values()]))).toEqual(all);
    // The caller may merge only the rows it needs: kind and status filters agree with summarizeClinic's.
    const confirmedClinics = [...rows.entries()].filter(([key]) => key.endsWith("|CLINIC|CONFIRMED")).map(([, c]) => c);
    expect(summarizeClinic(sumClinicCounters(confirmedClinics), { kind: "CLINIC", confirmedOnly: true }).n).toBe(
      summarizeClinic(all, { kind: "CLINIC", confirmedOnly: true }).n,
    );
  });

  it("associative and commutative on random chunks", () => {
    const [a, b, c] = [0, 1, 2].map((i) => countClinicReports(reports.filter((_, j) => j % 3 === i))) as [
      TClinicCounters,
      TClinicCounters,
      TClinicCounters,
    ];
    expect(addClinicCounters(addClinicCounters(a, b), c)).toEqual(addClinicCounters(a, addClinicCounters(b, c)));
    expect(addClinicCounters(a, b)).toEqual(addClinicCounters(b, a));
    expect(addClinicCounters(addClinicCounters(a, b), c)).toEqual(all);
  });

  it("subtracting a report = counting without it; an in-place status change = recount", () => {
    for (let round = 0; round < 10; round++) {
      const i = r.int(reports.length);
      const rest = reports.filter((_, j) => j !== i);
      expect(subtractClinicCounters(all, countClinicReport(reports[i]!))).toEqual(countClinicReports(rest));
      const report = reports[i]!;
      if (report.revision) {
        const confirmed = { ...report, status: "CONFIRMED" as const };
        const updated = addClinicCounters(
          subtractClinicCounters(all, countClinicReport(report)),
          countClinicReport(confirmed),
        );
        expect(updated).toEqual(countClinicReports([...rest, confirmed]));
      }
    }
  });

  it("a log of changes applied in any order = recount; a change the base never had throws", () => {
    // Each report moves through draft → its status, then one in three is withdrawn (becomes 未着手):
    // the log holds every step, in a shuffled order, against a base counted before any of them.
    const base = countClinicReports(reports.map((x) => ({ ...x, status: "NOT_STARTED" as const, revision: null })));
    const log: TContributionChange[] = [];
    const final: TClinicReportInput[] = [];
    reports.forEach((report, i) => {
      const start = countClinicReport({ ...report, status: "NOT_STARTED", revision: null });
      const draft = countClinicReport({ ...report, status: "DRAFT", revision: null });
      const end = i % 3 === 0 ? start : countClinicReport(report);
      log.push({ before: start, after: draft }, { before: draft, after: end });
      final.push(i % 3 === 0 ? { ...report, status: "NOT_STARTED", revision: null } : report);
    });
    expect(applyContributionChanges(base, shuffle(r, log))).toEqual(countClinicReports(final));
    // Folded in batches, each batch summed first (as the fold does), the result is the same.
    const batches = [log.slice(0, 7), log.slice(7, 40), log.slice(40)].map((b) => sumContributionChanges(b));
    expect(applyContributionChanges(base, batches)).toEqual(countClinicReports(final));
    expect(applyContributionChanges(base, [])).toBe(base);
    expect(() =>
      applyContributionChanges(emptyClinicCounters(), [{ before: countClinicReport(reports[0]!), after: null }]),
    ).toThrow();
  });

  it("summaries of the summed counters equal summaries of counting at once; partitions add up", () => {
    const rows = MUNICIPALITIES.map((m) => countClinicReports(reports.filter((x) => x.municipality === m)));
    for (const kind of ["ALL", "HOSPITAL", "CLINIC"] as TKindFilter[]) {
      for (const confirmedOnly of [false, true]) {
        const s = summarizeClinic(sumClinicCounters(rows), { kind, confirmedOnly, definition: CLINIC_R7 });
        expect(s).toEqual(summarizeClinic(all, { kind, confirmedOnly, definition: CLINIC_R7 }));
        expect(Object.values(s.nByStatus).reduce((x, y) => x + y, 0)).toBe(s.n);
        expect(Object.values(s.status.byStatus).reduce((x, y) => x + y, 0)).toBe(s.status.respondents);
        for (const c of s.choices) {
          const answered = c.options.reduce((x, o) => x + o.rate.count, 0);
          expect([c.tag, c.notApplicable + c.missing + c.unknown + answered]).toEqual([c.tag, c.asked]);
          expect(c.has.count + c.intent.count).toBeLessThanOrEqual(answered);
        }
        for (const c of s.counts)
          expect([c.tag, c.notApplicable + c.missing + c.unknown + c.zero + c.positive.count]).toEqual([
            c.tag,
            c.asked,
          ]);
        expect(s.areas.notApplicable + s.areas.missing + s.areas.answered).toBe(s.areas.asked);
        for (const f of s.functions) {
          const m = f.modes;
          expect(m.self.overN.count + m.partner.overN.count + m.both.overN.count + m.unknown.overN.count).toBe(
            f.has.count,
          );
          expect(f.hasOverPrimary.count).toBeLessThanOrEqual(f.hasOverPrimary.n);
          expect(f.has.count + f.intent.count).toBeLessThanOrEqual(f.n);
        }
        for (const a of s.areas.areas) expect(a.offeredOverPrimary.count).toBeLessThanOrEqual(a.offered.count);
      }
    }
  });

  it("JSON round trip", () => {
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });
});

describe.each(SEEDS)("hub counters, seed %i", (seed) => {
  const r = prng(seed);
  const groups = HUB_R7.sections
    .flatMap((s) => (s.scoreGroup ? [s.scoreGroup] : []))
    .filter((g, i, list) => list.indexOf(g) === i);
  const randomScores = (): THubScores => {
    const list = groups.map((key) => {
      const rn = r.int(10);
      const rm = r.int(rn + 1);
      const dn = r.int(6);
      const da = r.int(dn + 1);
      return {
        key,
        label: key,
        required: { n: rn, met: rm, partial: r.int(rn - rm + 1) },
        desirable: { n: dn, adopted: da, partial: r.int(dn - da + 1) },
      };
    });
    const sum = (f: (g: (typeof list)[number]) => number) => list.reduce((a, g) => a + f(g), 0);
    return {
      groups: list,
      total: {
        required: {
          n: sum((g) => g.required.n),
          met: sum((g) => g.required.met),
          partial: sum((g) => g.required.partial),
        },
        desirable: {
          n: sum((g) => g.desirable.n),
          adopted: sum((g) => g.desirable.adopted),
          partial: sum((g) => g.desirable.partial),
        },
      },
    };
  };
  const hubs: (THubReportInput & { zone: number })[] = Array.from({ length: 60 }, () => {
    const status = r.pick(RESPONSE_STATUSES);
    return { zone: r.int(5), status, scores: status === "NOT_STARTED" || status === "DRAFT" ? null : randomScores() };
  });
  const all = countHubReports(hubs);

  it("per-zone counters summed = counting at once; random splits too", () => {
    const zones = [0, 1, 2, 3, 4].map((z) => countHubReports(hubs.filter((h) => h.zone === z)));
    expect(sumHubCounters(shuffle(r, zones))).toEqual(all);
    for (let round = 0; round < 5; round++) {
      const k = 1 + r.int(8);
      const parts: THubReportInput[][] = Array.from({ length: k }, () => []);
      for (const h of shuffle(r, hubs)) parts[r.int(k)]!.push(h);
      expect(sumHubCounters(parts.map((p) => countHubReports(p)))).toEqual(all);
    }
    expect(addHubCounters(zones[0]!, zones[1]!)).toEqual(addHubCounters(zones[1]!, zones[0]!));
  });

  it("the pooled roll-up equals summing the hubs' own counts", () => {
    const s = summarizeHubGroup(all, { definition: HUB_R7 });
    const counted = hubs.filter((h) => h.scores);
    for (const d of s.duties) {
      const own = counted.map((h) => h.scores!.groups.find((g) => g.key === d.key)!);
      expect(d.requiredMet).toEqual({
        count: own.reduce((a, g) => a + g.required.met, 0),
        n: own.reduce((a, g) => a + g.required.n, 0),
      });
      expect(d.desirableAdopted).toEqual({
        count: own.reduce((a, g) => a + g.desirable.adopted, 0),
        n: own.reduce((a, g) => a + g.desirable.n, 0),
      });
      expect(d.hubsAllRequiredMet.count).toBe(
        own.filter((g) => g.required.n > 0 && g.required.met === g.required.n).length,
      );
    }
    expect(s.n).toBe(counted.length);
    expect(countHubReport(hubs[0]!)).toEqual(countHubReports([hubs[0]!]));
  });
});
