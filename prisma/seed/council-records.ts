// Demo council records (協議の場の記録) of 令和6年度 for two zones, so the 令和7年度 dashboards and
// packets show last year's measures with baseline → current → target. Baselines are frozen from
// the 令和6年度 counters exactly as the service freezes them; targets are set a few points above.
// Every indicator is one both the 令和6年度 demo questionnaire and the 令和7年度 one ask (functions,
// 17 areas, 在宅当番医制 …; not the items only 令和7年度 asks, such as 訪問診療の件数 or 退院ルール),
// so each measure has a real baseline and a verdict. With the demo's reports the 令和7年度
// follow-up reads: 丹南 在宅医療 横ばい, 介護との連携 改善, 入退院支援 達成; 嶺南 在宅当番医 悪化.
import { db, type Prisma } from "@/lib/db";
import { findIndicator, freezeReading, indicatorAskedBy, readIndicator } from "@/lib/aggregation";
import { findClinicCycle, unsafeZoneFigures } from "@/lib/data/council-zone-figures";
import type { TCouncilMeeting } from "@/lib/domain/council";
import { auditRow } from "@/lib/services/audit";

type TDemoMeasure = {
  title: string;
  ownerBody: string;
  ownerName: string;
  startMonth: string;
  deadlineMonth: string;
  indicatorKey: string;
  /** Target = baseline + this many share points. */
  raiseBy: number;
  status: "PLANNED" | "IN_PROGRESS" | "DONE" | "ON_HOLD";
  notes: string;
};
type TDemoIssue = {
  title: string;
  indicatorKeys: string[];
  causes: [string, string, string];
  measures: TDemoMeasure[];
};
type TDemoRecord = {
  zoneCode: string;
  status: "AGREED" | "PUBLISHED";
  vision: string;
  meetings: TCouncilMeeting[];
  issues: TDemoIssue[];
};

const RECORDS: TDemoRecord[] = [
  {
    zoneCode: "1803",
    status: "PUBLISHED",
    vision:
      "住み慣れた地域で、夜間や急変時も含めて在宅医療を受けられ、入退院の際に医療と介護の情報が途切れない丹南圏域",
    meetings: [
      {
        date: "2024-07-18",
        agenda: "令和6年度報告の現状共有、在宅医療と入退院支援の課題整理",
        attendees: [
          { body: "PREFECTURE", count: 2, names: "丹南健康福祉センター" },
          { body: "MUNICIPALITY", count: 5, names: "鯖江市・越前市・池田町・南越前町・越前町" },
          { body: "MEDICAL_ASSOCIATION", count: 2, names: "" },
          { body: "HOSPITAL", count: 3, names: "" },
          { body: "CARE", count: 2, names: "" },
        ],
      },
      {
        date: "2024-11-21",
        agenda: "原因の分析（行政・医療・介護）と対応策・担当の決定",
        attendees: [
          { body: "PREFECTURE", count: 2, names: "" },
          { body: "MUNICIPALITY", count: 5, names: "" },
          { body: "MEDICAL_ASSOCIATION", count: 2, names: "" },
          { body: "HOSPITAL", count: 3, names: "" },
          { body: "HUB", count: 1, names: "" },
        ],
      },
    ],
    issues: [
      {
        title: "在宅医療を提供する医療機関が県全体より少ない",
        indicatorKeys: ["f2ha.has", "f2ni.has"],
        causes: [
          "在宅医療を始める医療機関への支援策が市町ごとに異なり、周知が足りない",
          "一人で24時間対応する負担が大きく、訪問診療を始められない診療所が多い",
          "ケアマネジャーが訪問診療を頼める医療機関を把握しにくい",
        ],
        measures: [
          {
            title: "訪問診療の同行研修と、主治医・副主治医の連携づくり",
            ownerBody: "MEDICAL_ASSOCIATION",
            ownerName: "丹南地区医師会（架空）",
            startMonth: "2024-12",
            deadlineMonth: "2025-11",
            indicatorKey: "f2ha.has",
            raiseBy: 5,
            status: "IN_PROGRESS",
            notes: "同行研修を2回実施（架空）",
          },
          {
            title: "訪問診療を行う医療機関の一覧をケアマネジャーに配布",
            ownerBody: "HUB",
            ownerName: "",
            startMonth: "2025-01",
            deadlineMonth: "2025-06",
            indicatorKey: "f2ni.has",
            raiseBy: 3,
            status: "DONE",
            notes: "",
          },
        ],
      },
      {
        title: "入退院時の医療と介護の情報共有が十分でない",
        indicatorKeys: ["f2ro.has", "backupBeds.has"],
        causes: [
          "退院支援ルールが圏域でひとつにまとまっていない",
          "病院の地域連携室の人員が少ない",
          "入院時に介護の情報を病院へ届ける様式が統一されていない",
        ],
        measures: [
          {
            title: "圏域共通の入退院支援ルールを作り、病院と居宅介護支援事業所で運用する",
            ownerBody: "MUNICIPALITY",
            ownerName: "鯖江市・越前市（架空）",
            startMonth: "2024-12",
            deadlineMonth: "2026-03",
            indicatorKey: "f2ro.has",
            raiseBy: 5,
            status: "IN_PROGRESS",
            notes: "",
          },
        ],
      },
    ],
  },
  {
    zoneCode: "1804",
    status: "AGREED",
    vision: "休日・夜間も身近な医療機関で相談・受診でき、救急搬送に頼りすぎない嶺南圏域",
    meetings: [
      {
        date: "2024-08-06",
        agenda: "時間外の診療体制の現状共有と課題の合意",
        attendees: [
          { body: "PREFECTURE", count: 1, names: "" },
          { body: "MUNICIPALITY", count: 6, names: "" },
          { body: "MEDICAL_ASSOCIATION", count: 2, names: "" },
          { body: "HOSPITAL", count: 2, names: "" },
        ],
      },
    ],
    issues: [
      {
        title: "時間外の診療に対応する医療機関が少ない",
        indicatorKeys: ["f2i.has", "onCallRota.has"],
        causes: [
          "在宅当番医制の輪番表が市町ごとに分かれている",
          "医師の高齢化で夜間の対応が難しい",
          "施設から夜間に相談できる医療機関が分からない",
        ],
        measures: [
          {
            title: "在宅当番医制の輪番を圏域でまとめ、参加医療機関を増やす",
            ownerBody: "MEDICAL_ASSOCIATION",
            ownerName: "",
            startMonth: "2024-10",
            deadlineMonth: "2025-09",
            indicatorKey: "onCallRota.has",
            raiseBy: 5,
            status: "IN_PROGRESS",
            notes: "",
          },
        ],
      },
    ],
  },
];

