// Approximate national figures the synthetic generator distributes its fictional data by. They are
// rounded from memory of published statistics (人口推計 2023, 医療施設調査 2022, 第8次医療計画の
// 二次医療圏, 市町村数 2024) — good enough for realistic shapes (Tokyo large and young, Kochi small,
// old and hospital-heavy), never shown as statistics: every synthetic prefecture is marked 架空 and
// its population source says so.

export type TPrefectureReference = {
  code: string;
  /** 総人口 (thousands). */
  population: number;
  /** Share of people aged 65+ (e.g. 0.228 = 22.8%). */
  aged65: number;
  /** 市区町村 (municipalities, including Tokyo's 23 special wards). */
  municipalities: number;
  /** Of which 市 (cities), not counting special wards. */
  cities: number;
  /** Of which 村 (villages). The rest are 町. */
  villages: number;
  /** Tokyo's 23 特別区. */
  wards?: number;
  /** 二次医療圏 (secondary medical areas). */
  secondaryAreas: number;
  /** 病院 and 一般診療所, to weight the distribution (scaled to the requested total). */
  hospitals: number;
  clinics: number;
};

/** The seed when none is given (the benchmark's cached databases use it too). */
export const SYNTH_DEFAULT_SEED = "renkei-synth";

/** The audit action of a finished run (benchmarks reuse a database only when it is there). */
export const SYNTH_AUDIT_ACTION = "system.synth";

export const SYNTH_POPULATION_SOURCE = "合成データ（架空の概数・実在の統計ではありません）";
export const SYNTH_POPULATION_YEAR = 2025;

/** Share of the 65+ who are 75+ (national ≈ 0.55), before small per-municipality variation. */
export const AGED75_OF_AGED65 = 0.55;

