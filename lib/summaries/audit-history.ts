// The audit log and a report's 記録 as people read them: event kinds in words (the registry in
// lib/prefecture/audit-labels.ts), item keys as the questionnaire's item labels, answer codes as
// their labels (a partner list as names), and a run of autosaves as one entry with what changed
// over the run — never 「0項目を変更」 and never raw JSON. Pure: rows in, entries out; the page,
// the review page and the export (auditLogTable) all use it, so they agree.
import { jsonEqual, type TJson, type TSnapshot } from "@/lib/audit/diff";
import { ROLE_LABELS, type TRole } from "@/lib/auth/roles";
import { dateTimeCell } from "@/lib/export/cells";
import type { TTable } from "@/lib/export/table-file";
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditValue } from "@/lib/prefecture/audit-labels";
import { allItems, type TItem, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { formatAnswer, itemHeading } from "@/lib/questionnaire/format";
import type { TAnswerValue } from "@/lib/questionnaire/answers";

/** Autosaves of one person on one report less than this far apart read as one editing session. */
export const AUTOSAVE_SESSION_GAP_MS = 30 * 60_000;

export const DRAFT_SAVE_ACTION = "submission.save_draft";

/** One stored event, with what the data layer found about its subject. */
export type TAuditEventRow = {
  id: string;
  at: Date;
  actorEmail: string | null;
  actorRole: TRole | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: TSnapshot | null;
  after: TSnapshot | null;
  /** The report's respondent or the institution, by name (null when unknown or not a report). */
  subjectName?: string | null;
  /** The report's questionnaire, to word item keys and answer codes. */
  definition?: Pick<TQuestionnaireDefinition, "sections"> | null;
};

export type TAuditChange = { field: string; label: string; before: string | null; after: string | null };

export type TAuditEntry = {
  /** The newest event's id (a stable React key and the export's reference). */
  id: string;
  ids: string[];
  /** The oldest and the newest event of the entry (equal for a single event). */
  from: Date;
  to: Date;
  count: number;
  actor: string;
  roleLabel: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  subjectName: string | null;
  /** What happened, in one sentence. */
  text: string;
  changes: TAuditChange[];
};

type TItemLookup = Map<string, TItem>;

const itemLookups = new WeakMap<object, TItemLookup>();
function itemsOf(definition: Pick<TQuestionnaireDefinition, "sections"> | null | undefined): TItemLookup | null {
  if (!definition) return null;
  let lookup = itemLookups.get(definition);
  if (!lookup) {
    lookup = new Map(allItems(definition).map((item) => [item.key, item]));
    itemLookups.set(definition, lookup);
  }
  return lookup;
}

const isEmpty = (v: TJson | undefined) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** One changed field in words: an item of the questionnaire by its label and answer labels. */
export function wordChange(
  field: string,
  before: TJson | undefined,
  after: TJson | undefined,
  items: TItemLookup | null,
  inSnapshot: { before: boolean; after: boolean },
): TAuditChange {
  const item = items?.get(field);
  if (item) {
    const word = (v: TJson | undefined) => (isEmpty(v) ? "（未回答）" : formatAnswer(item, v as TAnswerValue));
    return {
      field,
      label: itemHeading(item).label,
      before: inSnapshot.before ? word(before) : null,
      after: inSnapshot.after ? word(after) : null,
    };
  }
  return {
    field,
    label: auditFieldLabel(field),
    before: inSnapshot.before ? auditValue(field, before) : null,
    after: inSnapshot.after ? auditValue(field, after) : null,
  };
}

/** Every field of a before/after pair in words, items in questionnaire order first. */
export function wordChanges(
  before: TSnapshot | null,
  after: TSnapshot | null,
  definition?: Pick<TQuestionnaireDefinition, "sections"> | null,
): TAuditChange[] {
  const items = itemsOf(definition);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const order = items ? [...items.keys()] : [];
  const rank = (f: string) => {
    const i = order.indexOf(f);
    return i < 0 ? order.length : i;
  };
  return fields
    .sort((a, b) => rank(a) - rank(b))
    .map((field) =>
      wordChange(field, before?.[field], after?.[field], items, {
        before: before !== null && field in before,
        after: after !== null && field in after,
      }),
    );
}

/** The field-wise change over a run of saves (oldest first): first before → last after; undone changes drop out. */
export function mergeSnapshots(runOldestFirst: readonly Pick<TAuditEventRow, "before" | "after">[]): {
  before: TSnapshot;
  after: TSnapshot;
} {
  const before: TSnapshot = {};
  const after: TSnapshot = {};
  for (const event of runOldestFirst) {
    for (const [k, v] of Object.entries(event.before ?? {})) if (!(k in before)) before[k] = v ?? null;
    for (const [k, v] of Object.entries(event.after ?? {})) after[k] = v ?? null;
    // A field that was only cleared in a later save has its after in the before side only.
    for (const k of Object.keys(event.before ?? {})) if (!(event.after && k in event.after)) after[k] = null;
  }
  for (const k of Object.keys({ ...before, ...after })) {
    if (jsonEqual(before[k] ?? null, after[k] ?? null)) {
      delete before[k];
      delete after[k];
    }
  }
  return { before, after };
}

/** Whether an older row continues the autosave session of a newer one. */
export const sameSession = (newer: TAuditEventRow, older: TAuditEventRow) =>
  newer.action === DRAFT_SAVE_ACTION &&
  older.action === DRAFT_SAVE_ACTION &&
  newer.entityId === older.entityId &&
  newer.entityType === older.entityType &&
  newer.actorEmail === older.actorEmail &&
  newer.at.getTime() - older.at.getTime() <= AUTOSAVE_SESSION_GAP_MS;

/**
 * Consecutive rows (newest first, as listed) that are one editing session: autosaves of the same
 * person on the same report, each less than AUTOSAVE_SESSION_GAP_MS after the one before.
 */
export function groupSessions(rowsNewestFirst: readonly TAuditEventRow[]): TAuditEventRow[][] {
  const groups: TAuditEventRow[][] = [];
  for (const row of rowsNewestFirst) {
    const current = groups.at(-1);
    const last = current?.at(-1);
    if (current && last && sameSession(last, row)) current.push(row);
    else groups.push([row]);
  }
  return groups;
}

export function draftSaveText(saves: number, changed: number): string {
  const times = saves > 1 ? `${saves}回` : "";
  if (changed === 0) return `下書きを保存（${times ? `${times}・` : ""}内容の変更なし）`;
  return `下書きを保存（${times ? `${times}・` : ""}${changed}項目を変更）`;
}

/** One group of rows (newest first) as one entry. */
export function auditEntry(group: readonly TAuditEventRow[]): TAuditEntry {
  const newest = group[0]!;
  const oldest = group.at(-1)!;
  const isDraft = newest.action === DRAFT_SAVE_ACTION;
  const snapshots = isDraft ? mergeSnapshots([...group].reverse()) : { before: newest.before, after: newest.after };
  const changes = wordChanges(snapshots.before, snapshots.after, newest.definition);
  return {
    id: newest.id,
    ids: group.map((r) => r.id),
    from: oldest.at,
    to: newest.at,
    count: group.length,
    actor: newest.actorEmail ?? "システム",
    roleLabel: newest.actorRole ? ROLE_LABELS[newest.actorRole] : null,
    action: newest.action,
    actionLabel: auditActionLabel(newest.action),
    entityType: newest.entityType,
    entityId: newest.entityId,
    entityLabel: auditEntityLabel(newest.entityType),
    subjectName: newest.subjectName ?? null,
    text: isDraft ? draftSaveText(group.length, changes.length) : (newest.summary ?? auditActionLabel(newest.action)),
    changes,
  };
}

/** Rows (newest first) → entries, autosave sessions merged. */
export function auditEntries(rowsNewestFirst: readonly TAuditEventRow[]): TAuditEntry[] {
  return groupSessions(rowsNewestFirst).map(auditEntry);
}

/** A change as one line: 「項目: 前 → 後」. */
export function changeLine(change: TAuditChange): string {
  if (change.before !== null && change.after !== null) return `${change.label}: ${change.before} → ${change.after}`;
  return `${change.label}: ${change.after ?? change.before ?? ""}`;
}

/** The filtered log as a table for CSV/.xlsx: one row per entry, the changes in words. */
export function auditLogTable(entries: readonly TAuditEntry[]): TTable {
  return {
    header: ["日時", "開始日時", "回数", "操作した人", "役割", "操作", "対象", "対象の名称", "内容", "変更内容"],
    rows: entries.map((e) => [
      dateTimeCell(e.to),
      e.count > 1 ? dateTimeCell(e.from) : null,
      e.count,
      e.actor,
      e.roleLabel ?? "",
      e.actionLabel,
      e.entityLabel,
      e.subjectName ?? "",
      e.text,
      e.changes.map(changeLine).join("\n"),
    ]),
  };
}
