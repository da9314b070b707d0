// The council packet (協議の場資料) of one zone and cycle, in the order of the guideline's council
// cycle: ① share the current state (圏域の概要, 現状把握, 17 areas, 意向有り, hubs) → ② ③ the
// target and the problems (課題の候補, listed automatically) → ④ ⑤ causes, measures and owners
// (one worksheet per theme, filled in at the meeting) → appendix (every institution).
// Every figure comes from the zone dashboard bundle (TZoneDashboard), exactly as on screen.
import {
  INDICATOR_GROUP_LABELS,
  ISSUE_CANDIDATE_RULE,
  JUDGEMENT_LABELS,
  MIN_N_FOR_COMPARISON,
  MODE_KEYS,
  MODE_LABELS,
  PRIMARY_FUNCTION_KEY,
  RESPONSE_STATUSES,
  RESPONSE_STATUS_LABELS,
  KIND_FILTER_LABELS,
  INSTITUTION_KIND_LABELS,
  issueCandidates,
  type TClinicSummary,
  type TFunctionSummary,
  type TIndicatorComparison,
  type THubDutySummary,
  type TRate,
} from "@/lib/aggregation";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { formatInteger, formatPer10k, formatPointDelta, formatRate, formatShare } from "@/lib/format";
import { institutionsTable } from "@/lib/summaries/tables";
import { BarChart, type TBarSeries } from "../components/bar-chart";
import type { TFrame } from "../components/page";
import type { TBlock, TRow } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TZonePacketInput } from "../props";
import { COLORS, TYPE } from "../theme";
import {
  blankTable,
  contentsBlock,
  countOfText,
  demoNoticeBlock,
  differenceText,
  factsBlock,
  integerText,
  linedBox,
  note,
  para,
  rateText,
  readingText,
  share,
  warekiDateTime,
  warekiOf,
  type TContentsEntry,
} from "./common";
import { hubDutyLegend, hubDutyTable, hubRowsTable } from "./hubs";

export type TBuiltDocument = { frame: TFrame; blocks: TBlock[]; title: string; subject: string };

const SECTIONS = {
  overview: "1. 圏域の概要",
  current: "2. 現状把握（1号・2号機能）",
  areas: "3. 一次診療の17領域",
  pools: "4. 意向有りの医療機関（実施の意向がある医療機関）",
  hubs: "5. 在宅医療連携拠点の自己評価",
  issues: "6. 課題の候補（県全体を下回る指標）",
  worksheets: "7. 協議ワークシート",
  appendix: "付録 医療機関ごとの機能の有無",
} as const;

type TSectionKey = keyof typeof SECTIONS;
const anchor = (key: TSectionKey) => `sec-${key}`;

const functionOf = (summary: TClinicSummary | null | undefined, key: string): TFunctionSummary | undefined =>
  summary?.functions.find((f) => f.key === key);

/** 意向有り per function or per item: count, its n, the share, and the prefecture's share. */
function intentTable(
  caption: string,
  [labelHeader, nHeader]: [string, string],
  prefName: string,
  rows: { label: string; intent: TRate; prefecture: TRate | undefined }[],
): TBlock {
  return {
    kind: "table",
    table: {
      caption,
      columns: [
        { header: labelHeader, width: 160 },
        { header: "意向有り（件）", width: 60, align: "right" },
        { header: nHeader, width: 50, align: "right" },
        { header: "割合", width: 50, align: "right" },
        { header: `${prefName}全体`, width: 60, align: "right" },
      ],
      rows: rows.map((r) => ({
        cells: [
          r.label,
          integerText(r.intent.count),
          integerText(r.intent.n),
          rateText(r.intent),
          rateText(r.prefecture),
        ],
      })),
    },
  };
}

const judgementCell = (c: TIndicatorComparison | undefined) => {
  if (!c) return "—";
  const label = JUDGEMENT_LABELS[c.judgement];
  if (c.judgement === "below") return { text: label, color: COLORS.bad, bold: true };
  if (c.judgement === "insufficientN") return { text: "参考値", color: COLORS.warn };
  return { text: label, color: COLORS.muted };
};

