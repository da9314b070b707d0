import "server-only";
import { Prisma } from "@/lib/db";
import { auditRow } from "./audit";
import { buildResult } from "@/lib/import/result";
import { validateRosterTable, type TRosterField, type TRosterRow } from "@/lib/import";
import { INSTITUTION_KIND_LABELS } from "@/lib/domain/labels";
import { PREVIEW_LIST_LIMIT, type TFieldChange, type TRosterPreview } from "@/lib/prefecture/import-preview";
import type { TSnapshot } from "@/lib/audit/diff";
import {
  chunks,
  invalidPreview,
  shown,
  type TDb,
  type TImportHandler,
  plannedCheck,
  refusedWhole,
} from "./import-handler";
import { bulkInsert, bulkUpdate, insertAuditRows, newId, NOW_UTC, type TColumn } from "./bulk";

// 医療機関名簿 import. Upsert by 医療機関コード within the prefecture:
// - a column missing from the file leaves that field unchanged; a blank cell clears it;
// - an inactive institution that is back in the file is reactivated;
// - active institutions missing from the file are listed, and deactivated only when the officer
//   asks for it (never deleted: their past reports keep their respondent).
// Applying the same file twice changes nothing the second time.

type TValues = {
  name: string;
  kind: "HOSPITAL" | "CLINIC";
  beds: number | null;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  contactEmail: string | null;
  municipalityCode: string;
  suspendedSince: string | null;
  suspensionReason: string | null;
  isActive: boolean;
};

type TExisting = TValues & { id: string; code: string };

type TUpdate = { id: string; code: string; line: number; before: TSnapshot; after: TSnapshot; next: TValues };

export type TRosterPlan = {
  creates: TRosterRow[];
  updates: TUpdate[];
  unchanged: number;
  missing: TExisting[];
};

const COMPARED: readonly (keyof TValues)[] = [
  "name",
  "kind",
  "beds",
  "postalCode",
  "address",
  "phone",
  "contactEmail",
  "municipalityCode",
  "suspendedSince",
  "suspensionReason",
];

const FIELD_LABELS: Record<keyof TValues, string> = {
  name: "名称",
  kind: "種別",
  beds: "病床数",
  postalCode: "郵便番号",
  address: "住所",
  phone: "電話",
  contactEmail: "担当者メール",
  municipalityCode: "市区町村",
  suspendedSince: "休院日",
  suspensionReason: "休院理由",
  isActive: "状態",
};

/** Institution columns written by the import, in the order of the rows passed to the bulk statements. */
const ROW_COLUMNS: readonly TColumn[] = [
  ["code", "text"],
  ["name", "text"],
  ["kind", { enum: "InstitutionKind" }],
  ["beds", "int"],
  ["postalCode", "text"],
  ["address", "text"],
  ["phone", "text"],
  ["contactEmail", "text"],
  ["municipalityCode", "text"],
  ["suspendedSince", "text"],
  ["suspensionReason", "text"],
  ["isActive", "boolean"],
];

const rosterFieldOf = (field: keyof TValues): TRosterField | null => (field === "isActive" ? null : field);

async function loadReference(client: TDb, prefectureCode: string) {
  const [municipalities, existing] = await Promise.all([
    client.municipality.findMany({ where: { prefectureCode }, select: { code: true, name: true } }),
    client.institution.findMany({
      where: { prefectureCode },
      select: {
        id: true,
        code: true,
        name: true,
        kind: true,
        beds: true,
        postalCode: true,
        address: true,
        phone: true,
        contactEmail: true,
        municipalityCode: true,
        suspendedSince: true,
        suspensionReason: true,
        isActive: true,
      },
    }),
  ]);
  return { municipalityNames: new Map(municipalities.map((m) => [m.code, m.name])), existing };
}

