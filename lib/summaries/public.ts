// The public side (公表) in words a patient understands: what each function means, how it is
// secured, the licences a prefecture may choose, the line "data as of …" every public page shows,
// and the rows of the count tables. Pure: no React, no database (lib/summaries rules).
import type { TPublicFunctionKey } from "@/lib/aggregation/public-row";
import { PRIMARY_CARE_AREAS } from "@/lib/aggregation/clinic-tags";
import type { TProvisionMode } from "@/lib/questionnaire/definition";
import { formatInteger } from "@/lib/format";

export type TPublicFunctionText = {
  key: TPublicFunctionKey;
  /** Official name, e.g. "2号機能(ハ) 在宅医療の提供". */
  officialName: string;
  /** Short label for filters and table heads, e.g. "在宅医療". */
  shortName: string;
  /** What it means for a patient, one sentence. */
  plain: string;
};

export const PUBLIC_FUNCTION_TEXTS: Record<TPublicFunctionKey, TPublicFunctionText> = {
  f1: {
    key: "f1",
    officialName: "1号機能（日常的な診療を総合的かつ継続的に行う機能）",
    shortName: "日常的な診療（1号）",
    plain: "よくある病気の診療や健康の相談に、継続して応じます。",
  },
  f2i: {
    key: "f2i",
    officialName: "2号機能(イ) 通常の診療時間外の診療",
    shortName: "時間外の診療（イ）",
    plain: "夜間や休日など、通常の診療時間外にも診療を受けられる体制があります。",
  },
  f2ro: {
    key: "f2ro",
    officialName: "2号機能(ロ) 入退院時の支援",
    shortName: "入院・退院の支援（ロ）",
    plain: "入院が必要なときの受け入れ先の確保や、退院後の生活に向けた支援を行います。",
  },
  f2ha: {
    key: "f2ha",
    officialName: "2号機能(ハ) 在宅医療の提供",
    shortName: "在宅医療（ハ）",
    plain: "通院が難しい方のご自宅などへ、訪問診療や往診を行います。",
  },
  f2ni: {
    key: "f2ni",
    officialName: "2号機能(ニ) 介護サービス等と連携した医療提供",
    shortName: "介護との連携（ニ）",
    plain: "ケアマネジャーなど介護の専門職と連携して医療を提供します。",
  },
};

export const PUBLIC_FUNCTION_ORDER: readonly TPublicFunctionKey[] = ["f1", "f2i", "f2ro", "f2ha", "f2ni"];

const MODE_PLAIN: Record<TProvisionMode, string> = {
  self: "この医療機関が自ら対応します",
  partner: "他の医療機関と連携して対応します",
  both: "自ら対応し、他の医療機関とも連携しています",
};

/** "有り" or "報告無し", with how it is secured when the report says. */
export function publicFunctionState(fn: { has: boolean; mode: TProvisionMode | null } | undefined): {
  has: boolean;
  state: string;
  how: string | null;
} {
  if (!fn?.has) return { has: false, state: "報告無し", how: null };
  return { has: true, state: "有り", how: fn.mode ? MODE_PLAIN[fn.mode] : null };
}

export const MODE_SHORT: Record<TProvisionMode, string> = { self: "自院", partner: "連携", both: "自院及び連携" };

/** The 17 areas (1号6) with the manual's codes, for filters and the institution page. */
export const PUBLIC_AREAS: readonly { code: string; label: string }[] = PRIMARY_CARE_AREAS;
export const areaLabel = (code: string) => PUBLIC_AREAS.find((a) => a.code === code)?.label ?? code;

export type TLicence = { key: string; name: string; url: string; attribution: string };

/** Licences a prefecture may choose for its open data (政府標準利用規約 2.0 is CC BY 4.0 compatible). */
export const PUBLIC_LICENCES: readonly TLicence[] = [
  {
    key: "CC-BY-4.0",
    name: "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
    url: "https://creativecommons.org/licenses/by/4.0/deed.ja",
    attribution: "出典を表示すれば、複製・加工・再配布・商用利用ができます。",
  },
  {
    key: "GOV-JP-2.0",
    name: "公共データ利用規約（第1.0版）／政府標準利用規約（第2.0版）準拠",
    url: "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
    attribution: "出典を表示すれば、複製・加工・再配布・商用利用ができます。",
  },
  {
    key: "CC0-1.0",
    name: "クリエイティブ・コモンズ CC0 1.0（パブリック・ドメイン提供）",
    url: "https://creativecommons.org/publicdomain/zero/1.0/deed.ja",
    attribution: "権利を放棄しており、条件なく利用できます。",
  },
];
export const LICENCE_KEYS = PUBLIC_LICENCES.map((l) => l.key) as [string, ...string[]];
export const licenceOf = (key: string): TLicence => PUBLIC_LICENCES.find((l) => l.key === key) ?? PUBLIC_LICENCES[0]!;

export const PUBLICATION_STATUS_LABELS = {
  DRAFT: "準備中（未公表）",
  SCHEDULED: "公表予定",
  PUBLISHED: "公表中",
  WITHDRAWN: "取り下げ済み",
} as const;

const jstDate = (date: Date) => {
  const jst = new Date(date.getTime() + 9 * 3600_000);
  return `${jst.getUTCFullYear()}年${jst.getUTCMonth() + 1}月${jst.getUTCDate()}日`;
};

/** "このページの情報は2026年4月30日時点の確認済みの報告です（令和7年度）。" */
export function dataAsOfText(dataAsOf: Date, cycleLabel: string): string {
  return `このページの情報は${jstDate(dataAsOf)}時点で都道府県が確認した報告に基づきます（${cycleLabel}）。`;
}

export const publicDateText = (date: Date): string => jstDate(date);

export type TPublicCounts = {
  institutions: number;
  f1: number;
  f2i: number;
  f2ro: number;
  f2ha: number;
  f2ni: number;
};

export const PUBLIC_COUNT_COLUMNS: readonly { key: keyof TPublicCounts; label: string }[] = [
  { key: "institutions", label: "公表医療機関数" },
  ...PUBLIC_FUNCTION_ORDER.map((key) => ({ key, label: PUBLIC_FUNCTION_TEXTS[key].shortName })),
];

/** A count as the public tables print it: "1,234件". */
export const publicCountText = (n: number): string => `${formatInteger(n)}件`;

export const PUBLIC_NOT_FOUND_TEXT =
  "お探しのページは見つかりませんでした。公表されていないか、取り下げられた可能性があります。";
