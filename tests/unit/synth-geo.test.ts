// The synthetic national data's distribution logic (scripts/lib/synth-geo.ts), without a
// database: apportioning, the shape of each prefecture's municipalities and zones, code validity
// and determinism.
import { describe, expect, it } from "vitest";
import { parseInstitutionCode, parseMunicipalityCode } from "@/lib/domain/codes";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { createRandom } from "@/prisma/seed/random";
import {
  apportion,
  apportionInstitutions,
  createCodeAllocator,
  planGeography,
  planInstitutions,
} from "@/scripts/lib/synth-geo";
import { PREFECTURE_REFERENCE, prefectureReference } from "@/scripts/lib/synth-reference";
import { resolveSynthOptions, SynthOptionsError } from "@/scripts/lib/synth-options";

const ALL = PREFECTURES.map((p) => p.code);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("apportion", () => {
  it("always adds up to the total, in proportion, largest remainders first", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [5, 0, 2])).toEqual([5, 0, 2]);
    expect(apportion(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    expect(apportion(0, [3, 4])).toEqual([0, 0]);
    for (const total of [1, 17, 999, 113_000]) {
      const weights = Array.from({ length: 47 }, (_, i) => ((i * 7919) % 101) + 1);
      const shares = apportion(total, weights);
      expect(sum(shares)).toBe(total);
      // Largest remainder: no share is more than one away from its exact quota.
      const exact = weights.map((w) => (total * w) / sum(weights));
      shares.forEach((s, i) => expect(Math.abs(s - exact[i]!)).toBeLessThan(1));
    }
  });

  it("gives a minimum to each when the total allows it, and splits evenly without weights", () => {
    expect(apportion(10, [100, 0, 0], 1)).toEqual([8, 1, 1]);
    expect(apportion(2, [100, 0, 0], 1)).toEqual([2, 0, 0]);
    expect(apportion(6, [0, 0, 0])).toEqual([2, 2, 2]);
    expect(() => apportion(-1, [1])).toThrow();
    expect(() => apportion(1.5, [1])).toThrow();
  });
});

describe("apportionInstitutions", () => {
  const national = apportionInstitutions(113_000, ALL);
  const byCode = new Map(national.map((c) => [c.code, c]));

  it("distributes 113,000 institutions like Japan's: ~8,100 hospitals, ~105,000 clinics, Tokyo ~14,000", () => {
    expect(sum(national.map((c) => c.hospitals + c.clinics))).toBe(113_000);
    const hospitals = sum(national.map((c) => c.hospitals));
    expect(hospitals).toBeGreaterThan(7_900);
    expect(hospitals).toBeLessThan(8_400);
    const tokyo = byCode.get("13")!;
    expect(tokyo.hospitals + tokyo.clinics).toBeGreaterThan(13_500);
    expect(tokyo.hospitals + tokyo.clinics).toBeLessThan(15_000);
    // Tokyo is the largest prefecture; Tottori the smallest.
    const sizes = national.map((c) => c.hospitals + c.clinics);
    expect(Math.max(...sizes)).toBe(tokyo.hospitals + tokyo.clinics);
    expect(Math.min(...sizes)).toBe(byCode.get("31")!.hospitals + byCode.get("31")!.clinics);
  });

  it("keeps each prefecture's own hospital share (Kochi's is several times Tokyo's)", () => {
    const share = (code: string) =>
      byCode.get(code)!.hospitals / (byCode.get(code)!.hospitals + byCode.get(code)!.clinics);
    expect(share("39")).toBeGreaterThan(3 * share("13"));
  });

  it("gives the listed prefectures the whole total", () => {
    const two = apportionInstitutions(500, ["13", "31"]);
    expect(sum(two.map((c) => c.hospitals + c.clinics))).toBe(500);
    expect(two[0]!.hospitals + two[0]!.clinics).toBeGreaterThan(400);
  });
});

