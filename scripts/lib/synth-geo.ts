// Pure planning of the synthetic national data's geography and institutions: how many
// institutions each prefecture gets, its fictional municipalities (valid codes, populations that
// add up to the prefecture's), its zones, and where its hospitals and clinics are. No database
// here, so the distribution logic is unit-tested on its own (tests/unit/synth-geo.test.ts).
import { buildInstitutionCode, municipalityCheckDigit } from "@/lib/domain/codes";
import type { TRandom } from "@/prisma/seed/random";
import { AGED75_OF_AGED65, prefectureReference, type TPrefectureReference } from "./synth-reference";
import {
  createStemFactory,
  homeCareZoneName,
  institutionAddress,
  institutionName,
  municipalityAddressName,
  municipalityName,
  secondaryZoneName,
  type TMunicipalityType,
} from "./synth-names";

// ---- Apportioning --------------------------------------------------------------------------------

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method, after giving each
 * share `minEach` (dropped when the total cannot cover it). The shares always add up to `total`;
 * ties go to the earlier index, so the result is deterministic.
 */
export function apportion(total: number, weights: readonly number[], minEach = 0): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`cannot apportion ${total}`);
  const n = weights.length;
  if (n === 0) {
    if (total > 0) throw new Error("cannot apportion among nobody");
    return [];
  }
  const floor = minEach * n <= total ? minEach : 0;
  const rest = total - floor * n;
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  // All-zero weights split evenly rather than failing.
  const exact = positive.map((w) => (sum > 0 ? (rest * w) / sum : rest / n));
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) shares[order[k % n]![1]]! += 1;
  return shares.map((s) => s + floor);
}

export type TInstitutionCounts = { code: string; hospitals: number; clinics: number };

/**
 * Institutions per prefecture for a requested total: in proportion to each prefecture's real
 * number of hospitals and clinics, split into hospitals and clinics by its own ratio (Kochi has
 * five times Tokyo's hospital share).
 */
export function apportionInstitutions(total: number, prefectureCodes: readonly string[]): TInstitutionCounts[] {
  const refs = prefectureCodes.map(prefectureReference);
  const shares = apportion(
    total,
    refs.map((r) => r.hospitals + r.clinics),
  );
  return refs.map((ref, i) => {
    const count = shares[i]!;
    const hospitals = Math.min(count, Math.round((count * ref.hospitals) / (ref.hospitals + ref.clinics)));
    return { code: ref.code, hospitals, clinics: count - hospitals };
  });
}

// ---- Random helpers ------------------------------------------------------------------------------

/** Standard normal (Box–Muller) from the deterministic generator. */
export function normal(random: TRandom): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function logNormal(random: TRandom, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(random));
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

// ---- Municipalities and zones ----------------------------------------------------------------------

export type TSynthMunicipality = {
  code: string;
  name: string;
  /** Without the 架空 mark, for addresses. */
  addressName: string;
  stem: string;
  type: TMunicipalityType;
  populationTotal: number;
  population65: number;
  population75: number;
  /** Index into TSynthGeography.secondary / homeCare. */
  secondaryZone: number;
  homeCareZone: number;
};

export type TSynthZone = { code: string; name: string; stem: string; municipalityCodes: string[] };

export type TSynthGeography = {
  prefectureCode: string;
  municipalities: TSynthMunicipality[];
  /** 二次医療圏 (the default scheme). */
  secondary: TSynthZone[];
  /** 在宅医療の圏域 (finer: large secondary areas are split). */
  homeCare: TSynthZone[];
};

type TDraftMunicipality = {
  type: TMunicipalityType;
  stem: string;
  weight: number;
  population: number;
  share65: number;
  zone: number;
};

