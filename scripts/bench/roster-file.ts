// A synthetic 医療機関名簿 for benchmarks: n institutions of 福井県 with valid 医療機関コード
// (buildInstitutionCode), spread over its 17 municipalities, 1 in 10 a hospital. Deterministic.
import { buildInstitutionCode } from "@/lib/domain/codes";
import { FUKUI_MUNICIPALITIES, FUKUI_PREFECTURE_CODE } from "@/prisma/seed/fukui";
import type { TTable } from "@/lib/export/table-file";

export const ROSTER_HEADER = [
  "医療機関コード",
  "名称",
  "種別",
  "病床数",
  "郵便番号",
  "住所",
  "市区町村コード",
  "電話",
  "担当者メール",
];

export function syntheticRoster(n: number, { phoneSuffix = "" }: { phoneSuffix?: string } = {}): TTable {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const municipality = FUKUI_MUNICIPALITIES[i % FUKUI_MUNICIPALITIES.length]!;
    const district = String((i % FUKUI_MUNICIPALITIES.length) + 1).padStart(2, "0");
    const number = String(Math.floor(i / FUKUI_MUNICIPALITIES.length) + 1).padStart(4, "0");
    const hospital = i % 10 === 0;
    rows.push([
      buildInstitutionCode(FUKUI_PREFECTURE_CODE, `${district}${number}`),
      hospital ? `ベンチ総合病院${i + 1}` : `ベンチ髙橋クリニック${i + 1}`,
      hospital ? "病院" : "診療所",
      hospital ? String(50 + (i % 300)) : "0",
      `91${String(i % 10)}-${String(1000 + (i % 9000)).padStart(4, "0")}`,
      `${municipality.name}本町${(i % 50) + 1}-${(i % 9) + 1}`,
      municipality.code,
      `${municipality.areaCode}-${String(10 + (i % 89)).padStart(2, "0")}-${String(i % 10000).padStart(4, "0")}${phoneSuffix}`,
      `bench-${i + 1}@example.jp`,
    ]);
  }
  return { header: ROSTER_HEADER, rows };
}
