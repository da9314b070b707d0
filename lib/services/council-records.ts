import "server-only";
import type { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";
import { findIndicator, freezeReading, indicatorAskedBy, readIndicator, type TIndicator } from "@/lib/aggregation";
import { COUNCIL_BODY_LABELS } from "@/lib/domain/council";
import {
  ZCouncilIssueInput,
  ZCouncilMeasureInput,
  ZCouncilRecordInput,
  fieldErrorsOf,
} from "@/lib/domain/council-input";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { councilRecordScope } from "@/lib/data/scope";
import { getVisibleZone, parseMeetings } from "@/lib/data/council-records";
import { findClinicCycle, unsafeZoneFigures } from "@/lib/data/council-zone-figures";
import { getDefinition } from "@/lib/data/questionnaires";
import type { TJson, TSnapshot } from "@/lib/audit/diff";
import { auditRow } from "./audit";

// Writes of the council records (docs/decisions/0018-council-records.md). Writers: council members
// of the zone and the officer of its prefecture; the administrator reads only. Each write and its
// audit row (before/after of the fields that changed) commit in one transaction. A measure's
// baseline is frozen from the counters when it is decided, and again only when its indicator is
// changed; later imports, submissions or recounts never move it. Deletions (作成中 records only)
// are in ./council-deletions.ts.

type TWriter = Extract<TViewer, { role: "council" | "prefecture" }>;

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw new AppError("INVALID_INPUT", "入力内容を確認してください。", fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** The zone, if the viewer may write its records: a foreign zone is a 404, a reader a 403. */
async function writableZone(viewer: TViewer, zoneId: string) {
  if (viewer.role !== "council" && viewer.role !== "prefecture") throw forbiddenError();
  const zone = await getVisibleZone(viewer, zoneId);
  return { writer: viewer as TWriter, zone };
}

/** The record, if the viewer may write it: out of scope (or none) is a 404, a reader a 403. */
export async function writableRecord(viewer: TViewer, recordId: string) {
  if (viewer.role !== "council" && viewer.role !== "prefecture") throw forbiddenError();
  const record = await db.councilRecord.findFirst({
    where: { AND: [councilRecordScope(viewer), { id: recordId }] },
    include: { zone: { select: { name: true } } },
  });
  if (!record) throw notFoundError("協議の記録");
  return { writer: viewer as TWriter, record };
}

export const recordLabel = (zoneName: string, fiscalYear: number) => `${zoneName} ${fiscalYearLabel(fiscalYear)}`;

/** Starts (or returns) a zone's record of a 年度 that has a clinic-report cycle. */
export async function startCouncilRecord(viewer: TViewer, zoneId: string, fiscalYear: unknown) {
  const { writer, zone } = await writableZone(viewer, zoneId);
  const year = Number(fiscalYear);
  if (!Number.isInteger(year) || !(await findClinicCycle(zone.scheme.prefectureCode, year)))
    throw new AppError("INVALID_INPUT", "かかりつけ医機能報告のある年度を選んでください。", {
      fiscalYear: ["報告サイクルのある年度を選んでください。"],
    });
  const existing = await db.councilRecord.findUnique({ where: { zoneId_fiscalYear: { zoneId, fiscalYear: year } } });
  if (existing) return { id: existing.id, created: false };
  return db.$transaction(async (tx) => {
    const created = await tx.councilRecord.create({
      data: { prefectureCode: zone.scheme.prefectureCode, zoneId, fiscalYear: year },
    });
    await tx.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action: "council_record.create",
          entityType: "council_record",
          entityId: created.id,
          prefectureCode: created.prefectureCode,
          summary: `${recordLabel(zone.name, year)} の協議の記録を作成`,
          after: { zoneId, fiscalYear: year, status: "DRAFT" },
        }),
      ],
    });
    return { id: created.id, created: true };
  });
}

/** ① meetings, ② 目指す姿 and the record's status (作成中 → 合意済 → 公表). */
export async function updateCouncilRecord(viewer: TViewer, recordId: string, input: unknown) {
  const { writer, record } = await writableRecord(viewer, recordId);
  const data = parseInput(ZCouncilRecordInput, input);
  const now = new Date();
  const before: TSnapshot = {
    vision: record.vision,
    meetings: parseMeetings(record.meetings) as TJson,
    status: record.status,
  };
  const after: TSnapshot = { vision: data.vision, meetings: data.meetings as TJson, status: data.status };
  await db.$transaction([
    db.councilRecord.update({
      where: { id: record.id },
      data: {
        vision: data.vision,
        meetings: data.meetings as Prisma.InputJsonValue,
        status: data.status,
        agreedAt: data.status === "DRAFT" ? null : (record.agreedAt ?? now),
        publishedAt: data.status === "PUBLISHED" ? (record.publishedAt ?? now) : null,
      },
    }),
    db.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action:
            record.status !== data.status ? `council_record.${data.status.toLowerCase()}` : "council_record.update",
          entityType: "council_record",
          entityId: record.id,
          prefectureCode: record.prefectureCode,
          summary: `${recordLabel(record.zone.name, record.fiscalYear)} の協議の記録を更新`,
          before,
          after,
        }),
      ],
    }),
  ]);
  return { id: record.id };
}