/** A prefecture's fictional municipalities, with populations scaled to its real total and ageing. */
export function planGeography(prefectureCode: string, random: TRandom): TSynthGeography {
  const ref = prefectureReference(prefectureCode);
  const stems = createStemFactory(random.fork("stems"));
  const drafts = draftMunicipalities(ref, random.fork("population"), stems);
  const zones = assignZones(ref, drafts, random.fork("zones"));
  const ordered = orderForCodes(drafts, zones.length);
  const codes = assignMunicipalityCodes(prefectureCode, ordered);

  const municipalities: TSynthMunicipality[] = ordered.map((d, i) => {
    const population65 = Math.round(d.population * d.share65);
    const r = random.fork(`aged75-${codes[i]}`);
    const ratio75 = clamp(AGED75_OF_AGED65 + (d.share65 - ref.aged65) * 0.5 + 0.02 * normal(r), 0.45, 0.68);
    return {
      code: codes[i]!,
      name: municipalityName(d.stem, d.type),
      addressName: municipalityAddressName(d.stem, d.type),
      stem: d.stem,
      type: d.type,
      populationTotal: d.population,
      population65,
      population75: Math.round(population65 * ratio75),
      secondaryZone: d.zone,
      homeCareZone: -1,
    };
  });

  const secondary: TSynthZone[] = zones.map((anchor, z) => ({
    code: `${prefectureCode}${String(z + 1).padStart(2, "0")}`,
    name: secondaryZoneName(anchor.stem),
    stem: anchor.stem,
    municipalityCodes: municipalities.filter((m) => m.secondaryZone === z).map((m) => m.code),
  }));

  // 在宅医療の圏域: a secondary area of four or more municipalities is often split in two (three
  // when it has ten or more), as prefectures draw home-care areas closer to municipal services.
  const homeCare: TSynthZone[] = [];
  const splitRandom = random.fork("home-care");
  for (const zone of secondary) {
    const members = municipalities.filter((m) => zone.municipalityCodes.includes(m.code));
    const parts = members.length >= 10 ? 3 : members.length >= 4 && splitRandom.chance(0.6) ? 2 : 1;
    const size = Math.ceil(members.length / parts);
    for (let p = 0; p < parts; p++) {
      const part = members.slice(p * size, (p + 1) * size);
      if (part.length === 0) continue;
      const index = homeCare.length;
      for (const m of part) m.homeCareZone = index;
      homeCare.push({
        code: `H${String(index + 1).padStart(2, "0")}`,
        name: homeCareZoneName(part[0]!.stem),
        stem: part[0]!.stem,
        municipalityCodes: part.map((m) => m.code),
      });
    }
  }
  return { prefectureCode, municipalities, secondary, homeCare };
}

function draftMunicipalities(ref: TPrefectureReference, random: TRandom, stem: () => string): TDraftMunicipality[] {
  const wards = ref.wards ?? 0;
  const towns = ref.municipalities - wards - ref.cities - ref.villages;
  const types: TMunicipalityType[] = [
    ...Array<TMunicipalityType>(wards).fill("ward"),
    ...Array<TMunicipalityType>(ref.cities).fill("city"),
    ...Array<TMunicipalityType>(towns).fill("town"),
    ...Array<TMunicipalityType>(ref.villages).fill("village"),
  ];
  // Typical sizes in thousands; the spread (sigma) makes a few large and many small places.
  const size: Record<TMunicipalityType, [number, number]> = {
    ward: [380, 0.45],
    city: [60, 0.75],
    town: [13, 0.75],
    village: [3, 0.9],
  };
  const drafts = types.map((type) => ({
    type,
    stem: stem(),
    weight: logNormal(random, size[type][0], size[type][1]),
    population: 0,
    share65: 0,
    zone: -1,
  }));
  // The prefectural capital (the first city) holds a fifth to two fifths of the people, except in
  // Tokyo, where the special wards play that part.
  const total = ref.population * 1000;
  const capital = wards === 0 ? drafts.find((d) => d.type === "city") : undefined;
  const capitalPopulation = capital ? Math.round(total * (0.18 + 0.22 * random.next())) : 0;
  const others = drafts.filter((d) => d !== capital);
  const shares = apportion(
    total - capitalPopulation,
    others.map((d) => d.weight),
  );
  others.forEach((d, i) => (d.population = Math.max(150, shares[i]!)));
  if (capital) capital.population = capitalPopulation;

  // Ageing: smaller places are older. Scaled so the prefecture's 65+ share matches its figure.
  const offset: Record<TMunicipalityType, number> = { ward: -0.025, city: 0, town: 0.05, village: 0.09 };
  for (const d of drafts)
    d.share65 = clamp(ref.aged65 + offset[d.type] + (d === capital ? -0.035 : 0) + 0.025 * normal(random), 0.12, 0.62);
  const people = drafts.reduce((a, d) => a + d.population, 0);
  const aged = drafts.reduce((a, d) => a + d.population * d.share65, 0);
  const factor = (ref.aged65 * people) / aged;
  for (const d of drafts) d.share65 = clamp(d.share65 * factor, 0.1, 0.7);
  return drafts;
}

