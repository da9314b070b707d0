import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { clearAccountThrottle } from "@/lib/auth/throttle-store";
import { AppError } from "@/lib/errors";
import { getPublicBaseUrl } from "@/lib/env";
import { auditRow, type TAuditActor } from "./audit";
import {
  findAccount,
  inspectPasswordToken,
  LINK_STATE_MESSAGES,
  managedUserWhere,
  planRespondentAccounts,
  type TAccountPlan,
} from "@/lib/data/accounts";
import { prefectureName } from "@/lib/domain/prefectures";
import { formatDateTime, formatWareki } from "@/lib/domain/wareki";
import { tableToFile, type TTableFile } from "@/lib/export/table-file";
import { exportFileName, type TFileName } from "@/lib/export/file-name";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { roleFromDb } from "@/lib/auth/roles";
import { bulkInsert, insertAuditRows, newId, NOW_UTC } from "./bulk";
import { getMailTransport, sendMail, type TMailMessage, type TMailTransport } from "./mailer";
import { notifyHolder } from "./security-notice";

// Respondent accounts: created in bulk from the roster's 担当者メール (and the hubs' e-mails);
// each person sets a password through a one-time link that expires. Only the SHA-256 of a link's
// token is stored, so neither the database nor the audit log can reproduce a link. With no SMTP
// server the links are exported as CSV for the prefecture to hand over; with one, they are sent.
// A link for an account that already has a password (a reset) goes only to the holder's own
// address: handing it to anyone else would let them take the account over (issue 12, finding 3).

export const LINK_TTL_DAYS = 7;
const LINK_TTL_MS = LINK_TTL_DAYS * 86_400_000;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const setPasswordUrl = (token: string) => `${getPublicBaseUrl().replace(/\/$/, "")}/set-password?token=${token}`;

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

// ---- Bulk creation ------------------------------------------------------------------------------

export type TCreateAccountsResult = TAccountPlan & { created: number; userIds: string[] };

/** Creates the accounts planRespondentAccounts proposes, in one transaction (none, or all). */
export async function createAccountsFromRoster(viewer: TViewer): Promise<TCreateAccountsResult> {
  const officer = asOfficer(viewer);
  return db.$transaction(
    async (tx) => {
      // Planned inside the transaction: an account created meanwhile is not created twice.
      const plan = await planRespondentAccounts(officer, tx);
      const rows = plan.toCreate.map((c) => ({ ...c, id: newId() }));
      await bulkInsert(
        tx,
        "User",
        [
          ["id", "text"],
          ["email", "text"],
          ["name", "text"],
          ["role", { enum: "Role" }],
          ["institutionId", "text"],
          ["hubId", "text"],
        ],
        rows.map((r) => [
          r.id,
          r.email,
          `${r.name} 担当者`,
          r.type === "institution" ? "INSTITUTION" : "HUB",
          r.type === "institution" ? r.respondentId : null,
          r.type === "hub" ? r.respondentId : null,
        ]),
        { constants: { createdAt: NOW_UTC, updatedAt: NOW_UTC } },
      );
      await insertAuditRows(tx, [
        ...rows.map((r) =>
          auditRow(officer, {
            action: "account.create",
            entityType: "user",
            entityId: r.id,
            prefectureCode: officer.prefectureCode,
            summary: `${r.name} のアカウント（${r.email}）を名簿から作成`,
            after: {
              email: r.email,
              role: r.type === "institution" ? "INSTITUTION" : "HUB",
              respondentId: r.respondentId,
            },
          }),
        ),
        auditRow(officer, {
          action: "accounts.bulk_create",
          entityType: "prefecture",
          entityId: officer.prefectureCode,
          prefectureCode: officer.prefectureCode,
          summary: `名簿からアカウントを ${rows.length}件作成（作成済み ${plan.alreadyHave}件、メールなし ${plan.missingEmail.length}件、重複 ${plan.duplicateEmails.length}件、使用中 ${plan.emailTaken.length}件は作成せず）`,
          after: {
            created: rows.length,
            alreadyHave: plan.alreadyHave,
            missingEmail: plan.missingEmail.length,
            duplicateEmails: plan.duplicateEmails.length,
            emailTaken: plan.emailTaken.length,
          },
        }),
      ]);
      return { ...plan, created: rows.length, userIds: rows.map((r) => r.id) };
    },
    { timeout: 120_000 },
  );
}