function checkIndicatorKeys(keys: readonly string[], field: string): void {
  const unknown = keys.filter((k) => !findIndicator(k));
  if (unknown.length > 0)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      [field]: ["指標を一覧から選んでください。"],
    });
}

/**
 * Refuses newly linked indicators that the record 年度's questionnaire does not ask: their figures
 * would be 0/0, so a baseline frozen from them would say nothing (and the follow-up 基準値なし).
 * Keys already linked stay allowed, so a measure's status and notes can still be updated.
 */
async function checkIndicatorsAsked(
  record: { prefectureCode: string; fiscalYear: number },
  keys: readonly string[],
  field: string,
): Promise<void> {
  if (keys.length === 0) return;
  const cycle = await findClinicCycle(record.prefectureCode, record.fiscalYear);
  if (!cycle) return;
  const definition = await getDefinition(cycle.questionnaireVersionId);
  const notAsked = keys.filter((k) => !indicatorAskedBy(k, definition));
  if (notAsked.length > 0)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      [field]: [
        `${fiscalYearLabel(record.fiscalYear)}の調査票で尋ねていない指標は選べません（基準値を計れません）: ` +
          `${notAsked.map((k) => findIndicator(k)?.label ?? k).join("、")}`,
      ],
    });
}

function issueSnapshot(i: z.output<typeof ZCouncilIssueInput>): TSnapshot {
  return { ...i, indicatorKeys: [...i.indicatorKeys] };
}

/** ③ a 課題 with the indicators behind it and ④ its causes; `issueId` null adds one. */
export async function saveCouncilIssue(viewer: TViewer, recordId: string, issueId: string | null, input: unknown) {
  const { writer, record } = await writableRecord(viewer, recordId);
  const data = parseInput(ZCouncilIssueInput, input);
  checkIndicatorKeys(data.indicatorKeys, "indicatorKeys");
  const existing = issueId ? await db.councilIssue.findFirst({ where: { id: issueId, recordId: record.id } }) : null;
  if (issueId && !existing) throw notFoundError("課題");
  const linked = new Set(existing?.indicatorKeys ?? []);
  await checkIndicatorsAsked(
    record,
    data.indicatorKeys.filter((k) => !linked.has(k)),
    "indicatorKeys",
  );
  return db.$transaction(async (tx) => {
    const saved = existing
      ? await tx.councilIssue.update({ where: { id: existing.id }, data })
      : await tx.councilIssue.create({
          data: {
            ...data,
            recordId: record.id,
            sortOrder: await tx.councilIssue.count({ where: { recordId: record.id } }),
          },
        });
    await tx.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action: existing ? "council_issue.update" : "council_issue.create",
          entityType: "council_issue",
          entityId: saved.id,
          prefectureCode: record.prefectureCode,
          summary: `${recordLabel(record.zone.name, record.fiscalYear)} の課題「${data.title}」を${existing ? "更新" : "追加"}`,
          before: existing
            ? issueSnapshot({
                title: existing.title,
                indicatorKeys: existing.indicatorKeys,
                causeGovernment: existing.causeGovernment,
                causeMedical: existing.causeMedical,
                causeCare: existing.causeCare,
              })
            : null,
          after: issueSnapshot(data),
        }),
      ],
    });
    return { id: saved.id };
  });
}

/** The typed target in the indicator's unit: % → fraction for a share. */
function targetValueOf(target: string, indicator: TIndicator | undefined): number | null {
  if (target === "" || !indicator) return null;
  const value = Number(target);
  if (indicator.unit === "share" && value > 100)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      target: ["割合の目標値は0〜100の%で入力してください。"],
    });
  return indicator.unit === "share" ? value / 100 : value;
}

/** The baseline frozen now: the indicator in the record year's figures (null without a cycle). */
async function freezeBaseline(prefectureCode: string, zoneId: string, fiscalYear: number, indicator: TIndicator) {
  const cycle = await findClinicCycle(prefectureCode, fiscalYear);
  if (!cycle) return null;
  const figures = await unsafeZoneFigures(cycle, zoneId);
  return { cycleId: cycle.id, ...freezeReading(readIndicator(figures.zone, indicator), cycle.fiscalYear) };
}

type TBaselineColumns = Pick<
  Prisma.CouncilMeasureUncheckedCreateInput,
  | "baselineUnit"
  | "baselineCount"
  | "baselineDenominator"
  | "baselineBase"
  | "baselineValue"
  | "baselineCycleId"
  | "baselineFiscalYear"
  | "baselineFrozenAt"
>;

