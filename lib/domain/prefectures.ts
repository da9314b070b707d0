// The 47 prefectures (JIS X 0401), with their region and a position on a simple tile map of
// Japan used by the national dashboard (one square per prefecture, roughly where it lies).
export type TPrefectureInfo = {
  code: string;
  name: string;
  region: string;
  tile: { col: number; row: number };
};

export const PREFECTURES: readonly TPrefectureInfo[] = [
  { code: "01", name: "北海道", region: "北海道", tile: { col: 12, row: 0 } },
  { code: "02", name: "青森県", region: "東北", tile: { col: 12, row: 1 } },
  { code: "03", name: "岩手県", region: "東北", tile: { col: 12, row: 2 } },
  { code: "04", name: "宮城県", region: "東北", tile: { col: 12, row: 3 } },
  { code: "05", name: "秋田県", region: "東北", tile: { col: 11, row: 2 } },
  { code: "06", name: "山形県", region: "東北", tile: { col: 11, row: 3 } },
  { code: "07", name: "福島県", region: "東北", tile: { col: 11, row: 4 } },
  { code: "08", name: "茨城県", region: "関東", tile: { col: 12, row: 5 } },
  { code: "09", name: "栃木県", region: "関東", tile: { col: 11, row: 5 } },
  { code: "10", name: "群馬県", region: "関東", tile: { col: 10, row: 5 } },
  { code: "11", name: "埼玉県", region: "関東", tile: { col: 11, row: 6 } },
  { code: "12", name: "千葉県", region: "関東", tile: { col: 12, row: 6 } },
  { code: "13", name: "東京都", region: "関東", tile: { col: 11, row: 7 } },
  { code: "14", name: "神奈川県", region: "関東", tile: { col: 11, row: 8 } },
  { code: "15", name: "新潟県", region: "中部", tile: { col: 10, row: 4 } },
  { code: "16", name: "富山県", region: "中部", tile: { col: 9, row: 4 } },
  { code: "17", name: "石川県", region: "中部", tile: { col: 8, row: 4 } },
  { code: "18", name: "福井県", region: "中部", tile: { col: 8, row: 5 } },
  { code: "19", name: "山梨県", region: "中部", tile: { col: 10, row: 6 } },
  { code: "20", name: "長野県", region: "中部", tile: { col: 9, row: 5 } },
  { code: "21", name: "岐阜県", region: "中部", tile: { col: 9, row: 6 } },
  { code: "22", name: "静岡県", region: "中部", tile: { col: 10, row: 7 } },
  { code: "23", name: "愛知県", region: "中部", tile: { col: 9, row: 7 } },
  { code: "24", name: "三重県", region: "近畿", tile: { col: 8, row: 8 } },
  { code: "25", name: "滋賀県", region: "近畿", tile: { col: 8, row: 6 } },
  { code: "26", name: "京都府", region: "近畿", tile: { col: 7, row: 6 } },
  { code: "27", name: "大阪府", region: "近畿", tile: { col: 7, row: 7 } },
  { code: "28", name: "兵庫県", region: "近畿", tile: { col: 6, row: 7 } },
  { code: "29", name: "奈良県", region: "近畿", tile: { col: 8, row: 7 } },
  { code: "30", name: "和歌山県", region: "近畿", tile: { col: 7, row: 8 } },
  { code: "31", name: "鳥取県", region: "中国", tile: { col: 5, row: 6 } },
  { code: "32", name: "島根県", region: "中国", tile: { col: 4, row: 6 } },
  { code: "33", name: "岡山県", region: "中国", tile: { col: 5, row: 7 } },
  { code: "34", name: "広島県", region: "中国", tile: { col: 4, row: 7 } },
  { code: "35", name: "山口県", region: "中国", tile: { col: 3, row: 7 } },
  { code: "36", name: "徳島県", region: "四国", tile: { col: 6, row: 8 } },
  { code: "37", name: "香川県", region: "四国", tile: { col: 5, row: 8 } },
  { code: "38", name: "愛媛県", region: "四国", tile: { col: 4, row: 8 } },
  { code: "39", name: "高知県", region: "四国", tile: { col: 5, row: 9 } },
  { code: "40", name: "福岡県", region: "九州・沖縄", tile: { col: 2, row: 7 } },
  { code: "41", name: "佐賀県", region: "九州・沖縄", tile: { col: 1, row: 7 } },
  { code: "42", name: "長崎県", region: "九州・沖縄", tile: { col: 0, row: 7 } },
  { code: "43", name: "熊本県", region: "九州・沖縄", tile: { col: 1, row: 8 } },
  { code: "44", name: "大分県", region: "九州・沖縄", tile: { col: 2, row: 8 } },
  { code: "45", name: "宮崎県", region: "九州・沖縄", tile: { col: 2, row: 9 } },
  { code: "46", name: "鹿児島県", region: "九州・沖縄", tile: { col: 1, row: 9 } },
  { code: "47", name: "沖縄県", region: "九州・沖縄", tile: { col: 0, row: 11 } },
];

const BY_CODE = new Map(PREFECTURES.map((p) => [p.code, p]));

export function prefectureName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}

export function isPrefectureCode(code: string): boolean {
  return BY_CODE.has(code);
}