// ---- Set-password links --------------------------------------------------------------------------

export const ZLinkTarget = z.union([
  z.object({ scope: z.literal("pending") }),
  z.object({ scope: z.literal("users"), userIds: z.array(z.string().min(1)).min(1).max(20_000) }),
]);
export type TLinkTarget = z.infer<typeof ZLinkTarget>;

export type TIssuedLink = {
  userId: string;
  email: string;
  name: string;
  role: "INSTITUTION" | "HUB" | "COUNCIL";
  respondentCode: string | null;
  respondentName: string | null;
  url: string;
  expiresAt: Date;
  purpose: TLinkPurpose;
};

/** INVITE: first password; RESET: issued by the prefecture for an account that has one; SELF: asked for by the holder. */
export type TLinkPurpose = "INVITE" | "RESET" | "SELF";

const RESET_NEEDS_MAIL =
  "パスワード設定済みのアカウントの再設定用リンクは、本人のメールアドレスにしか送れません（CSV では出力できません）。";

function parseTarget(input: unknown): TLinkTarget {
  const parsed = ZLinkTarget.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "リンクを発行するアカウントを選んでください。");
  return parsed.data;
}

/**
 * New one-time links for the target accounts (active ones only); each revokes the account's
 * earlier unused links. "pending" = every active account that has never set a password.
 */
