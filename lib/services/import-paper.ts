import "server-only";
import { Prisma } from "@/lib/db";
import { auditRow } from "./audit";
import { buildResult } from "@/lib/import/result";
import { validatePaperTable, type TPaperRow } from "@/lib/import";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { diffAnswers } from "@/lib/questionnaire/diff";
import type { TAnswers } from "@/lib/questionnaire/answers";
import { jsonEqual } from "@/lib/audit/diff";
import { AppError } from "@/lib/errors";
import { nextRevisionKind, SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { PREVIEW_LIST_LIMIT, type TPaperPreview } from "@/lib/prefecture/import-preview";
import { readBackExport } from "@/lib/prefecture/exports";
import { formatLines, issue } from "@/lib/import/issues";
import { invalidPreview, type TImportHandler, plannedCheck, refusedWhole } from "./import-handler";
import { bulkInsert, bulkUpdate, insertAuditRows, newId, NOW_UTC } from "./bulk";
import { parseStoredAnswers } from "@/lib/data/json-columns";
import type { TStoredSoftWarnings } from "@/lib/questionnaire/soft-rules";
import { paperSoftWarnings } from "./import-paper-soft-rules";

// 紙で届いた報告: one row per institution, validated exactly as a web submission
// (lib/import/paper.ts), stored as a new submitted revision with channel PAPER.
// - No report yet → revision 1.
// - The last revision came on paper and the answers are the same → unchanged (re-importing a file
//   changes nothing).
// - The institution worked on the web (a web revision, or a draft typed there) → a conflict: the
//   file is applied only when the officer explicitly chooses to overwrite (overwriteWeb), and the
//   web revisions stay in the history.

type TExisting = {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "CONFIRMED";
  revision: number;
  draftVersion: number;
  answers: TAnswers;
  latest: { answers: TAnswers; channel: string } | null;
  hasWeb: boolean;
};

type TItem = {
  row: TPaperRow;
  institutionId: string;
  name: string;
  existing: TExisting | null;
  /** The soft-rule warnings of this row (stored with the revision, unexplained). */
  softWarnings: TStoredSoftWarnings | null;
};
export type TPaperPlan = { creates: TItem[]; updates: TItem[]; conflicts: TItem[]; unchanged: number };

const isEmpty = (answers: TAnswers) => Object.keys(answers).length === 0;

export const paperHandler: TImportHandler<TPaperPlan> = {
  async check(client, context, { table, readWarnings }) {
    const cycle = context.cycle!;
    const institutions = await client.institution.findMany({
      where: { prefectureCode: context.prefectureCode, isActive: true },
      select: { id: true, code: true, name: true, kind: true, beds: true },
    });
    const byCode = new Map(institutions.map((i) => [i.code, i]));
    // A submissions export (lib/prefecture/exports.ts) can be read back: its informational
    // columns go, and rows without any answer (not submitted when exported) are left out.
    const prepared = readBackExport(table.rows);
    const outcome = validatePaperTable(
      { rows: prepared.rows },
      {
        prefectureCode: context.prefectureCode,
        definition: cycle.definition,
        knownInstitutionCodes: new Set(byCode.keys()),
      },
    );
    if (prepared.emptyLines.length > 0) {
      outcome.warnings.push(
        issue(
          null,
          "skipped",
          `回答が1つもない行 ${prepared.emptyLines.length.toLocaleString("ja-JP")}件（${formatLines(prepared.emptyLines, 5)}）は報告ではないため取り込みません。`,
        ),
      );
    }
    const soft = await paperSoftWarnings(client, cycle, outcome.rows, (code) => byCode.get(code)!);
    outcome.warnings.push(...soft.issues);
    const result = buildResult(table, readWarnings, outcome);
    if (refusedWhole(result)) return { preview: invalidPreview(result), plan: null };

    const ids = result.rows.map((r) => byCode.get(r.institutionCode)!.id);
    const submissions = await client.submission.findMany({
      where: { cycleId: cycle.id, institutionId: { in: ids } },
      select: {
        id: true,
        institutionId: true,
        status: true,
        revision: true,
        draftVersion: true,
        answers: true,
        revisions: { orderBy: { revision: "desc" }, select: { revision: true, channel: true, answers: true } },
      },
    });
    const existingBy = new Map(
      submissions.map((s) => {
        const latest = s.revisions[0]
          ? { answers: parseStoredAnswers(s.revisions[0].answers), channel: s.revisions[0].channel }
          : null;
        const answers = parseStoredAnswers(s.answers);
        const webDraft = latest ? !jsonEqual(answers, latest.answers) : !isEmpty(answers);
        const existing: TExisting = {
          id: s.id,
          status: s.status,
          revision: s.revision,
          draftVersion: s.draftVersion,
          answers,
          latest,
          hasWeb: s.revisions.some((r) => r.channel !== "PAPER") || webDraft,
        };
        return [s.institutionId!, existing] as const;
      }),
    );

    const plan: TPaperPlan = { creates: [], updates: [], conflicts: [], unchanged: 0 };
    for (const row of result.rows) {
      const institution = byCode.get(row.institutionCode)!;
      const existing = existingBy.get(institution.id) ?? null;
      const item: TItem = {
        row,
        institutionId: institution.id,
        name: institution.name,
        existing,
        softWarnings: soft.byLine.get(row.line) ?? null,
      };
      if (!existing) plan.creates.push(item);
      // The same answers as the last submitted revision: nothing to write, whoever submitted it.
      else if (existing.latest && jsonEqual(existing.latest.answers, row.answers)) plan.unchanged += 1;
      else if (existing.hasWeb) plan.conflicts.push(item);
      else plan.updates.push(item);
    }
    const details: TPaperPreview = {
      kind: "PAPER",
      cycleLabel: cycle.label,
      creates: plan.creates
        .slice(0, PREVIEW_LIST_LIMIT)
        .map((i) => ({ line: i.row.line, code: i.row.institutionCode, name: i.name })),
      updates: plan.updates.slice(0, PREVIEW_LIST_LIMIT).map((i) => ({
        line: i.row.line,
        code: i.row.institutionCode,
        name: i.name,
        revision: (i.existing?.revision ?? 0) + 1,
        changedItems: diffAnswers(cycle.definition, i.existing?.latest?.answers ?? {}, i.row.answers).length,
      })),
      conflicts: plan.conflicts.slice(0, PREVIEW_LIST_LIMIT).map((i) => ({
        line: i.row.line,
        code: i.row.institutionCode,
        name: i.name,
        status: SUBMISSION_STATUS_LABELS[i.existing!.status],
        revision: i.existing!.revision,
      })),
      unchanged: plan.unchanged,
      counts: {
        creates: plan.creates.length,
        updates: plan.updates.length,
        conflicts: plan.conflicts.length,
        unchanged: plan.unchanged,
      },
    };
    return plannedCheck({ table, readWarnings }, result, details, plan);
  },

  async apply(tx, context, plan, options, actor, progress) {
    const cycle = context.cycle!;
    const prefectureCode = context.prefectureCode;
    const now = new Date();
    const derivedOf = (answers: TAnswers) => computeStoredDerived(cycle.definition, answers);
    const updates = options.overwriteWeb ? [...plan.updates, ...plan.conflicts] : plan.updates;
    const revisions: unknown[][] = [];
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const revision = (submissionId: string, n: number, item: TItem, derived: unknown, kind: RevisionKind) =>
      revisions.push([
        newId(),
        submissionId,
        n,
        item.row.answers,
        derived,
        now,
        actor.userId,
        "PAPER",
        kind,
        item.softWarnings,
      ]);

    const created = plan.creates.map((item) => ({ item, id: newId(), derived: derivedOf(item.row.answers) }));
    await bulkInsert(
      tx,
      "Submission",
      [
        ["id", "text"],
        ["cycleId", "text"],
        ["questionnaireVersionId", "text"],
        ["prefectureCode", "text"],
        ["institutionId", "text"],
        ["status", { enum: "SubmissionStatus" }],
        ["answers", "jsonb"],
        ["draftVersion", "int"],
        ["revision", "int"],
        ["derived", "jsonb"],
        ["submittedAt", "timestamp"],
        ["softWarnings", "jsonb"],
      ],
      created.map((c) => [
        c.id,
        cycle.id,
        cycle.questionnaireVersionId,
        prefectureCode,
        c.item.institutionId,
        "SUBMITTED",
        c.item.row.answers,
        1,
        1,
        c.derived,
        now,
        c.item.softWarnings,
      ]),
      { constants: { createdAt: NOW_UTC, updatedAt: NOW_UTC } },
    );
    for (const c of created) {
      revision(c.id, 1, c.item, c.derived, "INITIAL");
      audits.push(
        auditRow(actor, {
          action: "submission.paper_submit",
          entityType: "submission",
          entityId: c.id,
          prefectureCode,
          summary: `${c.item.name} の紙の報告を取り込み（第1版）`,
          before: { status: null, revision: 0 },
          after: { status: "SUBMITTED", revision: 1, channel: "PAPER" },
        }),
      );
    }
    progress("書き込み", created.length, created.length + updates.length);

    const changed = updates.map((item) => ({
      item,
      existing: item.existing!,
      revision: item.existing!.revision + 1,
      derived: derivedOf(item.row.answers),
    }));
    // The expected revision and draftVersion make this refuse a report that changed on the web
    // since the check (optimistic concurrency, as the web form does).
    const count = await bulkUpdate(
      tx,
      "Submission",
      [
        ["id", "text"],
        ["answers", "jsonb"],
        ["derived", "jsonb"],
        ["revision", "int"],
        ["submittedAt", "timestamp"],
        ["softWarnings", "jsonb"],
      ],
      changed.map((c) => [
        c.existing.id,
        c.item.row.answers,
        c.derived,
        c.revision,
        now,
        c.item.softWarnings,
        c.existing.revision,
        c.existing.draftVersion,
      ]),
      {
        expect: [
          ["revision", "int"],
          ["draftVersion", "int"],
        ],
        set: {
          status: Prisma.sql`'SUBMITTED'`,
          isAmending: Prisma.sql`false`,
          draftVersion: Prisma.sql`t."draftVersion" + 1`,
          updatedAt: NOW_UTC,
        },
        where: Prisma.sql`t."cycleId" = ${cycle.id}`,
      },
    );
    if (count !== changed.length) {
      throw new AppError(
        "CONFLICT",
        "取込の途中で、Web から更新された報告がありました。もう一度ファイルを読み込んでください。",
      );
    }
    for (const c of changed) {
      revision(c.existing.id, c.revision, c.item, c.derived, nextRevisionKind(c.existing));
      audits.push(
        auditRow(actor, {
          action: "submission.paper_submit",
          entityType: "submission",
          entityId: c.existing.id,
          prefectureCode,
          summary: `${c.item.name} の紙の報告を取り込み（第${c.revision}版${c.existing.hasWeb ? "、Web の報告を上書き" : ""}）`,
          before: { status: c.existing.status, revision: c.existing.revision },
          after: { status: "SUBMITTED", revision: c.revision, channel: "PAPER" },
        }),
      );
    }
    await bulkInsert(
      tx,
      "SubmissionRevision",
      [
        ["id", "text"],
        ["submissionId", "text"],
        ["revision", "int"],
        ["answers", "jsonb"],
        ["derived", "jsonb"],
        ["submittedAt", "timestamp"],
        ["submittedById", "text"],
        ["channel", "text"],
        ["kind", { enum: "RevisionKind" }],
        ["softWarnings", "jsonb"],
      ],
      revisions,
    );
    progress("書き込み", created.length + changed.length, created.length + changed.length);

    const outcome = {
      created: plan.creates.length,
      updated: updates.length,
      unchanged: plan.unchanged,
    };
    audits.push(
      auditRow(actor, {
        action: "submissions.import_paper",
        entityType: "reporting_cycle",
        entityId: cycle.id,
        prefectureCode,
        summary: `紙の報告を取り込み（${cycle.label}）: 新規 ${outcome.created}件、更新 ${outcome.updated}件、変更なし ${outcome.unchanged}件`,
        after: {
          jobId: context.jobId,
          fileName: context.fileName,
          fileSha256: context.fileSha256,
          overwriteWeb: Boolean(options.overwriteWeb),
          ...outcome,
        },
      }),
    );
    await insertAuditRows(tx, audits);
    return outcome;
  },
};