function baselineOfRow(row: TBaselineColumns): TBaselineColumns {
  return {
    baselineUnit: row.baselineUnit,
    baselineCount: row.baselineCount,
    baselineDenominator: row.baselineDenominator,
    baselineBase: row.baselineBase,
    baselineValue: row.baselineValue,
    baselineCycleId: row.baselineCycleId,
    baselineFiscalYear: row.baselineFiscalYear,
    baselineFrozenAt: row.baselineFrozenAt,
  };
}

function baselineColumns(frozen: Awaited<ReturnType<typeof freezeBaseline>>, at: Date): TBaselineColumns {
  return {
    baselineUnit: frozen?.unit ?? null,
    baselineCount: frozen?.count ?? null,
    baselineDenominator: frozen?.denominator ?? null,
    baselineBase: frozen?.base ?? null,
    baselineValue: frozen?.value ?? null,
    baselineCycleId: frozen?.cycleId ?? null,
    baselineFiscalYear: frozen?.fiscalYear ?? null,
    baselineFrozenAt: frozen ? at : null,
  };
}

/**
 * ⑤ a 対応策 with its owner, months, indicator and target; `measureId` null adds one. The
 * baseline is frozen when the measure is added with an indicator, or when its indicator changes.
 */
export async function saveCouncilMeasure(viewer: TViewer, recordId: string, measureId: string | null, input: unknown) {
  const { writer, record } = await writableRecord(viewer, recordId);
  const data = parseInput(ZCouncilMeasureInput, input);
  const indicator = data.indicatorKey ? findIndicator(data.indicatorKey) : undefined;
  if (data.indicatorKey && !indicator)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      indicatorKey: ["指標を一覧から選んでください。"],
    });
  if (data.issueId && !(await db.councilIssue.findFirst({ where: { id: data.issueId, recordId: record.id } })))
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      issueId: ["この記録の課題から選んでください。"],
    });
  const existing = measureId
    ? await db.councilMeasure.findFirst({ where: { id: measureId, recordId: record.id } })
    : null;
  if (measureId && !existing) throw notFoundError("対応策");
  const now = new Date();
  const indicatorChanged = !existing || existing.indicatorKey !== (data.indicatorKey || null);
  if (indicatorChanged && indicator) await checkIndicatorsAsked(record, [indicator.key], "indicatorKey");
  const baseline = indicatorChanged
    ? baselineColumns(
        indicator ? await freezeBaseline(record.prefectureCode, record.zoneId, record.fiscalYear, indicator) : null,
        now,
      )
    : {};
  const fields = {
    title: data.title,
    issueId: data.issueId || null,
    ownerBody: data.ownerBody,
    ownerName: data.ownerName,
    startMonth: data.startMonth || null,
    deadlineMonth: data.deadlineMonth || null,
    indicatorKey: data.indicatorKey || null,
    targetValue: targetValueOf(data.target, indicator),
    status: data.status,
    notes: data.notes,
  };
  const snapshot = (m: typeof fields & Partial<TBaselineColumns>): TSnapshot => ({
    ...m,
    baselineFrozenAt:
      m.baselineFrozenAt instanceof Date ? m.baselineFrozenAt.toISOString() : (m.baselineFrozenAt ?? undefined),
  });
  return db.$transaction(async (tx) => {
    const saved = existing
      ? await tx.councilMeasure.update({ where: { id: existing.id }, data: { ...fields, ...baseline } })
      : await tx.councilMeasure.create({
          data: {
            ...fields,
            ...baseline,
            recordId: record.id,
            sortOrder: await tx.councilMeasure.count({ where: { recordId: record.id } }),
          },
        });
    const {
      id: _id,
      recordId: _r,
      sortOrder: _s,
      createdAt: _c,
      updatedAt: _u,
      ...previous
    } = existing ?? ({} as never);
    await tx.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action: existing ? "council_measure.update" : "council_measure.create",
          entityType: "council_measure",
          entityId: saved.id,
          prefectureCode: record.prefectureCode,
          summary: `${recordLabel(record.zone.name, record.fiscalYear)} の対応策「${data.title}」（担当: ${COUNCIL_BODY_LABELS[data.ownerBody]}）を${existing ? "更新" : "追加"}`,
          before: existing ? snapshot(previous as typeof fields & TBaselineColumns) : null,
          // Unchanged baseline columns are in both snapshots, so only real changes are listed.
          after: snapshot({ ...fields, ...(indicatorChanged ? baseline : baselineOfRow(existing!)) }),
        }),
      ],
    });
    return { id: saved.id };
  });
}

/** Who downloaded a record's PDF (filed under the record's prefecture). */
export async function auditRecordDownload(viewer: TViewer, recordId: string, fileName: string): Promise<void> {
  const record = await db.councilRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { prefectureCode: true },
  });
  await db.auditEvent.createMany({
    data: [
      auditRow(viewer, {
        action: "download.council_record",
        entityType: "council_record",
        entityId: recordId,
        prefectureCode: record.prefectureCode,
        summary: `ダウンロード: ${fileName}`,
        after: { fileName },
      }),
    ],
  });
}
