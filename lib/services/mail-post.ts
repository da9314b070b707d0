import "server-only";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError } from "@/lib/errors";
import { RESPONSE_STATUS_LABELS } from "@/lib/aggregation/status";
import { formatWareki } from "@/lib/domain/wareki";
import { findCycle } from "@/lib/data/cycles";
import { getMailSettings, planBulkMail, type TPlannedMail } from "@/lib/data/cycle-mail";
import { tableToFile, type TTableFormat } from "@/lib/export/table-file";
import { MAIL_KIND_LABELS, renderCycleMail } from "@/lib/mail/templates/cycle-mails";
import type { TDocumentRequest } from "@/lib/pdf/props";
import { recordAudit } from "./audit";
import { cycleExportFileName } from "./exports";
import { parseBulkInput, plannedMailInput } from "./cycle-mail";

// Without a mail server the same screens give the officer what to send by other means: the list of
// recipients as CSV (for a mail merge or phone calls) and the letters as PDF for post, worded by the
// same templates as the mails. Both are downloads of contact details, so both are audited.

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

async function planFor(officer: TViewerOf<"prefecture">, cycleId: string, rawInput: unknown) {
  const cycle = await findCycle(officer, cycleId);
  const input = parseBulkInput(rawInput);
  const plan = await planBulkMail(officer, cycle, input.kind, input);
  const ids = [
    ...new Set([...plan.mails.map((m) => m.respondentId), ...plan.withoutAccount.map((r) => r.respondentId)]),
  ];
  const places =
    cycle.kind === "CLINIC_REPORT"
      ? await db.institution.findMany({
          where: { id: { in: ids }, prefectureCode: officer.prefectureCode },
          select: { id: true, postalCode: true, address: true, phone: true },
        })
      : [];
  const place = new Map(places.map((p) => [p.id, p]));
  return { input, cycle, plan, place };
}

const what = (kind: "ANNOUNCEMENT" | "REMINDER") => (kind === "REMINDER" ? "督促" : "案内");

/** The recipients of a bulk send as a table file: one row per message, then respondents without an account. */
export async function exportMailRecipients(viewer: TViewer, cycleId: string, rawInput: unknown, format: TTableFormat) {
  const officer = asOfficer(viewer);
  const { input, cycle, plan, place } = await planFor(officer, cycleId, rawInput);
  const header = [
    "メール",
    "医療機関コード",
    "医療機関・拠点名",
    "状況",
    "担当者名",
    "メールアドレス",
    "郵便番号",
    "住所",
    "電話",
  ];
  const row = (m: TPlannedMail) => {
    const p = place.get(m.respondentId);
    return [
      MAIL_KIND_LABELS[m.kind],
      m.respondentCode,
      m.respondentName,
      RESPONSE_STATUS_LABELS[m.status],
      m.name,
      m.email,
      p?.postalCode,
      p?.address,
      p?.phone,
    ];
  };
  const rows = [
    ...plan.mails.map(row),
    ...plan.withoutAccount.map((r) => {
      const p = place.get(r.respondentId);
      return [
        "（アカウントなし・郵送）",
        r.code,
        r.name,
        RESPONSE_STATUS_LABELS[r.status],
        "",
        r.contactEmail,
        p?.postalCode,
        p?.address,
        p?.phone,
      ];
    }),
  ];
  const file = await tableToFile({ header, rows }, format, "宛先一覧");
  await recordAudit(db, officer, {
    action: "mail.export_recipients",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の${what(input.kind)}の宛先一覧を出力（${rows.length}件）`,
    after: { kind: input.kind, rows: rows.length, format },
  });
  // 督促の宛先一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05_Shift_JIS.csv
  const name = cycleExportFileName(
    cycle,
    { ja: `${what(input.kind)}の宛先一覧`, ascii: input.kind === "REMINDER" ? "reminder-recipients" : "recipients" },
    format,
  );
  return { ...file, ...name };
}

/** The letters for post, one per respondent (addressed to its first account's holder, or 担当者). */
export async function mailLettersRequest(
  viewer: TViewer,
  cycleId: string,
  rawInput: unknown,
): Promise<TDocumentRequest> {
  const officer = asOfficer(viewer);
  const { input, cycle, plan, place } = await planFor(officer, cycleId, rawInput);
  const { sender } = await getMailSettings(officer);
  const firstPerRespondent = new Map<string, TPlannedMail>();
  for (const m of plan.mails) if (!firstPerRespondent.has(m.respondentId)) firstPerRespondent.set(m.respondentId, m);
  const respondents: TPlannedMail[] = [
    ...firstPerRespondent.values(),
    ...plan.withoutAccount.map((r) => ({
      kind: input.kind === "REMINDER" ? ("REMINDER" as const) : ("ANNOUNCEMENT" as const),
      userId: "",
      email: r.contactEmail ?? "（未登録）",
      name: "ご担当者",
      respondentType: cycle.kind === "CLINIC_REPORT" ? ("institution" as const) : ("hub" as const),
      respondentId: r.respondentId,
      respondentCode: r.code,
      respondentName: r.name,
      status: r.status,
    })),
  ];
  if (respondents.length === 0) throw new AppError("CONFLICT", "条件に合う回答者がいません。");
  if (respondents.length > 2000)
    throw new AppError("CONFLICT", "一度に作成できる文書は2,000通までです。圏域や市区町村で絞り込んでください。");
  const prefecture = await db.prefecture.findUnique({
    where: { code: officer.prefectureCode },
    select: { isDemo: true },
  });
  const letters = respondents.map((m) => {
    // A letter cannot carry a one-time link: an account without a password gets the 案内 wording.
    const rendered = renderCycleMail(
      plannedMailInput(cycle, sender, { ...m, kind: m.kind === "INVITATION" ? "ANNOUNCEMENT" : m.kind }),
    );
    const p = place.get(m.respondentId);
    return {
      addressLines: [p?.postalCode ? `〒${p.postalCode}` : "", p?.address ?? "", `${m.respondentName} 御中`].filter(
        Boolean,
      ),
      subject: rendered.subject,
      blocks: [...rendered.blocks],
    };
  });
  await recordAudit(db, officer, {
    action: "mail.export_letters",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の${what(input.kind)}の郵送用文書を出力（${letters.length}通）`,
    after: { kind: input.kind, letters: letters.length },
  });
  return {
    kind: "mailLetters",
    input: {
      title: `${cycle.title}_${what(input.kind)}_郵送用`,
      prefectureName: sender.prefectureName,
      fiscalYear: cycle.fiscalYear,
      dateLabel: formatWareki(new Date()),
      isDemo: prefecture?.isDemo ?? false,
      letters,
    },
  };
}
