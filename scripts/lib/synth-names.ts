// Fictional names for the synthetic national data: municipalities, zones, hubs and institutions.
// Municipality names are built from pairs of common place-name characters and always carry
// 「（架空）」, so a synthetic 市 can never be mistaken for a real one on a screen or in a PDF.
import type { TRandom } from "@/prisma/seed/random";

// prettier-ignore
const FIRST = [
  "青", "赤", "白", "黒", "緑", "若", "朝", "夕", "東", "西", "南", "北", "上", "下", "中", "大", "小", "高",
  "長", "新", "古", "本", "光", "星", "月", "日", "春", "秋", "桜", "松", "竹", "梅", "菊", "藤", "柳", "杉",
  "桐", "楓", "萩", "葉", "花", "稲", "麦", "栗", "柿", "鶴", "亀", "鷹", "鳩", "雁", "千", "百", "八", "三",
  "宝", "福", "寿", "明", "清", "美", "豊", "富", "泉", "岩", "石", "玉", "金", "銀", "雪", "霧", "風", "雲",
] as const;

// prettier-ignore
const SECOND = [
  "野", "原", "田", "川", "沢", "谷", "山", "岡", "丘", "台", "森", "林", "島", "崎", "浜", "浦", "瀬", "津",
  "江", "池", "井", "里", "村", "城", "宮", "坂", "峰", "尾", "木", "根", "見", "生", "戸", "部", "間", "堀",
] as const;

export type TMunicipalityType = "ward" | "city" | "town" | "village";

const SUFFIX: Record<TMunicipalityType, string> = { ward: "区", city: "市", town: "町", village: "村" };

export const FICTIONAL_MARK = "（架空）";

/** Unique two-character stems within one prefecture (2,600+ combinations; a prefecture needs ≤ 180). */
export function createStemFactory(random: TRandom) {
  const used = new Set<string>();
  return (): string => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const stem = `${random.pick(FIRST)}${random.pick(SECOND)}`;
      if (!used.has(stem)) {
        used.add(stem);
        return stem;
      }
    }
    throw new Error("ran out of fictional municipality names");
  };
}

export function municipalityName(stem: string, type: TMunicipalityType): string {
  return `${stem}${SUFFIX[type]}${FICTIONAL_MARK}`;
}

/** The name as written inside an address (without the 架空 mark, which the prefecture already carries). */
export function municipalityAddressName(stem: string, type: TMunicipalityType): string {
  return `${stem}${SUFFIX[type]}`;
}

export function secondaryZoneName(stem: string): string {
  return `${stem}圏${FICTIONAL_MARK}`;
}

export function homeCareZoneName(stem: string): string {
  return `${stem}在宅医療圏${FICTIONAL_MARK}`;
}

const OPERATOR_SUFFIX: Record<string, string> = {
  MEDICAL_PROVIDER: "記念病院",
  MEDICAL_ASSOCIATION: "医師会",
  HEALTH_CENTER: "保健所",
  MUNICIPALITY: "地域包括ケア推進室",
  COMMUNITY_SUPPORT_CENTER: "地域包括支援センター",
  CARE_COLLABORATION_OPERATOR: "在宅医療・介護連携支援センター",
  CONSORTIUM: "地区医師会・市町村連合",
};

export function hubName(stem: string): string {
  return `${stem}在宅医療連携拠点${FICTIONAL_MARK}`;
}

export function hubOperatorName(stem: string, operatorType: string): string {
  return `${stem}${OPERATOR_SUFFIX[operatorType] ?? "連携拠点運営体"}${FICTIONAL_MARK}`;
}

// prettier-ignore
const SURNAMES = [
  "山田", "田中", "佐藤", "鈴木", "高橋", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本", "松本",
  "井上", "木村", "斉藤", "清水", "山崎", "森", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川",
  "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "福田", "太田", "西村",
  "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "松田", "竹内", "上田", "小野", "田村", "中川",
] as const;

// prettier-ignore
const GENTLE = [
  "さくら", "ひかり", "みどり", "あおば", "つばき", "すみれ", "かえで", "ひまわり", "あさひ", "のぞみ",
  "やすらぎ", "こもれび", "わかば", "なごみ", "いぶき", "すずらん", "たんぽぽ", "けやき", "しらかば", "ゆうあい",
] as const;

// Weighted like the demo's clinics: internal medicine first, then the usual specialties.
const CLINIC_PATTERNS: readonly (readonly [(r: TRandom, place: string) => string, number])[] = [
  [(r) => `${r.pick(SURNAMES)}内科クリニック`, 10],
  [(r) => `${r.pick(SURNAMES)}医院`, 9],
  [(r) => `${r.pick(SURNAMES)}内科医院`, 6],
  [(r) => `${r.pick(GENTLE)}内科クリニック`, 5],
  [(_r, place) => `${place}駅前クリニック`, 3],
  [(r) => `${r.pick(GENTLE)}ファミリークリニック`, 4],
  [(r) => `${r.pick(SURNAMES)}整形外科クリニック`, 4],
  [(r) => `${r.pick(SURNAMES)}眼科`, 3],
  [(r) => `${r.pick(SURNAMES)}皮フ科クリニック`, 2],
  [(r) => `${r.pick(SURNAMES)}耳鼻咽喉科医院`, 2],
  [(r) => `${r.pick(GENTLE)}こどもクリニック`, 3],
  [(r) => `${r.pick(GENTLE)}在宅クリニック`, 2],
  [(r) => `${r.pick(SURNAMES)}胃腸科内科`, 2],
  [(r) => `${r.pick(SURNAMES)}循環器内科`, 2],
  [(r) => `${r.pick(GENTLE)}メンタルクリニック`, 1],
  [(_r, place) => `${place}診療所`, 2],
];

const HOSPITAL_PATTERNS: readonly (readonly [(r: TRandom, place: string) => string, number])[] = [
  [(_r, place) => `${place}中央病院`, 3],
  [(_r, place) => `${place}総合病院`, 2],
  [(r) => `${r.pick(SURNAMES)}病院`, 4],
  [(r) => `${r.pick(SURNAMES)}記念病院`, 3],
  [(r) => `${r.pick(GENTLE)}リハビリテーション病院`, 2],
  [(r) => `${r.pick(GENTLE)}ケアホスピタル`, 1],
  [(_r, place) => `${place}市民病院`, 1],
];

/** Names repeat across a large prefecture, as 山田医院 does in reality; codes identify institutions. */
export function institutionName(random: TRandom, kind: "HOSPITAL" | "CLINIC", placeStem: string): string {
  return random.weighted(kind === "HOSPITAL" ? HOSPITAL_PATTERNS : CLINIC_PATTERNS)(random, placeStem);
}

// prettier-ignore
const TOWN_WORDS = ["中央", "本町", "栄町", "旭町", "緑町", "若葉", "日之出", "桜木", "新田", "東町", "西町", "駅前"] as const;

export function institutionAddress(random: TRandom, municipality: string): string {
  return `${municipality}${random.pick(TOWN_WORDS)}${random.int(1, 6)}丁目${random.int(1, 28)}-${random.int(1, 20)}`;
}