// prettier-ignore
export const PREFECTURE_REFERENCE: readonly TPrefectureReference[] = [
  { code: "01", population: 5092, aged65: 0.328, municipalities: 179, cities: 35, villages: 15, secondaryAreas: 21, hospitals: 537, clinics: 3390 },
  { code: "02", population: 1204, aged65: 0.352, municipalities: 40, cities: 10, villages: 8, secondaryAreas: 6, hospitals: 91, clinics: 850 },
  { code: "03", population: 1163, aged65: 0.350, municipalities: 33, cities: 14, villages: 4, secondaryAreas: 9, hospitals: 90, clinics: 880 },
  { code: "04", population: 2264, aged65: 0.293, municipalities: 35, cities: 14, villages: 1, secondaryAreas: 4, hospitals: 138, clinics: 1720 },
  { code: "05", population: 914, aged65: 0.390, municipalities: 25, cities: 13, villages: 3, secondaryAreas: 3, hospitals: 66, clinics: 800 },
  { code: "06", population: 1026, aged65: 0.350, municipalities: 35, cities: 13, villages: 3, secondaryAreas: 4, hospitals: 67, clinics: 930 },
  { code: "07", population: 1767, aged65: 0.332, municipalities: 59, cities: 13, villages: 10, secondaryAreas: 6, hospitals: 124, clinics: 1370 },
  { code: "08", population: 2825, aged65: 0.305, municipalities: 44, cities: 32, villages: 2, secondaryAreas: 9, hospitals: 172, clinics: 1780 },
  { code: "09", population: 1909, aged65: 0.303, municipalities: 25, cities: 14, villages: 0, secondaryAreas: 6, hospitals: 106, clinics: 1490 },
  { code: "10", population: 1913, aged65: 0.310, municipalities: 35, cities: 12, villages: 8, secondaryAreas: 10, hospitals: 128, clinics: 1600 },
  { code: "11", population: 7331, aged65: 0.274, municipalities: 63, cities: 40, villages: 1, secondaryAreas: 10, hospitals: 342, clinics: 4510 },
  { code: "12", population: 6257, aged65: 0.280, municipalities: 54, cities: 37, villages: 1, secondaryAreas: 9, hospitals: 288, clinics: 3880 },
  { code: "13", population: 14086, aged65: 0.228, municipalities: 62, cities: 26, villages: 8, wards: 23, secondaryAreas: 13, hospitals: 635, clinics: 13700 },
  { code: "14", population: 9229, aged65: 0.259, municipalities: 33, cities: 19, villages: 1, secondaryAreas: 9, hospitals: 337, clinics: 7150 },
  { code: "15", population: 2126, aged65: 0.340, municipalities: 30, cities: 20, villages: 4, secondaryAreas: 7, hospitals: 124, clinics: 1690 },
  { code: "16", population: 1007, aged65: 0.331, municipalities: 15, cities: 10, villages: 1, secondaryAreas: 4, hospitals: 105, clinics: 760 },
  { code: "17", population: 1109, aged65: 0.306, municipalities: 19, cities: 11, villages: 0, secondaryAreas: 4, hospitals: 91, clinics: 870 },
  { code: "18", population: 744, aged65: 0.311, municipalities: 17, cities: 9, villages: 0, secondaryAreas: 4, hospitals: 66, clinics: 580 },
  { code: "19", population: 796, aged65: 0.314, municipalities: 27, cities: 13, villages: 6, secondaryAreas: 4, hospitals: 60, clinics: 730 },
  { code: "20", population: 2004, aged65: 0.330, municipalities: 77, cities: 19, villages: 35, secondaryAreas: 10, hospitals: 126, clinics: 1600 },
  { code: "21", population: 1931, aged65: 0.312, municipalities: 42, cities: 21, villages: 2, secondaryAreas: 5, hospitals: 98, clinics: 1640 },
  { code: "22", population: 3555, aged65: 0.308, municipalities: 35, cities: 23, villages: 0, secondaryAreas: 8, hospitals: 170, clinics: 2770 },
  { code: "23", population: 7477, aged65: 0.257, municipalities: 54, cities: 38, villages: 2, secondaryAreas: 11, hospitals: 320, clinics: 5600 },
  { code: "24", population: 1727, aged65: 0.306, municipalities: 29, cities: 14, villages: 0, secondaryAreas: 4, hospitals: 93, clinics: 1590 },
  { code: "25", population: 1407, aged65: 0.270, municipalities: 19, cities: 13, villages: 0, secondaryAreas: 7, hospitals: 57, clinics: 1120 },
  { code: "26", population: 2535, aged65: 0.300, municipalities: 26, cities: 15, villages: 1, secondaryAreas: 6, hospitals: 160, clinics: 2490 },
  { code: "27", population: 8763, aged65: 0.277, municipalities: 43, cities: 33, villages: 1, secondaryAreas: 8, hospitals: 507, clinics: 8750 },
  { code: "28", population: 5370, aged65: 0.298, municipalities: 41, cities: 29, villages: 0, secondaryAreas: 8, hospitals: 345, clinics: 5170 },
  { code: "29", population: 1296, aged65: 0.326, municipalities: 39, cities: 12, villages: 12, secondaryAreas: 5, hospitals: 75, clinics: 1250 },
  { code: "30", population: 903, aged65: 0.340, municipalities: 30, cities: 9, villages: 1, secondaryAreas: 7, hospitals: 82, clinics: 1030 },
  { code: "31", population: 537, aged65: 0.332, municipalities: 19, cities: 4, villages: 1, secondaryAreas: 3, hospitals: 43, clinics: 490 },
  { code: "32", population: 650, aged65: 0.348, municipalities: 19, cities: 8, villages: 1, secondaryAreas: 7, hospitals: 47, clinics: 710 },
  { code: "33", population: 1847, aged65: 0.308, municipalities: 27, cities: 15, villages: 2, secondaryAreas: 5, hospitals: 160, clinics: 1660 },
  { code: "34", population: 2738, aged65: 0.301, municipalities: 23, cities: 14, villages: 0, secondaryAreas: 7, hospitals: 234, clinics: 2550 },
  { code: "35", population: 1298, aged65: 0.354, municipalities: 19, cities: 13, villages: 0, secondaryAreas: 8, hospitals: 140, clinics: 1250 },
  { code: "36", population: 695, aged65: 0.352, municipalities: 24, cities: 8, villages: 1, secondaryAreas: 3, hospitals: 106, clinics: 700 },
  { code: "37", population: 926, aged65: 0.324, municipalities: 17, cities: 8, villages: 0, secondaryAreas: 3, hospitals: 88, clinics: 820 },
  { code: "38", population: 1291, aged65: 0.340, municipalities: 20, cities: 11, villages: 0, secondaryAreas: 6, hospitals: 135, clinics: 1220 },
  { code: "39", population: 667, aged65: 0.363, municipalities: 34, cities: 11, villages: 6, secondaryAreas: 4, hospitals: 120, clinics: 540 },
  { code: "40", population: 5103, aged65: 0.288, municipalities: 60, cities: 29, villages: 2, secondaryAreas: 13, hospitals: 452, clinics: 4800 },
  { code: "41", population: 795, aged65: 0.317, municipalities: 20, cities: 10, villages: 0, secondaryAreas: 5, hospitals: 95, clinics: 690 },
  { code: "42", population: 1267, aged65: 0.343, municipalities: 21, cities: 13, villages: 0, secondaryAreas: 8, hospitals: 147, clinics: 1350 },
  { code: "43", population: 1709, aged65: 0.324, municipalities: 45, cities: 14, villages: 8, secondaryAreas: 10, hospitals: 207, clinics: 1480 },
  { code: "44", population: 1096, aged65: 0.343, municipalities: 18, cities: 14, villages: 1, secondaryAreas: 6, hospitals: 153, clinics: 960 },
  { code: "45", population: 1042, aged65: 0.338, municipalities: 26, cities: 9, villages: 3, secondaryAreas: 7, hospitals: 135, clinics: 880 },
  { code: "46", population: 1549, aged65: 0.335, municipalities: 43, cities: 19, villages: 4, secondaryAreas: 9, hospitals: 233, clinics: 1380 },
  { code: "47", population: 1468, aged65: 0.238, municipalities: 41, cities: 11, villages: 19, secondaryAreas: 5, hospitals: 89, clinics: 920 },
];

const BY_CODE = new Map(PREFECTURE_REFERENCE.map((p) => [p.code, p]));

export function prefectureReference(code: string): TPrefectureReference {
  const found = BY_CODE.get(code);
  if (!found) throw new Error(`no reference figures for prefecture ${code}`);
  return found;
}