/**
 * Secondary areas: the largest places anchor a zone each; every other municipality joins a zone
 * with a chance that grows with its anchor's size, so zone sizes vary as real ones do. Tokyo's
 * wards and its other municipalities form separate zones (区部 and 多摩・島しょ).
 */
function assignZones(ref: TPrefectureReference, drafts: TDraftMunicipality[], random: TRandom): TDraftMunicipality[] {
  const n = Math.min(ref.secondaryAreas, drafts.length);
  const byPopulation = [...drafts].sort((a, b) => b.population - a.population);
  const wards = drafts.filter((d) => d.type === "ward");
  let groups: TDraftMunicipality[][];
  let zoneCounts: number[];
  if (wards.length > 0 && wards.length < drafts.length && n >= 2) {
    const others = drafts.filter((d) => d.type !== "ward");
    const wardPopulation = wards.reduce((a, d) => a + d.population, 0);
    const allPopulation = drafts.reduce((a, d) => a + d.population, 0);
    const wardZones = clamp(
      Math.round((n * (wardPopulation / allPopulation + wards.length / drafts.length)) / 2),
      1,
      n - 1,
    );
    groups = [wards, others];
    zoneCounts = [Math.min(wardZones, wards.length), Math.min(n - wardZones, others.length)];
  } else {
    groups = [drafts];
    zoneCounts = [n];
  }
  const anchors: TDraftMunicipality[] = [];
  groups.forEach((group, g) => {
    const sorted = byPopulation.filter((d) => group.includes(d));
    const groupAnchors = sorted.slice(0, zoneCounts[g]!);
    const first = anchors.length;
    groupAnchors.forEach((a, i) => (a.zone = first + i));
    anchors.push(...groupAnchors);
    const weights = groupAnchors.map((a) => Math.sqrt(a.population) * (0.5 + random.next()));
    for (const d of group) {
      if (d.zone >= 0) continue;
      d.zone = first + groupAnchors.indexOf(random.weighted(groupAnchors.map((a, i) => [a, weights[i]!] as const)));
    }
  });
  return anchors;
}

/** Order in which codes are given: wards, then cities, then towns and villages grouped by zone (郡). */
function orderForCodes(drafts: TDraftMunicipality[], zoneCount: number): TDraftMunicipality[] {
  const byZoneThenSize = (a: TDraftMunicipality, b: TDraftMunicipality) =>
    a.zone - b.zone || b.population - a.population;
  const wards = drafts.filter((d) => d.type === "ward").sort(byZoneThenSize);
  const cities = drafts.filter((d) => d.type === "city").sort(byZoneThenSize);
  const rest: TDraftMunicipality[] = [];
  for (let z = 0; z < zoneCount; z++) {
    rest.push(
      ...drafts
        .filter((d) => (d.type === "town" || d.type === "village") && d.zone === z)
        .sort((a, b) => Number(a.type === "village") - Number(b.type === "village") || b.population - a.population),
    );
  }
  return [...wards, ...cities, ...rest];
}

/**
 * 全国地方公共団体コード: prefecture (2) + 3 digits + check digit. Wards 101…, cities 201…, towns and
 * villages in blocks of twenty per 郡 (301…319, 321…, …), one block per zone, as real codes group
 * the towns of a 郡.
 */