export function buildZonePacket(input: TZonePacketInput, measurer: TextMeasurer): TBuiltDocument {
  const d = input.dashboard;
  const zone = d.zone;
  const S = zone.summary;
  const P = d.prefecture;
  const prev = zone.previous;
  const year = fiscalYearLabel(d.cycle.fiscalYear);
  const prefName = d.cycle.prefectureName;
  const isCouncilView = d.otherZones === null;
  const comparison = new Map(d.comparison.map((c) => [c.key, c]));
  const changes = new Map((zone.change?.indicators ?? []).map((c) => [c.key, c]));
  const secondary = S.functions.filter((f) => !f.isPrimary);
  const filterLabel = `${KIND_FILTER_LABELS[d.filter.kind]}・${d.filter.confirmedOnly ? "確認済みの報告のみ" : "提出済みの報告すべて（確認済・提出済・差戻し）"}`;

  const frame: TFrame = {
    title: `${year} 協議の場資料 ${zone.name}（${d.scheme.name}）`,
    owner: prefName,
    footnote: `作成 ${warekiOf(input.generatedAt)}・${filterLabel}`,
    isDemo: d.cycle.isDemo,
  };

  const blocks: TBlock[] = [];
  const push = (...b: TBlock[]) => blocks.push(...b);
  const section = (key: TSectionKey, orientation?: "portrait" | "landscape") =>
    push(
      { kind: "pageBreak", orientation: orientation ?? "portrait" },
      { kind: "heading", level: 1, text: SECTIONS[key], anchor: anchor(key), bookmark: true },
    );

  // ---- Cover and contents --------------------------------------------------------------------------
  push(
    { kind: "text", text: `${prefName}　${year}`, size: 12, color: COLORS.muted, gapAfter: 2 },
    { kind: "text", text: "協議の場 資料", size: 24, bold: true, color: COLORS.accent, gapAfter: 2 },
    {
      kind: "text",
      text: "かかりつけ医機能報告と在宅医療連携拠点の自己評価にもとづく現状把握・課題整理",
      size: 10.5,
      gapAfter: 18,
    },
    { kind: "text", text: zone.name, size: 30, bold: true, gapAfter: 0 },
    {
      kind: "text",
      text: `${d.scheme.name}　構成市区町村: ${zone.municipalities.map((m) => m.name).join("、")}`,
      size: 10,
      color: COLORS.muted,
      gapAfter: 16,
    },
  );
  if (d.cycle.isDemo)
    push(
      demoNoticeBlock(
        "この資料の医療機関・拠点・報告内容・人口は、画面の確認用に作った架空のデータです。実在の医療機関とは関係ありません。",
      ),
    );
  push(
    factsBlock([
      ["作成日", warekiOf(input.generatedAt)],
      ["集計時点", warekiDateTime(d.generatedAt)],
      ["報告", `${d.cycle.title}（${d.cycle.versionLabel}）`],
      ["集計の対象", filterLabel],
      ["集計対象の報告数", `${formatInteger(S.n)}件（対象医療機関 ${formatInteger(S.status.respondents)}機関）`],
    ]),
    { kind: "spacer", height: 8 },
    { kind: "heading", level: 2, text: "目次" },
  );
  const contents: TContentsEntry[] = [
    { label: SECTIONS.overview, anchor: anchor("overview"), note: "① 現状の共有" },
    { label: SECTIONS.current, anchor: anchor("current") },
    { label: SECTIONS.areas, anchor: anchor("areas") },
    { label: SECTIONS.pools, anchor: anchor("pools") },
    { label: SECTIONS.hubs, anchor: anchor("hubs") },
    { label: SECTIONS.issues, anchor: anchor("issues"), note: "② 目指す姿・③ 課題" },
    { label: SECTIONS.worksheets, anchor: anchor("worksheets"), note: "④ 原因・⑤ 対応策と担当" },
    { label: SECTIONS.appendix, anchor: anchor("appendix") },
  ];
  push(
    contentsBlock(contents),
    note(
      "協議の進め方（かかりつけ医機能報告制度のガイドライン）: ① 現状と見通しを共有する → ② 目指す姿を合意する → ③ 課題を合意する → ④ 原因を分析する（行政・医療・介護）→ ⑤ 対応策と担当を決める。翌年度の資料で効果を確かめます。",
    ),
  );

  // ---- 1. 圏域の概要 ---------------------------------------------------------------------------------
  section("overview");
  const rowsByKind = (municipality: string | null) => {
    const rows = d.institutions.filter((r) => municipality === null || r.municipality === municipality);
    return {
      hospitals: rows.filter((r) => r.kind === "HOSPITAL").length,
      clinics: rows.filter((r) => r.kind === "CLINIC").length,
    };
  };
  const all = rowsByKind(null);
  const pop = S.population;
  const aging = pop.total && pop.age65 !== null ? formatRate(pop.age65, pop.total) : "—";
  const hubNames = d.hubs.hubs.map((h) => h.name);
  push(
    factsBlock([
      ["構成市区町村", `${zone.municipalities.map((m) => m.name).join("、")}（${zone.municipalities.length}市区町村）`],
      ["総人口", pop.total === null ? "—（人口が未登録の市区町村があります）" : `${formatInteger(pop.total)}人`],
      ["65歳以上人口", pop.age65 === null ? "—" : `${formatInteger(pop.age65)}人（高齢化率 ${aging}）`],
      ["75歳以上人口", pop.age75 === null ? "—" : `${formatInteger(pop.age75)}人`],
      [
        "医療機関",
        `病院 ${formatInteger(all.hospitals)}・診療所 ${formatInteger(all.clinics)}（計 ${formatInteger(all.hospitals + all.clinics)}）`,
      ],
      [
        "報告の提出",
        `${formatInteger(S.status.withRevision)}/${formatInteger(S.status.respondents)}機関（提出率 ${formatRate(S.status.withRevision, S.status.respondents)}）`,
      ],
      ["在宅医療連携拠点", hubNames.length > 0 ? hubNames.join("、") : "この圏域を担当する拠点は登録されていません"],
    ]),
    {
      kind: "table",
      table: {
        caption: "市区町村別の人口と医療機関",
        columns: [
          { header: "市区町村", width: 90 },
          { header: "総人口", width: 62, align: "right" },
          { header: "65歳以上", width: 58, align: "right" },
          { header: "高齢化率", width: 46, align: "right" },
          { header: "病院", width: 34, align: "right" },
          { header: "診療所", width: 38, align: "right" },
          { header: "提出／対象", width: 60, align: "right" },
          { header: "1号機能 有り", width: 70, align: "right" },
        ],
        rows: [
          ...d.municipalities.map((m): TRow => {
            const k = rowsByKind(m.name);
            const p = m.summary.population;
            const f1 = functionOf(m.summary, PRIMARY_FUNCTION_KEY);
            return {
              cells: [
                m.name,
                integerText(p.total),
                integerText(p.age65),
                p.total && p.age65 !== null ? formatRate(p.age65, p.total) : "—",
                integerText(k.hospitals),
                integerText(k.clinics),
                `${formatInteger(m.summary.status.withRevision)}/${formatInteger(m.summary.status.respondents)}`,
                f1 ? `${formatInteger(f1.has.count)}（${rateText(f1.has)}）` : "—",
              ],
            };
          }),
          (() => {
            const f1 = functionOf(S, PRIMARY_FUNCTION_KEY);
            return {
              bold: true,
              fill: COLORS.zebra,
              cells: [
                `${zone.name} 計`,
                integerText(pop.total),
                integerText(pop.age65),
                aging,
                integerText(all.hospitals),
                integerText(all.clinics),
                `${formatInteger(S.status.withRevision)}/${formatInteger(S.status.respondents)}`,
                f1 ? `${formatInteger(f1.has.count)}（${rateText(f1.has)}）` : "—",
              ],
            };
          })(),
        ],
      },
    },
    note(
      `人口は市区町村ごとに登録された値です${d.cycle.isDemo ? "（デモでは概数・架空）" : ""}。医療機関数は名簿に載っている医療機関（報告済みで名簿から外れた医療機関を含む）の数、提出／対象は報告の対象となっている医療機関のうち報告を提出した数です。`,
    ),
  );
  if (d.hubs.hubs.length > 0) {
    push({
      kind: "table",
      table: {
        caption: "在宅医療に必要な連携を担う拠点",
        columns: [
          { header: "拠点", width: 220 },
          { header: "担当する圏域", width: 140 },
          { header: "自己評価", width: 90 },
        ],
        rows: d.hubs.hubs.map((h) => ({ cells: [h.name, h.zoneName, RESPONSE_STATUS_LABELS[h.summary.status]] })),
      },
    });
  }

  // ---- 2. 現状把握 -------------------------------------------------------------------------------
  section("current");
  const statusRow = (name: string, s: TClinicSummary, bold = false): TRow => ({
    bold,
    cells: [
      name,
      integerText(s.status.respondents),
      ...RESPONSE_STATUSES.map((st) => integerText(s.status.byStatus[st])),
      formatRate(s.status.withRevision, s.status.respondents),
      integerText(s.n),
    ],
  });
  push({
    kind: "table",
    table: {
      caption: "2-1 報告の提出状況",
      columns: [
        { header: "", width: 90 },
        { header: "対象", width: 44, align: "right" },
        ...RESPONSE_STATUSES.map((st) => ({ header: RESPONSE_STATUS_LABELS[st], width: 44, align: "right" as const })),
        { header: "提出率", width: 48, align: "right" },
        { header: "集計対象", width: 50, align: "right" },
      ],
      rows: [
        statusRow(zone.name, S, true),
        ...(prev ? [statusRow(`${zone.name}（前年度）`, prev)] : []),
        statusRow(`${prefName}全体`, P),
      ],
    },
  });

  const fnCategories = S.functions.map((f) => f.shortLabel);
  const fnSeries: TBarSeries[] = [
    {
      key: "zone",
      label: `${zone.name} 今年度（n=${formatInteger(S.n)}）`,
      color: COLORS.series[0],
      values: S.functions.map((f) => share(f.has)),
    },
  ];
  if (prev) {
    fnSeries.push({
      key: "prev",
      label: `${zone.name} 前年度（n=${formatInteger(prev.n)}）`,
      color: COLORS.series[1],
      values: S.functions.map((f) => share(functionOf(prev, f.key)?.has)),
    });
  }
  fnSeries.push({
    key: "pref",
    label: `${prefName}全体（n=${formatInteger(P.n)}）`,
    color: COLORS.series[2],
    values: S.functions.map((f) => share(functionOf(P, f.key)?.has)),
  });
  push(
    { kind: "heading", level: 2, text: "2-2 1号・2号機能が「有り」の医療機関の割合（圏域・前年度・県全体）" },
    {
      kind: "chart",
      height: 190,
      render: (w, h) => (
        <BarChart width={w} height={h} categories={fnCategories} series={fnSeries} unit="share" measurer={measurer} />
      ),
    },
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 120 },
          { header: "有り（件／報告数）", width: 70, align: "right" },
          { header: "割合", width: 44, align: "right" },
          { header: "1号有りのうち", width: 52, align: "right" },
          { header: "前年度", width: 44, align: "right" },
          { header: "前年度との差", width: 52, align: "right" },
          { header: `${prefName}全体`, width: 48, align: "right" },
          { header: "県との差", width: 48, align: "right" },
        ],
        rows: S.functions.map((f): TRow => {
          const c = comparison.get(`${f.key}.has`);
          const change = changes.get(`${f.key}.has`);
          return {
            cells: [
              f.label,
              countOfText(f.has),
              rateText(f.has),
              f.isPrimary ? "—" : rateText(f.hasOverPrimary),
              prev ? rateText(functionOf(prev, f.key)?.has) : "—",
              change ? formatPointDelta(change.delta) : "—",
              rateText(functionOf(P, f.key)?.has),
              c
                ? {
                    text: differenceText(c.difference, "share"),
                    color: c.below ? COLORS.bad : COLORS.text,
                    bold: c.below,
                  }
                : "—",
            ],
          };
        }),
      },
    },
    note(
      "割合は集計対象の報告数に対する「有り」の割合です。2号機能は1号機能が「有り」の医療機関だけが報告するため、「1号有りのうち」の割合も示します。赤字は県全体を下回り、課題の候補になった指標です（6章）。",
    ),
  );

  // Other zones
  push({ kind: "heading", level: 2, text: "2-3 他の圏域との比較" });
  if (isCouncilView || !d.otherZones) {
    push(
      para(
        "この資料は協議の場の委員の閲覧範囲で作成しているため、他の圏域の数値は含みません。県全体との比較（2-2、6章）をご覧ください。他の圏域と並べた資料は都道府県の担当者が作成できます。",
      ),
    );
  } else {
    const groups = [{ name: zone.name, summary: S }, ...d.otherZones, { name: `${prefName}全体`, summary: P }];
    push(
      {
        kind: "chart",
        height: 200,
        render: (w, h) => (
          <BarChart
            width={w}
            height={h}
            categories={groups.map((g) => `${g.name}\nn=${formatInteger(g.summary.n)}`)}
            series={S.functions.map((f, i) => ({
              key: f.key,
              label: f.shortLabel,
              color: COLORS.series[[0, 4, 2, 5, 3][i % 5]!]!,
              values: groups.map((g) => share(functionOf(g.summary, f.key)?.has)),
            }))}
            unit="share"
            measurer={measurer}
            highlight={0}
            valueLabels={groups.length * S.functions.length <= 40}
          />
        ),
      },
      {
        kind: "table",
        table: {
          columns: [
            { header: "圏域", width: 100 },
            { header: "報告数", width: 46, align: "right" },
            ...S.functions.map((f) => ({ header: f.shortLabel, width: 56, align: "right" as const })),
          ],
          rows: groups.map((g, i) => ({
            bold: i === 0,
            fill: i === groups.length - 1 ? COLORS.zebra : undefined,
            cells: [
              g.name,
              integerText(g.summary.n),
              ...S.functions.map((f) => rateText(functionOf(g.summary, f.key)?.has)),
            ],
          })),
        },
      },
    );
  }

  push(
    { kind: "heading", level: 2, text: "2-4 2号機能の確保の方法（自院／連携）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 130 },
          { header: "有り", width: 44, align: "right" },
          ...MODE_KEYS.map((m) => ({ header: MODE_LABELS[m], width: 56, align: "right" as const })),
          { header: "意向有り", width: 48, align: "right" },
        ],
        rows: secondary.map((f) => ({
          cells: [
            f.label,
            integerText(f.has.count),
            ...MODE_KEYS.map((m) => (f.reportsMode ? integerText(f.modes[m].overN.count) : "—")),
            integerText(f.intent.count),
          ],
        })),
      },
    },
    note(
      "件数です。「連携」は他の医療機関等との連携により確保していること、「不明」は確保の方法の回答がないことを表します。「—」は報告項目に確保の方法がない機能です。",
    ),
    { kind: "heading", level: 2, text: "2-5 高齢者人口当たりの医療機関数（65歳以上・75歳以上 1万人当たり）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 150 },
          { header: `${zone.name} 65歳以上`, width: 64, align: "right" },
          { header: `${prefName} 65歳以上`, width: 64, align: "right" },
          { header: `${zone.name} 75歳以上`, width: 64, align: "right" },
          { header: `${prefName} 75歳以上`, width: 64, align: "right" },
        ],
        rows: S.functions.map((f) => {
          const pf = functionOf(P, f.key);
          return {
            cells: [
              f.label,
              formatPer10k(f.per10k65.count, f.per10k65.population),
              pf ? formatPer10k(pf.per10k65.count, pf.per10k65.population) : "—",
              formatPer10k(f.per10k75.count, f.per10k75.population),
              pf ? formatPer10k(pf.per10k75.count, pf.per10k75.population) : "—",
            ],
          };
        }),
      },
    },
  );

  const itemComparisons = d.comparison.filter((c) => c.group === "items");
  push(
    { kind: "heading", level: 2, text: "2-6 個別の取組（時間外・入退院・在宅・介護連携の主な項目）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "指標", width: 150 },
          { header: "件／回答数", width: 60, align: "right" },
          { header: zone.name, width: 48, align: "right" },
          { header: "前年度", width: 48, align: "right" },
          { header: `${prefName}全体`, width: 52, align: "right" },
          { header: "県との差", width: 48, align: "right" },
          { header: "判定", width: 62 },
        ],
        rows: itemComparisons.map((c) => {
          const change = changes.get(c.key);
          return {
            cells: [
              c.label,
              c.value.unit === "share" ? `${formatInteger(c.value.count)}/${formatInteger(c.value.n)}` : "—",
              readingText(c.value),
              readingText(change?.previous),
              readingText(c.reference),
              differenceText(c.difference, c.unit),
              judgementCell(c),
            ],
          };
        }),
      },
    },
    { kind: "heading", level: 2, text: "2-7 市区町村別の1号・2号機能" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "市区町村", width: 90 },
          { header: "報告数", width: 44, align: "right" },
          ...S.functions.map((f) => ({ header: `${f.shortLabel} 有り`, width: 64, align: "right" as const })),
        ],
        rows: [
          ...d.municipalities.map((m) => ({
            cells: [
              m.name,
              integerText(m.summary.n),
              ...S.functions.map((f) => functionCell(functionOf(m.summary, f.key))),
            ],
          })),
          {
            bold: true,
            fill: COLORS.zebra,
            cells: [`${zone.name} 計`, integerText(S.n), ...S.functions.map((f) => functionCell(f))],
          },
        ],
      },
    },
    note("件数（集計対象の報告数に対する割合）。報告数の少ない市区町村では、1件の違いで割合が大きく変わります。"),
  );

  // ---- 3. 17 areas --------------------------------------------------------------------------------
  section("areas");
  const areaSeries: TBarSeries[] = [
    {
      key: "zone",
      label: `${zone.name}（回答 ${formatInteger(S.areas.asked)}件）`,
      color: COLORS.series[0],
      values: S.areas.areas.map((a) => share(a.offered)),
    },
  ];
  if (prev) {
    areaSeries.push({
      key: "prev",
      label: `前年度（回答 ${formatInteger(prev.areas.asked)}件）`,
      color: COLORS.series[1],
      values: S.areas.areas.map((a) => share(prev.areas.areas.find((x) => x.code === a.code)?.offered)),
    });
  }
  areaSeries.push({
    key: "pref",
    label: `${prefName}全体（回答 ${formatInteger(P.areas.asked)}件）`,
    color: COLORS.series[2],
    values: S.areas.areas.map((a) => share(P.areas.areas.find((x) => x.code === a.code)?.offered)),
  });
  push(
    para(
      "1号機能の報告事項のうち、17の診療領域ごとに一次診療に対応できる医療機関の割合です。住民がよくかかる領域で地域に対応できる医療機関があるかを確かめます。",
    ),
    {
      kind: "chart",
      height: 330,
      render: (w, h) => (
        <BarChart
          width={w}
          height={h}
          categories={S.areas.areas.map((a) => a.label)}
          series={areaSeries}
          unit="share"
          orientation="horizontal"
          measurer={measurer}
        />
      ),
    },
    {
      kind: "table",
      table: {
        columns: [
          { header: "領域", width: 130 },
          { header: "対応できる（件）", width: 60, align: "right" },
          { header: zone.name, width: 50, align: "right" },
          { header: "前年度", width: 50, align: "right" },
          { header: `${prefName}全体`, width: 56, align: "right" },
          { header: "県との差", width: 50, align: "right" },
          { header: "判定", width: 64 },
        ],
        rows: S.areas.areas.map((a) => {
          const c = comparison.get(`area.${a.code}`);
          return {
            cells: [
              a.label,
              integerText(a.offered.count),
              rateText(a.offered),
              prev ? rateText(prev.areas.areas.find((x) => x.code === a.code)?.offered) : "—",
              rateText(P.areas.areas.find((x) => x.code === a.code)?.offered),
              c ? differenceText(c.difference, "share") : "—",
              judgementCell(c),
            ],
          };
        }),
      },
    },
    note(
      `回答 ${formatInteger(S.areas.asked)}件のうち、いずれかの領域に対応できる医療機関 ${rateText(S.areas.anyOffered)}、「該当無し」${rateText(S.areas.noneSelected)}。`,
    ),
  );

  // ---- 4. 意向有り -----------------------------------------------------------------------------------
  section("pools");
  const prefectureIntent = new Map(P.choices.map((p) => [p.tag, p.intent]));
  const intentChoices = S.choices.filter((c) => c.intent.count > 0 || (prefectureIntent.get(c.tag)?.count ?? 0) > 0);
  push(
    para(
      "「無し（意向有り）」と答えた医療機関は、今は実施していないものの、今後実施する意向がある医療機関です。協議の場で協力をお願いできる候補になります。",
    ),
    intentTable(
      "機能ごとの意向有り",
      ["機能", "報告数"],
      prefName,
      secondary.map((f) => ({ label: f.label, intent: f.intent, prefecture: functionOf(P, f.key)?.intent })),
    ),
  );
  if (intentChoices.length > 0) {
    push(
      intentTable(
        "項目ごとの意向有り",
        ["項目", "回答数"],
        prefName,
        intentChoices.map((c) => ({ label: c.label, intent: c.intent, prefecture: prefectureIntent.get(c.tag) })),
      ),
    );
  }
  const poolRows = d.institutions.filter((r) =>
    secondary.some((f) => r.functions[f.key]?.intent && !r.functions[f.key]?.has),
  );
  push({
    kind: "table",
    table: {
      caption: `意向有りの医療機関の一覧（${formatInteger(poolRows.length)}機関）`,
      zebra: true,
      columns: [
        { header: "医療機関", width: 170, wrap: false },
        { header: "市区町村", width: 64 },
        { header: "種別", width: 40 },
        ...secondary.map((f) => ({ header: f.shortLabel, width: 50, align: "center" as const })),
      ],
      rows: poolRows.map((r) => ({
        cells: [
          r.name,
          r.municipality,
          INSTITUTION_KIND_LABELS[r.kind],
          ...secondary.map((f) => {
            const fn = r.functions[f.key];
            return fn?.has
              ? { text: "有り", color: COLORS.muted }
              : fn?.intent
                ? { text: "意向有り", bold: true, color: COLORS.accent }
                : "";
          }),
        ],
      })),
      empty: "意向有りと答えた医療機関はありません。",
    },
  });

  // ---- 5. Hubs ----------------------------------------------------------------------------------------
  section("hubs");
  const hubGroup = d.hubs.group;
  if (!hubGroup) {
    push(para(`${year}の在宅医療連携拠点の自己評価はまだ実施されていません。`));
  } else {
    const previousGroup = d.hubs.previousGroup;
    const previousDuty = (key: string): THubDutySummary | undefined => previousGroup?.duties.find((x) => x.key === key);
    push(
      para(
        `この圏域にかかわる拠点 ${formatInteger(hubGroup.status.respondents)}か所のうち、自己評価を提出した ${formatInteger(hubGroup.n)}か所の集計です。役割ごとに、必須項目（指針で求められる項目）の実施率と、望ましい項目の採用率を示します（拠点の項目数を合計して求めた割合）。`,
      ),
      {
        kind: "chart",
        height: 40 + hubGroup.duties.length * 26,
        render: (w, h) => (
          <BarChart
            width={w}
            height={h}
            categories={hubGroup.duties.map((x) => x.label)}
            series={[
              {
                key: "req",
                label: `必須項目の実施率 今年度（拠点 ${hubGroup.n}）`,
                color: COLORS.series[0],
                values: hubGroup.duties.map((x) => share(x.requiredMet)),
              },
              ...(previousGroup
                ? [
                    {
                      key: "prev",
                      label: `前年度（拠点 ${previousGroup.n}）`,
                      color: COLORS.series[1],
                      values: hubGroup.duties.map((x) => share(previousDuty(x.key)?.requiredMet)),
                    },
                  ]
                : []),
              {
                key: "des",
                label: "望ましい項目の採用率 今年度",
                color: COLORS.series[4],
                values: hubGroup.duties.map((x) => share(x.desirableAdopted)),
              },
            ]}
            unit="share"
            orientation="horizontal"
            measurer={measurer}
          />
        ),
      },
      hubDutyTable(hubGroup, previousGroup, "役割ごとの実施状況"),
      hubRowsTable(d.hubs.hubs, "拠点ごとの必須項目の実施率"),
      hubDutyLegend(hubGroup),
    );
  }

  // ---- 6. 課題の候補 --------------------------------------------------------------------------------
  section("issues");
  const below = issueCandidates(d.comparison);
  const reference = d.comparison.filter((c) => c.judgement === "insufficientN");
  push(
    {
      kind: "text",
      text: `県全体の値を下回る指標を、集計から自動で抽出しました。${ISSUE_CANDIDATE_RULE}「意向有り」のように良し悪しの方向がない指標は判定しません。候補は議論の出発点であり、数値だけで課題と決めるものではありません。`,
      size: TYPE.body,
      fill: COLORS.headerFill,
      gapAfter: 10,
    },
    {
      kind: "table",
      table: {
        caption: `課題の候補（${below.length}件）`,
        zebra: true,
        columns: [
          { header: "区分", width: 70 },
          { header: "指標", width: 200 },
          { header: zone.name, width: 60, align: "right" },
          { header: `${prefName}全体`, width: 60, align: "right" },
          { header: "差", width: 56, align: "right" },
        ],
        rows: below.map((c) => ({
          cells: [
            INDICATOR_GROUP_LABELS[c.group],
            c.label,
            readingText(c.value),
            readingText(c.reference),
            { text: differenceText(c.difference, c.unit), color: COLORS.bad, bold: true },
          ],
        })),
        empty: "県全体を明らかに下回る指標はありませんでした。",
      },
    },
  );
  if (reference.length > 0) {
    push({
      kind: "table",
      table: {
        caption: `参考値（報告数が${MIN_N_FOR_COMPARISON}件未満のため判定しない指標・${reference.length}件）`,
        zebra: true,
        columns: [
          { header: "区分", width: 70 },
          { header: "指標", width: 200 },
          { header: zone.name, width: 60, align: "right" },
          { header: "分母", width: 40, align: "right" },
          { header: `${prefName}全体`, width: 60, align: "right" },
        ],
        rows: reference.map((c) => ({
          cells: [
            INDICATOR_GROUP_LABELS[c.group],
            c.label,
            readingText(c.value),
            integerText(c.value.base),
            readingText(c.reference),
          ],
        })),
      },
    });
  }
  push(
    linedBox("② 目指す姿（圏域として合意したいこと）", 3),
    linedBox("③ 課題（上の候補から協議で取り上げるもの）", 4),
  );

  // ---- 7. Worksheets -----------------------------------------------------------------------------------
  const themes: { title: string; lines: string[] }[] = [
    ...S.functions.map((f) => ({ title: f.label, lines: functionFacts(f) })),
    { title: "在宅医療の連携拠点（在宅医療に必要な連携を担う拠点）", lines: hubFacts() },
  ];
  themes.forEach((theme, i) => {
    if (i === 0) section("worksheets");
    else push({ kind: "pageBreak", orientation: "portrait" });
    push(
      { kind: "heading", level: 2, text: `テーマ${i + 1}: ${theme.title}` },
      { kind: "text", text: theme.lines.join("\n"), size: 8.5, fill: COLORS.headerFill, gapAfter: 8 },
      linedBox("② 目指す姿", 2, "このテーマで圏域が目指す状態"),
      linedBox("③ 課題", 3, "現状と目指す姿の差"),
      blankTable(
        "④ 原因の分析",
        [
          { header: "立場", width: 60 },
          { header: "考えられる原因", width: 400 },
        ],
        3,
        30,
      ),
      blankTable(
        "⑤ 対応策と担当",
        [
          { header: "対応策", width: 200 },
          { header: "担当（誰が）", width: 90 },
          { header: "時期", width: 60 },
          { header: "確認する指標", width: 110 },
        ],
        4,
        30,
      ),
      note(
        "④ は行政・医療・介護それぞれの立場から書き出します。⑤ の指標は翌年度の資料で効果を確かめるために使います。",
      ),
    );
  });

  function functionFacts(f: TFunctionSummary): string[] {
    const pf = functionOf(P, f.key);
    const pv = functionOf(prev, f.key);
    const lines = [
      `① 現状: 有り ${countOfText(f.has)}件（${rateText(f.has)}）。県全体 ${rateText(pf?.has)}、前年度 ${pv ? rateText(pv.has) : "—"}。`,
    ];
    if (!f.isPrimary) {
      lines.push(
        `1号有りのうち ${rateText(f.hasOverPrimary)}。${
          f.reportsMode
            ? `確保の方法: ${MODE_KEYS.filter((m) => m !== "unknown")
                .map((m) => `${MODE_LABELS[m]} ${formatInteger(f.modes[m].overN.count)}件`)
                .join("・")}。`
            : ""
        }意向有り ${formatInteger(f.intent.count)}件。`,
      );
    }
    lines.push(
      `65歳以上人口1万人当たり ${formatPer10k(f.per10k65.count, f.per10k65.population)}（県全体 ${pf ? formatPer10k(pf.per10k65.count, pf.per10k65.population) : "—"}）。`,
    );
    const candidates = below.filter((c) => c.key.startsWith(`${f.key}.`));
    const related =
      f.key === PRIMARY_FUNCTION_KEY
        ? below.filter((c) => c.group === "areas")
        : below.filter((c) => c.group === "items" && ITEM_THEMES[c.key] === f.key);
    const flagged = [...candidates, ...related];
    lines.push(
      flagged.length > 0
        ? `課題の候補: ${flagged.map((c) => `${c.label}（${readingText(c.value)}、県 ${readingText(c.reference)}）`).join("、")}`
        : "課題の候補: なし",
    );
    return lines;
  }

  function hubFacts(): string[] {
    const g = d.hubs.group;
    if (!g) return ["① 現状: この年度の拠点の自己評価はまだありません。"];
    return [
      `① 現状: 拠点 ${formatInteger(g.n)}か所（自己評価の提出）。必須項目の実施率 ${rateText(g.total.requiredMet)}（前年度 ${d.hubs.previousGroup ? rateText(d.hubs.previousGroup.total.requiredMet) : "—"}）、望ましい項目の採用率 ${rateText(g.total.desirableAdopted)}。`,
      `実施率が低い役割: ${
        [...g.duties]
          .filter((x) => x.requiredMet.n > 0)
          .sort((a, b) => (share(a.requiredMet) ?? 0) - (share(b.requiredMet) ?? 0))
          .slice(0, 3)
          .map((x) => `${x.label}（${rateText(x.requiredMet)}）`)
          .join("、") || "—"
      }`,
    ];
  }

  // ---- Appendix ------------------------------------------------------------------------------------
  section("appendix", "landscape");
  const table = institutionsTable(d.institutions, S.functions);
  push(
    note(
      `${zone.name}の医療機関 ${formatInteger(d.institutions.length)}件。機能は最新の提出版から判定した結果です（有り／無し／無し（意向有り）、有りの場合は確保の方法）。未提出の医療機関は空欄です。`,
      6,
    ),
    {
      kind: "table",
      table: {
        zebra: true,
        size: 7,
        minRows: 1,
        columns: table.header.map((header, i) => ({
          header: String(header),
          width: [62, 150, 34, 56, 40][i] ?? 83,
          wrap: i === 1 ? false : undefined,
        })),
        rows: table.rows.map((row) => ({ cells: row.map((v) => String(v)) })),
        empty: "医療機関はありません。",
      },
    },
  );

  return {
    frame,
    blocks,
    title: `${year} 協議の場資料 ${zone.name}`,
    subject: `${prefName} ${zone.name}（${d.scheme.name}）の協議の場資料`,
  };
}

/** The 2号 function a tagged item belongs to (for the worksheet's 課題の候補 lines). */
const ITEM_THEMES: Record<string, string> = {
  "onCallRota.has": "f2i",
  "emergencyCenter.has": "f2i",
  "backupBeds.has": "f2ro",
  "dischargeRule.has": "f2ro",
  "homeVisitCount.positive": "f2ha",
  "urgentVisitCount.positive": "f2ha",
  "homeEndOfLifeCount.positive": "f2ha",
  "physicianOpinion.has": "f2ni",
  "careConference.has": "f2ni",
};

function functionCell(f: TFunctionSummary | undefined): string {
  if (!f) return "—";
  return `${formatInteger(f.has.count)}（${f.has.n > 0 ? formatShare(f.has.count / f.has.n) : "—"}）`;
}