async function issueLinks(
  officer: TViewerOf<"prefecture">,
  target: TLinkTarget,
  delivery: "CSV" | "EMAIL",
): Promise<TIssuedLink[]> {
  const users = await db.user.findMany({
    where: {
      AND: [
        managedUserWhere(officer),
        { isActive: true },
        target.scope === "pending" ? { passwordHash: null } : { id: { in: target.userIds } },
      ],
    },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      institution: { select: { code: true, name: true } },
      hub: { select: { name: true } },
    },
    orderBy: { email: "asc" },
  });
  if (target.scope === "users" && users.length !== new Set(target.userIds).size) {
    throw new AppError(
      "NOT_FOUND",
      "選んだアカウントの一部が見つからないか、無効になっています。画面を再読み込みしてください。",
    );
  }
  const withPassword = users.filter((u) => u.passwordHash !== null);
  if (delivery === "CSV" && withPassword.length > 0) {
    throw new AppError(
      "CONFLICT",
      `${RESET_NEEDS_MAIL}対象: ${withPassword
        .slice(0, 5)
        .map((u) => u.email)
        .join("、")}${withPassword.length > 5 ? ` ほか${withPassword.length - 5}件` : ""}`,
    );
  }
  if (users.length === 0) return [];
  const now = new Date();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  const issued = users.map((u) => ({
    user: u,
    token: randomBytes(32).toString("base64url"),
    purpose: (u.passwordHash === null ? "INVITE" : "RESET") as TLinkPurpose,
  }));
  await db.$transaction(
    async (tx) => {
      await tx.passwordToken.updateMany({
        where: { userId: { in: users.map((u) => u.id) }, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      await bulkInsert(
        tx,
        "PasswordToken",
        [
          ["id", "text"],
          ["userId", "text"],
          ["tokenHash", "text"],
          ["expiresAt", "timestamp"],
          ["delivery", "text"],
          ["purpose", "text"],
          ["createdById", "text"],
        ],
        issued.map((i) => [newId(), i.user.id, hashToken(i.token), expiresAt, delivery, i.purpose, officer.userId]),
        { constants: { createdAt: NOW_UTC } },
      );
      await insertAuditRows(
        tx,
        issued.map((i) =>
          auditRow(officer, {
            action: "account.issue_link",
            entityType: "user",
            entityId: i.user.id,
            prefectureCode: officer.prefectureCode,
            summary: `${i.user.email} の${i.purpose === "RESET" ? "パスワード再設定用" : "パスワード設定用"}リンクを発行（${delivery === "CSV" ? "CSV で出力" : "本人にメールで送信"}、有効期限 ${formatDateTime(expiresAt)}）`,
            after: { delivery, purpose: i.purpose, expiresAt: expiresAt.toISOString() },
          }),
        ),
      );
    },
    { timeout: 120_000 },
  );
  return issued.map((i) => ({
    userId: i.user.id,
    email: i.user.email,
    name: i.user.name,
    role: i.user.role as TIssuedLink["role"],
    respondentCode: i.user.institution?.code ?? null,
    respondentName: i.user.institution?.name ?? i.user.hub?.name ?? null,
    url: setPasswordUrl(i.token),
    expiresAt,
    purpose: i.purpose,
  }));
}

const ROLE_NAMES: Record<TIssuedLink["role"], string> = {
  INSTITUTION: "医療機関",
  HUB: "在宅医療連携拠点",
  COUNCIL: "協議の場",
};

/** The links as a table for the CSV/Excel export (formula-neutralised by the writer). */
export function linksTable(links: readonly TIssuedLink[]) {
  return {
    header: [
      "種別",
      "医療機関コード",
      "医療機関・拠点名",
      "担当者名",
      "メールアドレス（ログインID）",
      "パスワード設定用URL",
      "有効期限",
    ],
    rows: links.map((l) => [
      ROLE_NAMES[l.role],
      l.respondentCode,
      l.respondentName,
      l.name,
      l.email,
      l.url,
      formatDateTime(l.expiresAt),
    ]),
  };
}

/** Issues links and returns them as a file (CSV UTF-8 with BOM, or Shift_JIS) — the way without SMTP. */
export async function exportSetPasswordLinks(
  viewer: TViewer,
  input: unknown,
  format: "csv" | "csv-sjis" = "csv",
): Promise<{ file: TTableFile; count: number; name: TFileName }> {
  const officer = asOfficer(viewer);
  const links = await issueLinks(officer, parseTarget(input), "CSV");
  if (links.length === 0)
    throw new AppError(
      "CONFLICT",
      "リンクを発行できるアカウントがありません（パスワード未設定の有効なアカウントがありません）。",
    );
  // パスワード設定用リンク_福井県_2026-12-05_Shift_JIS.csv: the two encodings never share a name.
  const name = exportFileName({
    what: "パスワード設定用リンク",
    whatAscii: "set-password-links",
    scope: { name: prefectureName(officer.prefectureCode), ascii: `pref${officer.prefectureCode}` },
    date: toDateInputJst(new Date()),
    format,
  });
  return { file: await tableToFile(linksTable(links), format), count: links.length, name };
}

export function setPasswordMail(link: TIssuedLink, prefectureCode: string): TMailMessage {
  const prefecture = prefectureName(prefectureCode);
  if (link.purpose === "RESET")
    return resetPasswordMail(link, `${prefecture}の担当者`, `${prefecture} かかりつけ医機能報告 担当`);
  const subject =
    link.role === "HUB"
      ? `【Renkei】在宅医療連携拠点 自己評価のパスワード設定のお願い（${prefecture}）`
      : link.role === "COUNCIL"
        ? `【Renkei】協議の場のアカウントのご案内（${prefecture}）`
        : `【Renkei】かかりつけ医機能報告のパスワード設定のお願い（${prefecture}）`;
  const text = [
    `${link.respondentName ?? ""} ${link.name} 様`.trim(),
    "",
    `${prefecture}から、Renkei（連携）のアカウントをご用意しました。`,
    link.role === "HUB"
      ? "在宅医療に必要な連携を担う拠点の自己評価は、このアカウントで入力・提出していただきます。"
      : link.role === "COUNCIL"
        ? "協議の場の構成員として、担当する圏域のダッシュボードと協議の場の資料をご覧いただけます。"
        : "かかりつけ医機能報告は、このアカウントで入力・提出していただきます。",
    "",
    `次のリンクを開き、${formatWareki(link.expiresAt)}（${formatDateTime(link.expiresAt)}）までにパスワードを設定してください。`,
    "リンクは一度だけ使えます。期限が過ぎた場合は、都道府県の担当者に再発行を依頼してください。",
    "",
    link.url,
    "",
    `ログインID（メールアドレス）: ${link.email}`,
    "",
    "このメールに心当たりがない場合は、このメールを破棄してください。リンクを開かなければアカウントは使われません。",
    "",
    `${prefecture} かかりつけ医機能報告 担当`,
  ].join("\n");
  return { to: link.email, subject, text };
}

/** A reset link for an account that has a password: to its holder only (never in a CSV). */
export function resetPasswordMail(
  link: Pick<TIssuedLink, "email" | "name" | "url" | "expiresAt">,
  requestedBy: string,
  signature: string,
): TMailMessage {
  const text = [
    `${link.name} 様`,
    "",
    `${requestedBy}の依頼により、Renkei（連携）のパスワード再設定用のリンクをお送りします。`,
    "",
    `次のリンクを開き、${formatWareki(link.expiresAt)}（${formatDateTime(link.expiresAt)}）までに新しいパスワードを設定してください。`,
    "リンクは一度だけ使えます。設定するまでは、今のパスワードでログインできます。",
    "",
    link.url,
    "",
    `ログインID（メールアドレス）: ${link.email}`,
    "",
    "心当たりがない場合は、このメールを破棄してください。リンクを開かなければパスワードは変わりません。",
    "",
    signature,
  ].join("\n");
  return { to: link.email, subject: "【Renkei】パスワード再設定のご案内", text };
}

export type TSendResult = { sent: number; failed: { email: string; message: string }[] };

/** Issues links and e-mails them (needs SMTP_HOST); a link whose mail failed is revoked. */
export async function sendSetPasswordLinks(
  viewer: TViewer,
  input: unknown,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TSendResult> {
  const officer = asOfficer(viewer);
  if (!transport) {
    throw new AppError(
      "CONFLICT",
      `メールサーバー（SMTP）が設定されていないため送信できません。パスワード未設定のアカウントは、リンクを CSV で出力して配布してください。${RESET_NEEDS_MAIL}`,
    );
  }
  const links = await issueLinks(officer, parseTarget(input), "EMAIL");
  if (links.length === 0)
    throw new AppError(
      "CONFLICT",
      "リンクを送信できるアカウントがありません（パスワード未設定の有効なアカウントがありません）。",
    );
  const result: TSendResult = { sent: 0, failed: [] };
  const failedIds: string[] = [];
  for (const link of links) {
    try {
      await sendMail(setPasswordMail(link, officer.prefectureCode), transport);
      result.sent += 1;
    } catch (error) {
      failedIds.push(link.userId);
      result.failed.push({
        email: link.email,
        message: error instanceof Error ? error.message.slice(0, 200) : String(error),
      });
    }
  }
  if (failedIds.length > 0) {
    await db.$transaction([
      db.passwordToken.updateMany({
        where: { userId: { in: failedIds }, delivery: "EMAIL", usedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      }),
      db.auditEvent.createMany({
        data: result.failed.map((f, i) =>
          auditRow(officer, {
            action: "account.link_mail_failed",
            entityType: "user",
            entityId: failedIds[i]!,
            prefectureCode: officer.prefectureCode,
            summary: `${f.email} へのパスワード設定用リンクのメール送信に失敗（リンクは無効にしました）`,
          }),
        ),
      }),
    ]);
  }
  return result;
}

// ---- Deactivate / reactivate ----------------------------------------------------------------------

async function setActive(viewer: TViewer, userId: string, isActive: boolean): Promise<void> {
  const officer = asOfficer(viewer);
  const account = await findAccount(officer, userId);
  if (account.isActive === isActive) return;
  await db.$transaction([
    // A new sessionVersion ends every session of the account at its next request.
    db.user.update({ where: { id: account.id }, data: { isActive, sessionVersion: { increment: 1 } } }),
    ...(isActive
      ? []
      : [
          db.passwordToken.updateMany({
            where: { userId: account.id, usedAt: null, revokedAt: null },
            data: { revokedAt: new Date() },
          }),
        ]),
    db.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: isActive ? "account.reactivate" : "account.deactivate",
          entityType: "user",
          entityId: account.id,
          prefectureCode: officer.prefectureCode,
          summary: `${account.email} を${isActive ? "有効に戻した" : "無効にした（ログインできなくなります）"}`,
          before: { isActive: !isActive },
          after: { isActive },
        }),
      ],
    }),
  ]);
}

