// Fictional but natural-sounding Japanese institution names and addresses.
import type { TRandom } from "./random";

const SURNAMES = [
  "山田",
  "田中",
  "佐藤",
  "鈴木",
  "高橋",
  "伊藤",
  "渡辺",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山本",
  "松本",
  "井上",
  "木村",
  "斉藤",
  "清水",
  "山崎",
  "森",
  "橋本",
  "阿部",
  "石川",
  "山下",
  "中島",
  "石井",
  "小川",
  "前田",
  "岡田",
  "長谷川",
  "藤田",
  "後藤",
  "近藤",
  "村上",
  "遠藤",
  "青木",
  "坂本",
  "福田",
  "太田",
  "西村",
  "藤井",
  "金子",
  "岡本",
  "藤原",
  "中野",
  "三浦",
  "原田",
  "松田",
  "竹内",
  "上田",
  "小野",
  "田村",
  "中川",
  "宮本",
  "酒井",
  "横山",
  "宮崎",
  "内田",
  "高木",
  "安藤",
  "島田",
  "谷口",
  "丸山",
  "今井",
  "坪田",
  "松井",
  "五十嵐",
  "山内",
  "北川",
  "野村",
  "吉川",
  "荒川",
  "笠原",
  "土田",
  "川端",
  "南部",
  "宇野",
  "出口",
  "辻",
];

const GENTLE_WORDS = [
  "さくら",
  "ひかり",
  "みどり",
  "あおば",
  "はなみずき",
  "つばき",
  "すみれ",
  "かえで",
  "ひまわり",
  "あじさい",
  "あさひ",
  "のぞみ",
  "ほほえみ",
  "やすらぎ",
  "こもれび",
  "せせらぎ",
  "わかば",
  "なごみ",
  "いぶき",
  "すずらん",
];

const TOWN_WORDS = [
  "中央",
  "本町",
  "栄町",
  "旭町",
  "緑町",
  "松ケ丘",
  "若葉",
  "宝永",
  "日之出",
  "清水町",
  "桜木",
  "新田",
];

const CLINIC_PATTERNS: readonly (readonly [(r: TRandom) => string, number])[] = [
  [(r) => `${r.pick(SURNAMES)}内科クリニック`, 10],
  [(r) => `${r.pick(SURNAMES)}医院`, 9],
  [(r) => `${r.pick(SURNAMES)}内科医院`, 6],
  [(r) => `${r.pick(GENTLE_WORDS)}内科クリニック`, 5],
  [(r) => `${r.pick(GENTLE_WORDS)}ファミリークリニック`, 4],
  [(r) => `${r.pick(SURNAMES)}整形外科クリニック`, 4],
  [(r) => `${r.pick(SURNAMES)}眼科`, 3],
  [(r) => `${r.pick(SURNAMES)}皮フ科クリニック`, 2],
  [(r) => `${r.pick(SURNAMES)}耳鼻咽喉科医院`, 2],
  [(r) => `${r.pick(GENTLE_WORDS)}こどもクリニック`, 3],
  [(r) => `${r.pick(SURNAMES)}小児科医院`, 2],
  [(r) => `${r.pick(GENTLE_WORDS)}在宅クリニック`, 2],
  [(r) => `${r.pick(SURNAMES)}胃腸科内科`, 2],
  [(r) => `${r.pick(SURNAMES)}レディースクリニック`, 1],
  [(r) => `${r.pick(GENTLE_WORDS)}メンタルクリニック`, 1],
  [(r) => `${r.pick(SURNAMES)}循環器内科`, 2],
  [(r) => `${r.pick(TOWN_WORDS)}診療所`, 2],
];

const HOSPITAL_SUFFIXES = [
  "記念病院",
  "中央病院",
  "総合病院",
  "リハビリテーション病院",
  "病院",
  "第一病院",
  "ケアホスピタル",
];

export function createNameFactory(random: TRandom) {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error("ran out of unique demo names");
  };
  return {
    clinic: () => unique(() => random.weighted(CLINIC_PATTERNS)(random)),
    hospital: () => unique(() => `${random.pick(GENTLE_WORDS)}${random.pick(HOSPITAL_SUFFIXES)}`),
  };
}

export function demoAddress(random: TRandom, municipalityName: string): string {
  return `${municipalityName}${random.pick(TOWN_WORDS)}${random.int(1, 6)}丁目${random.int(1, 28)}-${random.int(1, 20)}`;
}

export function demoPostalCode(random: TRandom): string {
  return `91${random.int(0, 9)}-${String(random.int(0, 9999)).padStart(4, "0")}`;
}

export function demoPhone(random: TRandom, areaCode: string): string {
  return `${areaCode}-${random.int(20, 99)}-${String(random.int(0, 9999)).padStart(4, "0")}`;
}