/** What applying these rows would change, compared with the institutions as they are now. */
export function planRoster(
  rows: readonly TRosterRow[],
  presentFields: readonly TRosterField[],
  existing: readonly TExisting[],
): TRosterPlan {
  const present = new Set<string>(presentFields);
  const byCode = new Map(existing.map((e) => [e.code, e]));
  const inFile = new Set<string>();
  const plan: TRosterPlan = { creates: [], updates: [], unchanged: 0, missing: [] };
  for (const row of rows) {
    inFile.add(row.code);
    const current = byCode.get(row.code);
    if (!current) {
      plan.creates.push(row);
      continue;
    }
    const next: TValues = { ...current, isActive: true };
    const before: TSnapshot = {};
    const after: TSnapshot = {};
    for (const field of COMPARED) {
      const rosterField = rosterFieldOf(field);
      if (!rosterField || !present.has(rosterField)) continue;
      const value = row[rosterField];
      if (current[field] !== value) {
        (next as Record<string, unknown>)[field] = value;
        before[field] = current[field];
        after[field] = value;
      }
    }
    if (!current.isActive) {
      before.isActive = false;
      after.isActive = true;
    }
    if (Object.keys(after).length === 0) plan.unchanged += 1;
    else plan.updates.push({ id: current.id, code: current.code, line: row.line, before, after, next });
  }
  plan.missing = existing.filter((e) => e.isActive && !inFile.has(e.code)).sort((a, b) => a.code.localeCompare(b.code));
  return plan;
}

function describe(field: string, value: unknown, municipalityNames: ReadonlyMap<string, string>): string {
  if (field === "kind") return INSTITUTION_KIND_LABELS[value as "HOSPITAL" | "CLINIC"] ?? String(value);
  if (field === "municipalityCode" && typeof value === "string")
    return `${municipalityNames.get(value) ?? ""}（${value}）`;
  return shown(value as string | number | boolean | null);
}

function changesOf(update: TUpdate, municipalityNames: ReadonlyMap<string, string>): TFieldChange[] {
  return Object.keys(update.after).map((field) => ({
    field,
    label: FIELD_LABELS[field as keyof TValues] ?? field,
    before: describe(field, update.before[field], municipalityNames),
    after: describe(field, update.after[field], municipalityNames),
  }));
}