export const deactivateAccount = (viewer: TViewer, userId: string) => setActive(viewer, userId, false);
export const reactivateAccount = (viewer: TViewer, userId: string) => setActive(viewer, userId, true);

// ---- Setting the password (public, with the link's token) ------------------------------------------

/** How a link was handed over, as the audit log words it (SCREEN: shown once to its issuer, 0022). */
const DELIVERY_WORDS: Record<string, string> = { CSV: "CSV", EMAIL: "メール", SCREEN: "画面表示" };

export const ZSetPassword = z.object({
  token: z.string().min(20).max(200),
  password: z.string().max(1000),
  confirm: z.string().max(1000),
});

/**
 * The person behind a link sets their password. The token works once (marked used in the same
 * update that checks it), ends every existing session (sessionVersion) and clears sign-in
 * throttling. The audit event names the holder as actor (they used the link) and who issued it;
 * the holder is then told by mail. Returns the e-mail to prefill the sign-in form.
 */
export async function setPasswordWithToken(
  input: unknown,
  now = new Date(),
  transport?: TMailTransport | null,
): Promise<{ email: string }> {
  const parsed = ZSetPassword.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", LINK_STATE_MESSAGES.unknown);
  const { token, password, confirm } = parsed.data;
  const tokenHash = hashToken(token);
  const state = await inspectPasswordToken(tokenHash, now);
  if (!state.ok) throw new AppError("CONFLICT", LINK_STATE_MESSAGES[state.reason]);
  const problem = passwordProblem(password, state.email);
  if (problem) throw new AppError("INVALID_INPUT", problem, { password: [problem] });
  if (password !== confirm) {
    throw new AppError("INVALID_INPUT", "確認用のパスワードが一致しません。", {
      confirm: ["確認用のパスワードが一致しません。"],
    });
  }
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordToken.updateMany({
      where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", LINK_STATE_MESSAGES.used);
    const token = await tx.passwordToken.findUniqueOrThrow({
      where: { tokenHash },
      select: {
        userId: true,
        purpose: true,
        delivery: true,
        createdById: true,
        user: { select: { passwordHash: true } },
      },
    });
    // An invitation handed over as CSV is for a first password only: should the account have one
    // meanwhile, the link must not replace it (a reset goes to the holder's mail, RESET/SELF).
    if (token.purpose === "INVITE" && token.user.passwordHash !== null) {
      throw new AppError("CONFLICT", LINK_STATE_MESSAGES.used);
    }
    const issuer = token.createdById
      ? await tx.user.findUnique({ where: { id: token.createdById }, select: { id: true, email: true, role: true } })
      : null;
    const user = await tx.user.update({
      where: { id: token.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        prefectureCode: true,
        institution: { select: { prefectureCode: true } },
        hub: { select: { prefectureCode: true } },
      },
    });
    await tx.passwordToken.updateMany({
      where: { userId: user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await clearAccountThrottle(tx, user.email);
    const actor: TAuditActor = { userId: user.id, email: user.email, role: roleFromDb(user.role) };
    const prefectureCode = user.prefectureCode ?? user.institution?.prefectureCode ?? user.hub?.prefectureCode ?? null;
    await tx.auditEvent.createMany({
      data: [
        auditRow(actor, {
          action: "account.set_password",
          entityType: "user",
          entityId: user.id,
          prefectureCode,
          summary: `${token.purpose === "SELF" ? "本人が依頼した再設定用リンク" : `${issuer?.email ?? "不明"} が発行したリンク（${DELIVERY_WORDS[token.delivery] ?? token.delivery}）`}でパスワードを設定`,
          after: {
            purpose: token.purpose,
            delivery: token.delivery,
            issuedById: issuer?.id ?? null,
            issuedByEmail: issuer?.email ?? null,
          },
        }),
      ],
    });
    return { user: { ...user, prefectureCode }, purpose: token.purpose };
  });
  await notifyHolder(result.user, result.purpose === "INVITE" ? "password_set" : "password_reset_by_link", {
    at: now,
    transport,
  });
  return { email: result.user.email };
}