export async function seedCouncilRecords(prefectureCode: string, fiscalYear: number, zoneIds: Map<string, string>) {
  const cycle = await findClinicCycle(prefectureCode, fiscalYear);
  if (!cycle) throw new Error(`no clinic cycle ${fiscalYear}`);
  const frozenAt = new Date(`${fiscalYear}-11-21T10:00:00+09:00`);
  const audits: Prisma.AuditEventCreateManyInput[] = [];
  for (const demo of RECORDS) {
    const zoneId = zoneIds.get(demo.zoneCode)!;
    const figures = await unsafeZoneFigures(cycle, zoneId);
    const notAsked = demo.issues
      .flatMap((i) => [...i.indicatorKeys, ...i.measures.map((m) => m.indicatorKey)])
      .filter((key) => !indicatorAskedBy(key, figures.definition));
    if (notAsked.length > 0) throw new Error(`demo council ${demo.zoneCode}: not asked in ${fiscalYear}: ${notAsked}`);
    const record = await db.councilRecord.create({
      data: {
        prefectureCode,
        zoneId,
        fiscalYear,
        vision: demo.vision,
        meetings: demo.meetings as Prisma.InputJsonValue,
        status: demo.status,
        agreedAt: frozenAt,
        publishedAt: demo.status === "PUBLISHED" ? new Date(`${fiscalYear}-12-20T10:00:00+09:00`) : null,
      },
    });
    let order = 0;
    for (const [index, issue] of demo.issues.entries()) {
      const saved = await db.councilIssue.create({
        data: {
          recordId: record.id,
          sortOrder: index,
          title: issue.title,
          indicatorKeys: issue.indicatorKeys,
          causeGovernment: issue.causes[0],
          causeMedical: issue.causes[1],
          causeCare: issue.causes[2],
        },
      });
      for (const m of issue.measures) {
        const indicator = findIndicator(m.indicatorKey)!;
        const baseline = freezeReading(readIndicator(figures.zone, indicator), fiscalYear);
        const target = baseline.value === null ? null : Math.min(1, Math.round(baseline.value * 100 + m.raiseBy) / 100);
        const { raiseBy: _r, ...fields } = m;
        await db.councilMeasure.create({
          data: {
            ...fields,
            recordId: record.id,
            issueId: saved.id,
            sortOrder: order++,
            baselineUnit: baseline.unit,
            baselineCount: baseline.count,
            baselineDenominator: baseline.denominator,
            baselineBase: baseline.base,
            baselineValue: baseline.value,
            baselineCycleId: cycle.id,
            baselineFiscalYear: fiscalYear,
            baselineFrozenAt: frozenAt,
            targetValue: target,
          },
        });
      }
    }
    audits.push(
      auditRow(null, {
        action: "system.seed_demo",
        entityType: "council_record",
        entityId: record.id,
        prefectureCode,
        summary: `デモデータ（架空）: 協議の記録 ${demo.zoneCode} 令和6年度`,
      }),
    );
  }
  await db.auditEvent.createMany({ data: audits });
}