export const rosterHandler: TImportHandler<TRosterPlan> = {
  async check(client, context, { table, readWarnings }) {
    const { municipalityNames, existing } = await loadReference(client, context.prefectureCode);
    const outcome = validateRosterTable(table, {
      prefectureCode: context.prefectureCode,
      knownMunicipalityCodes: new Set(municipalityNames.keys()),
    });
    const result = buildResult(table, readWarnings, outcome);
    if (refusedWhole(result)) return { preview: invalidPreview(result), plan: null };

    const plan = planRoster(result.rows, result.presentFields, existing);
    const muni = (code: string) => municipalityNames.get(code) ?? code;
    const details: TRosterPreview = {
      kind: "ROSTER",
      presentFields: result.presentFields,
      creates: plan.creates.slice(0, PREVIEW_LIST_LIMIT).map((row) => ({
        line: row.line,
        code: row.code,
        name: row.name,
        kindLabel: INSTITUTION_KIND_LABELS[row.kind],
        municipality: muni(row.municipalityCode),
      })),
      updates: plan.updates.slice(0, PREVIEW_LIST_LIMIT).map((u) => ({
        line: u.line,
        code: u.code,
        name: u.next.name,
        changes: changesOf(u, municipalityNames),
      })),
      unchanged: plan.unchanged,
      missing: plan.missing
        .slice(0, PREVIEW_LIST_LIMIT)
        .map((m) => ({ code: m.code, name: m.name, municipality: muni(m.municipalityCode) })),
      counts: {
        creates: plan.creates.length,
        updates: plan.updates.length,
        unchanged: plan.unchanged,
        missing: plan.missing.length,
      },
    };
    return plannedCheck({ table, readWarnings }, result, details, plan);
  },

  async apply(tx, context, plan, options, actor, progress) {
    const prefectureCode = context.prefectureCode;
    const deactivate = options.deactivateMissing ? plan.missing : [];
    const total = plan.creates.length + plan.updates.length + deactivate.length;
    let done = 0;
    const step = (n: number) => progress("書き込み", (done += n), total);
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    const source = `名簿取込（${context.fileName}）`;

    const createdIds = plan.creates.map(() => newId());
    for (const [index, part] of chunks(plan.creates, 5000).entries()) {
      const ids = createdIds.slice(index * 5000, index * 5000 + part.length);
      await bulkInsert(
        tx,
        "Institution",
        [["id", "text"], ...ROW_COLUMNS, ["prefectureCode", "text"]],
        part.map((row, i) => [
          ids[i],
          row.code,
          row.name,
          row.kind,
          row.beds,
          row.postalCode,
          row.address,
          row.phone,
          row.contactEmail,
          row.municipalityCode,
          row.suspendedSince,
          row.suspensionReason,
          true,
          prefectureCode,
        ]),
        { constants: { createdAt: NOW_UTC, updatedAt: NOW_UTC } },
      );
      part.forEach((row, i) =>
        audits.push(
          auditRow(actor, {
            action: "institution.create",
            entityType: "institution",
            entityId: ids[i]!,
            prefectureCode,
            summary: `${row.name}（${row.code}）を${source}で追加`,
            after: {
              code: row.code,
              name: row.name,
              kind: row.kind,
              beds: row.beds,
              postalCode: row.postalCode,
              address: row.address,
              phone: row.phone,
              contactEmail: row.contactEmail,
              municipalityCode: row.municipalityCode,
              ...(row.suspendedSince
                ? { suspendedSince: row.suspendedSince, suspensionReason: row.suspensionReason }
                : {}),
            },
          }),
        ),
      );
      step(part.length);
    }

    for (const part of chunks(plan.updates, 5000)) {
      const updated = await bulkUpdate(
        tx,
        "Institution",
        [["id", "text"], ...ROW_COLUMNS.slice(1)],
        part.map((u) => [
          u.id,
          u.next.name,
          u.next.kind,
          u.next.beds,
          u.next.postalCode,
          u.next.address,
          u.next.phone,
          u.next.contactEmail,
          u.next.municipalityCode,
          u.next.suspendedSince,
          u.next.suspensionReason,
          u.next.isActive,
        ]),
        { set: { updatedAt: NOW_UTC }, where: Prisma.sql`t."prefectureCode" = ${prefectureCode}` },
      );
      if (updated !== part.length) throw new Error(`roster update matched ${updated} of ${part.length} rows`);
      for (const u of part) {
        const reactivated = u.after.isActive === true;
        audits.push(
          auditRow(actor, {
            action: reactivated ? "institution.reactivate" : "institution.update",
            entityType: "institution",
            entityId: u.id,
            prefectureCode,
            summary: `${u.next.name}（${u.code}）を${source}で${reactivated ? "再び有効に" : "更新"}`,
            before: u.before,
            after: u.after,
          }),
        );
      }
      step(part.length);
    }

    for (const part of chunks(deactivate, 5000)) {
      await tx.institution.updateMany({
        where: { id: { in: part.map((m) => m.id) }, prefectureCode, isActive: true },
        data: { isActive: false },
      });
      for (const m of part) {
        audits.push(
          auditRow(actor, {
            action: "institution.deactivate",
            entityType: "institution",
            entityId: m.id,
            prefectureCode,
            summary: `${m.name}（${m.code}）を${source}で無効化（名簿にないため）`,
            before: { isActive: true },
            after: { isActive: false },
          }),
        );
      }
      step(part.length);
    }

    const outcome = {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      deactivated: deactivate.length,
    };
    audits.push(
      auditRow(actor, {
        action: "roster.import",
        entityType: "import_job",
        entityId: context.jobId ?? context.fileSha256,
        prefectureCode,
        summary: `医療機関名簿を取り込み: 新規 ${outcome.created}件、更新 ${outcome.updated}件、変更なし ${outcome.unchanged}件、無効化 ${outcome.deactivated}件`,
        after: {
          fileName: context.fileName,
          fileSha256: context.fileSha256,
          deactivateMissing: Boolean(options.deactivateMissing),
          missing: plan.missing.length,
          ...outcome,
        },
      }),
    );
    await insertAuditRows(tx, audits);
    return outcome;
  },
};
