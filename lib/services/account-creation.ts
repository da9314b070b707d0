import "server-only";
import type { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { normalizeEmail } from "@/lib/auth/messages";
import { roleFromDb } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { DUPLICATE_EMAIL_MESSAGE, fieldMessages } from "@/lib/domain/account-forms";
import type { TSnapshot } from "@/lib/audit/diff";
import { auditRow, type TAuditActor } from "./audit";
import { deliverInvitation, writeInvitation, type TInvitationKind, type TInvitationOutcome } from "./invitations";
import { getMailTransport, type TMailTransport } from "./mailer";

// One account created by hand, with its invitation, in one transaction: the user row, the
// audit row (account.create, with what was set) and the invitation link (account.issue_link).
// The mail goes out after commit: the account exists whether or not the mail server answered
// (a committed write answers success; the outcome says how the invitation went).

export type TCreatedAccount = { userId: string; invitation: TInvitationOutcome };

export const actorOf = (viewer: TViewer): NonNullable<TAuditActor> => ({
  userId: viewer.userId,
  email: viewer.email,
  role: viewer.role,
});

/** Parses a form with its shared schema; a failure is a 400 with a Japanese message per field. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const fields = fieldMessages(parsed.error);
  const first = Object.values(fields)[0]?.[0] ?? "入力内容を確認してください。";
  throw new AppError("INVALID_INPUT", `入力内容を確認してください。${first}`, fields);
}

const duplicateEmail = () => new AppError("CONFLICT", DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });

export type TNewAccount = {
  kind: TInvitationKind;
  data: Omit<Prisma.UserUncheckedCreateInput, "email" | "passwordHash">;
  email: string;
  prefectureCode: string;
  affiliation: string | null;
  /** Wording of the audit row and what it records as set. */
  summary: string;
  after: TSnapshot;
};

/**
 * Creates the account and its invitation. A duplicate e-mail (any role, any prefecture, checked
 * case-insensitively as sign-in does) is a field message, also when two requests race for it
 * (the unique index answers P2002 and nothing is written).
 */
export async function createInvitedAccount(
  viewer: TViewer,
  account: TNewAccount,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TCreatedAccount> {
  const actor = actorOf(viewer);
  const email = normalizeEmail(account.email);
  const delivery = transport ? "EMAIL" : "SCREEN";
  let created: { userId: string; issued: { token: string; expiresAt: Date } };
  try {
    created = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmail();
      const user = await tx.user.create({ data: { ...account.data, email }, select: { id: true, name: true } });
      await tx.auditEvent.create({
        data: auditRow(actor, {
          action: "account.create",
          entityType: "user",
          entityId: user.id,
          prefectureCode: account.prefectureCode,
          summary: account.summary,
          after: { email, ...account.after },
        }),
      });
      const issued = await writeInvitation(
        tx,
        actor,
        { id: user.id, email, name: user.name, prefectureCode: account.prefectureCode, affiliation: null },
        delivery,
      );
      return { userId: user.id, issued };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateEmail();
    throw error;
  }
  const invitee = {
    id: created.userId,
    email,
    name: String(account.data.name),
    prefectureCode: account.prefectureCode,
    affiliation: account.affiliation,
  };
  const invitation = await deliverInvitation(account.kind, actor, invitee, created.issued, transport);
  return { userId: created.userId, invitation };
}

/** What a resent invitation needs to know of the account. */
export type TInvitable = {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  passwordHash: string | null;
};

/** A new invitation link for an active account that has never set a password. */
export async function reinvite(
  viewer: TViewer,
  kind: TInvitationKind,
  account: TInvitable,
  prefectureCode: string,
  affiliation: string | null,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TInvitationOutcome> {
  if (!account.isActive)
    throw new AppError("CONFLICT", "無効なアカウントには招待を送れません。先に「有効に戻す」を押してください。");
  if (account.passwordHash !== null)
    throw new AppError(
      "CONFLICT",
      "このアカウントはパスワードを設定済みのため、招待は送れません。パスワードを忘れた場合は、本人がログイン画面の「パスワードをお忘れの方」から再設定できます。",
    );
  const actor = actorOf(viewer);
  const invitee = { ...account, prefectureCode, affiliation };
  const issued = await db.$transaction((tx) => writeInvitation(tx, actor, invitee, transport ? "EMAIL" : "SCREEN"));
  return deliverInvitation(kind, actor, invitee, issued, transport);
}

/**
 * Deactivates or reactivates an account, in one transaction with its audit row. Either way the
 * sessionVersion moves, so every session of the account ends at its next request (the viewer is
 * re-read on every request, lib/auth/viewer.ts); deactivation also revokes unused links.
 */
export async function writeActive(
  viewer: TViewer,
  account: { id: string; email: string; role: Parameters<typeof roleFromDb>[0] },
  prefectureCode: string | null,
  isActive: boolean,
  note = "",
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { isActive, sessionVersion: { increment: 1 } } });
    if (!isActive) {
      await tx.passwordToken.updateMany({
        where: { userId: account.id, usedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    }
    await tx.auditEvent.create({
      data: auditRow(actorOf(viewer), {
        action: isActive ? "account.reactivate" : "account.deactivate",
        entityType: "user",
        entityId: account.id,
        prefectureCode,
        summary: `${account.email} を${isActive ? "有効に戻した" : "無効にした（ログイン中のセッションも終了）"}${note}`,
        before: { isActive: !isActive },
        after: { isActive },
      }),
    });
  });
}