describe("planGeography", () => {
  const geographies = ALL.map((code) => planGeography(code, createRandom(`test:${code}`)));

  it("gives Japan's ~1,740 municipalities and ~330 secondary medical areas", () => {
    expect(sum(geographies.map((g) => g.municipalities.length))).toBe(
      sum(PREFECTURE_REFERENCE.map((r) => r.municipalities)),
    );
    expect(sum(geographies.map((g) => g.municipalities.length))).toBeGreaterThan(1_700);
    expect(sum(geographies.map((g) => g.secondary.length))).toBe(330);
  });

  it.each(ALL)(
    "prefecture %s: valid unique codes, fictional names, populations that add up, zones covering every municipality",
    (code) => {
      const geo = geographies.find((g) => g.prefectureCode === code)!;
      const ref = prefectureReference(code);
      expect(geo.municipalities).toHaveLength(ref.municipalities);
      const codes = geo.municipalities.map((m) => m.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const m of geo.municipalities) {
        expect(parseMunicipalityCode(m.code)).toEqual({ ok: true, code: m.code });
        expect(m.code.startsWith(code)).toBe(true);
        expect(m.name).toMatch(/^.+[市町村区]（架空）$/);
        expect(m.population65).toBeLessThan(m.populationTotal);
        expect(m.population75).toBeLessThan(m.population65);
        expect(m.populationTotal).toBeGreaterThanOrEqual(150);
      }
      expect(new Set(geo.municipalities.map((m) => m.name)).size).toBe(ref.municipalities);
      const people = sum(geo.municipalities.map((m) => m.populationTotal));
      expect(Math.abs(people / (ref.population * 1000) - 1)).toBeLessThan(0.01);
      const aged = sum(geo.municipalities.map((m) => m.population65)) / people;
      expect(Math.abs(aged - ref.aged65)).toBeLessThan(0.01);
      const old =
        sum(geo.municipalities.map((m) => m.population75)) / sum(geo.municipalities.map((m) => m.population65));
      expect(old).toBeGreaterThan(0.45);
      expect(old).toBeLessThan(0.65);
      // Cities and villages as in the reference; Tokyo has its 23 wards.
      expect(geo.municipalities.filter((m) => m.type === "city")).toHaveLength(ref.cities);
      expect(geo.municipalities.filter((m) => m.type === "village")).toHaveLength(ref.villages);
      expect(geo.municipalities.filter((m) => m.type === "ward")).toHaveLength(ref.wards ?? 0);

      expect(geo.secondary).toHaveLength(Math.min(ref.secondaryAreas, ref.municipalities));
      for (const scheme of [geo.secondary, geo.homeCare]) {
        const members = scheme.flatMap((z) => z.municipalityCodes);
        expect([...members].sort()).toEqual([...codes].sort());
        expect(scheme.every((z) => z.municipalityCodes.length > 0)).toBe(true);
        expect(new Set(scheme.map((z) => z.name)).size).toBe(scheme.length);
        expect(new Set(scheme.map((z) => z.code)).size).toBe(scheme.length);
      }
      expect(geo.homeCare.length).toBeGreaterThanOrEqual(geo.secondary.length);
      // A home-care area lies inside one secondary area.
      for (const zone of geo.homeCare) {
        const parents = new Set(
          zone.municipalityCodes.map((c) => geo.municipalities.find((m) => m.code === c)!.secondaryZone),
        );
        expect(parents.size).toBe(1);
      }
    },
  );

  it("is deterministic for a seed and differs between seeds", () => {
    expect(planGeography("13", createRandom("a"))).toEqual(planGeography("13", createRandom("a")));
    expect(planGeography("13", createRandom("a"))).not.toEqual(planGeography("13", createRandom("b")));
  });
});

describe("planInstitutions", () => {
  it("places the requested hospitals and clinics with valid, unique 医療機関コード", () => {
    for (const code of ["01", "13", "31"]) {
      const geo = planGeography(code, createRandom(`i:${code}`));
      const counts = { hospitals: 120, clinics: 2_000 };
      const institutions = planInstitutions(geo, counts, createRandom(`inst:${code}`));
      expect(institutions.filter((i) => i.kind === "HOSPITAL")).toHaveLength(120);
      expect(institutions.filter((i) => i.kind === "CLINIC")).toHaveLength(2_000);
      const codes = institutions.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const inst of institutions) {
        expect(parseInstitutionCode(inst.code, code)).toEqual({ ok: true, code: inst.code });
        expect(geo.municipalities.some((m) => m.code === inst.municipalityCode)).toBe(true);
      }
      // More people, more clinics: the most populous municipality has more clinics than the least.
      const byPopulation = [...geo.municipalities].sort((a, b) => b.populationTotal - a.populationTotal);
      const clinicsIn = (m: string) =>
        institutions.filter((i) => i.municipalityCode === m && i.kind === "CLINIC").length;
      expect(clinicsIn(byPopulation[0]!.code)).toBeGreaterThan(clinicsIn(byPopulation.at(-1)!.code));
      expect(planInstitutions(geo, counts, createRandom(`inst:${code}`))).toEqual(institutions);
    }
  });

  it("never runs out of codes in a very large prefecture", () => {
    const next = createCodeAllocator("31", 19, createRandom("codes"));
    const codes = new Set<string>();
    for (let i = 0; i < 120_000; i++) codes.add(next(i % 3));
    expect(codes.size).toBe(120_000);
    for (const code of [...codes].slice(-5)) expect(parseInstitutionCode(code, "31").ok).toBe(true);
  });
});

describe("resolveSynthOptions", () => {
  it("defaults to every prefecture except the demo prefecture 福井 (18), which must be listed explicitly", () => {
    const all = resolveSynthOptions({ institutions: 1000 });
    expect(all.prefectures).toHaveLength(46);
    expect(all.prefectures).not.toContain("18");
    expect(resolveSynthOptions({ institutions: 10, prefectures: ["18", "1", "13", "13"] }).prefectures).toEqual([
      "01",
      "13",
      "18",
    ]);
    expect(all.seed).toBe("renkei-synth");
  });

  it("refuses impossible options with Japanese messages", () => {
    expect(() => resolveSynthOptions({ institutions: 0 })).toThrow(SynthOptionsError);
    expect(() => resolveSynthOptions({ institutions: Number.NaN })).toThrow("--institutions");
    expect(() => resolveSynthOptions({ institutions: 10, prefectures: ["48"] })).toThrow("01〜47");
  });
});