function assignMunicipalityCodes(prefectureCode: string, ordered: TDraftMunicipality[]): string[] {
  let ward = 100;
  let city = 200;
  let block = -1;
  let inBlock = 19;
  let lastZone = -1;
  return ordered.map((d) => {
    let local: number;
    if (d.type === "ward") local = ++ward;
    else if (d.type === "city") local = ++city;
    else {
      if (d.zone !== lastZone || inBlock >= 19) {
        block += 1;
        inBlock = 0;
        lastZone = d.zone;
      }
      inBlock += 1;
      local = 300 + block * 20 + inBlock;
    }
    if (ward > 199 || city > 299 || local > 999)
      throw new Error(`too many municipalities for codes in ${prefectureCode}`);
    const code5 = `${prefectureCode}${String(local).padStart(3, "0")}`;
    return `${code5}${municipalityCheckDigit(code5)}`;
  });
}

// ---- Institutions ------------------------------------------------------------------------------------

export type TSynthInstitution = {
  code: string;
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  beds: number;
  municipalityCode: string;
  postalCode: string;
  address: string;
  phone: string;
  /** Index into the geography's secondary zones (to draw partners nearby). */
  secondaryZone: number;
};

/**
 * Where a prefecture's hospitals and clinics are: clinics a little more than in proportion to
 * population (towns have more per person), hospitals a little less (rural areas keep small
 * hospitals), each with noise. Codes: 郡市区番号 per municipality, 4-digit numbers with gaps.
 */
export function planInstitutions(
  geo: TSynthGeography,
  counts: { hospitals: number; clinics: number },
  random: TRandom,
): TSynthInstitution[] {
  const ms = geo.municipalities;
  const noise = random.fork("noise");
  const clinicShares = apportion(
    counts.clinics,
    ms.map((m) => m.populationTotal ** 1.05 * Math.exp(0.25 * normal(noise))),
    counts.clinics >= 3 * ms.length ? 1 : 0,
  );
  const hospitalShares = apportion(
    counts.hospitals,
    ms.map((m) => m.populationTotal ** 0.85 * Math.exp(0.4 * normal(noise))),
  );
  const codes = createCodeAllocator(geo.prefectureCode, ms.length, random.fork("codes"));
  const out: TSynthInstitution[] = [];
  const areaCode = `0${random.int(11, 99)}`;
  ms.forEach((m, index) => {
    for (const [kind, n] of [
      ["HOSPITAL", hospitalShares[index]!],
      ["CLINIC", clinicShares[index]!],
    ] as const) {
      for (let k = 0; k < n; k++) {
        const code = codes(index);
        const r = random.fork(code);
        out.push({
          code,
          name: institutionName(r, kind, m.stem),
          kind,
          beds:
            kind === "HOSPITAL"
              ? r.weighted([
                  [r.int(20, 99), 35],
                  [r.int(100, 199), 35],
                  [r.int(200, 499), 25],
                  [r.int(500, 900), 5],
                ] as const)
              : r.chance(0.06)
                ? r.int(1, 19)
                : 0,
          municipalityCode: m.code,
          postalCode: `${String(r.int(100, 999))}-${String(r.int(0, 9999)).padStart(4, "0")}`,
          address: institutionAddress(r, m.addressName),
          phone: `${areaCode}-${r.int(20, 99)}-${String(r.int(0, 9999)).padStart(4, "0")}`,
          secondaryZone: m.secondaryZone,
        });
      }
    }
  });
  return out;
}

/**
 * 医療機関コード for the municipality at `index`: its 郡市区番号 (01–99, shared round-robin when a
 * prefecture has more than 99 municipalities), then a 4-digit number growing with small gaps.
 * When a district's numbers run out the next district with room is used, so a very large
 * prefecture still gets unique, valid codes (up to ~99 × 8,900).
 */
export function createCodeAllocator(prefectureCode: string, municipalityCount: number, random: TRandom) {
  const next = new Map<number, number>();
  const MAX = 9999;
  return (index: number): string => {
    let district = (index % 99) + 1;
    for (let tries = 0; tries < 99; tries++) {
      const current = next.get(district) ?? 1000 + random.int(0, 50);
      const number = current + random.int(1, 3);
      if (number <= MAX) {
        next.set(district, number);
        return buildInstitutionCode(
          prefectureCode,
          `${String(district).padStart(2, "0")}${String(number).padStart(4, "0")}`,
        );
      }
      next.set(district, MAX);
      district = (district % 99) + 1;
    }
    throw new Error(`no institution codes left in prefecture ${prefectureCode} (${municipalityCount} municipalities)`);
  };
}
