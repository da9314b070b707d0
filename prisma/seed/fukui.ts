// The demo prefecture: 福井県's real structure (municipality codes, 4 二次医療圏 as in the domain
// map) with approximate, rounded population figures labelled as such. Institutions and hubs
// built on it are fictional (架空のデモデータ).
export const FUKUI_PREFECTURE_CODE = "18";

export const DEMO_POPULATION_SOURCE = "デモ用の概数（実際の統計値ではありません）";
export const DEMO_POPULATION_YEAR = 2025;

export type TDemoMunicipality = {
  code: string;
  name: string;
  total: number;
  aged65: number;
  aged75: number;
  /** Telephone area code used for fictional numbers. */
  areaCode: string;
};

export const FUKUI_MUNICIPALITIES: readonly TDemoMunicipality[] = [
  { code: "182010", name: "福井市", total: 257_000, aged65: 76_000, aged75: 41_000, areaCode: "0776" },
  { code: "182028", name: "敦賀市", total: 63_000, aged65: 18_500, aged75: 9_600, areaCode: "0770" },
  { code: "182044", name: "小浜市", total: 28_000, aged65: 9_600, aged75: 5_200, areaCode: "0770" },
  { code: "182052", name: "大野市", total: 30_000, aged65: 12_000, aged75: 6_700, areaCode: "0779" },
  { code: "182061", name: "勝山市", total: 21_500, aged65: 8_500, aged75: 4_700, areaCode: "0779" },
  { code: "182079", name: "鯖江市", total: 68_500, aged65: 19_000, aged75: 9_900, areaCode: "0778" },
  { code: "182087", name: "あわら市", total: 26_500, aged65: 9_300, aged75: 4_900, areaCode: "0776" },
  { code: "182095", name: "越前市", total: 80_000, aged65: 25_000, aged75: 13_200, areaCode: "0778" },
  { code: "182109", name: "坂井市", total: 88_000, aged65: 25_500, aged75: 13_000, areaCode: "0776" },
  { code: "183229", name: "永平寺町", total: 18_000, aged65: 5_400, aged75: 2_800, areaCode: "0776" },
  { code: "183822", name: "池田町", total: 2_300, aged65: 1_100, aged75: 650, areaCode: "0778" },
  { code: "184047", name: "南越前町", total: 9_700, aged65: 3_800, aged75: 2_100, areaCode: "0778" },
  { code: "184233", name: "越前町", total: 19_500, aged65: 7_200, aged75: 3_900, areaCode: "0778" },
  { code: "184420", name: "美浜町", total: 8_900, aged65: 3_500, aged75: 1_900, areaCode: "0770" },
  { code: "184811", name: "高浜町", total: 10_000, aged65: 3_400, aged75: 1_800, areaCode: "0770" },
  { code: "184837", name: "おおい町", total: 7_700, aged65: 2_700, aged75: 1_500, areaCode: "0770" },
  { code: "185019", name: "若狭町", total: 13_800, aged65: 5_000, aged75: 2_800, areaCode: "0770" },
];

export type TDemoZone = { code: string; name: string; municipalities: string[]; hospitals: number };

/** 二次医療圏 (../shared/domain/README.md). `hospitals` is how many fictional hospitals each gets. */
export const FUKUI_SECONDARY_AREAS: readonly TDemoZone[] = [
  { code: "1801", name: "福井・坂井", municipalities: ["福井市", "坂井市", "あわら市", "永平寺町"], hospitals: 16 },
  { code: "1802", name: "奥越", municipalities: ["大野市", "勝山市"], hospitals: 3 },
  { code: "1803", name: "丹南", municipalities: ["鯖江市", "越前市", "池田町", "南越前町", "越前町"], hospitals: 6 },
  {
    code: "1804",
    name: "嶺南",
    municipalities: ["敦賀市", "小浜市", "美浜町", "高浜町", "おおい町", "若狭町"],
    hospitals: 5,
  },
];

/** A second, finer scheme: the 在宅医療 areas the hubs cover (奥越 has no hub yet — a gap to discuss). */
export const FUKUI_HOME_CARE_AREAS: readonly TDemoZone[] = [
  { code: "H1", name: "福井市域", municipalities: ["福井市"], hospitals: 0 },
  { code: "H2", name: "坂井・あわら・永平寺", municipalities: ["坂井市", "あわら市", "永平寺町"], hospitals: 0 },
  { code: "H3", name: "奥越", municipalities: ["大野市", "勝山市"], hospitals: 0 },
  { code: "H4", name: "丹南", municipalities: ["鯖江市", "越前市", "池田町", "南越前町", "越前町"], hospitals: 0 },
  {
    code: "H5",
    name: "嶺南",
    municipalities: ["敦賀市", "小浜市", "美浜町", "高浜町", "おおい町", "若狭町"],
    hospitals: 0,
  },
];

export const FUKUI_HUBS = [
  {
    name: "福井市在宅医療・介護連携拠点（デモ）",
    operatorType: "MEDICAL_ASSOCIATION",
    operatorName: "福井市域医師会（架空）",
    zoneCode: "H1",
  },
  {
    name: "坂井地区在宅医療連携拠点（デモ）",
    operatorType: "MUNICIPALITY",
    operatorName: "坂井地区広域連携室（架空）",
    zoneCode: "H2",
  },
  {
    name: "丹南在宅医療連携拠点（デモ）",
    operatorType: "CONSORTIUM",
    operatorName: "丹南地区医師会・3市町（架空）",
    zoneCode: "H4",
  },
  {
    name: "嶺南在宅医療連携拠点（デモ）",
    operatorType: "MEDICAL_PROVIDER",
    operatorName: "わかさ記念病院（架空）",
    zoneCode: "H5",
  },
] as const;

export const TOTAL_DEMO_CLINICS = 270;
