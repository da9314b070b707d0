import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { prefectureName } from "@/lib/domain/prefectures";
import { ZOfficerForm } from "@/lib/domain/account-forms";
import { activeOfficersPerPrefecture, findOfficer } from "@/lib/data/officers";
import { createInvitedAccount, parseForm, reinvite, writeActive, type TCreatedAccount } from "./account-creation";
import type { TInvitationOutcome } from "./invitations";
import { getMailTransport, type TMailTransport } from "./mailer";

// Prefecture officer accounts, managed by the national administrator (issue 13, part 2;
// docs/decisions/0022-accounts-for-every-role.md). The officer sets a password from the
// invitation and enrols a second factor at first sign-in (required for the role, ADR 0015).

/** Creates an officer of a prefecture and sends (or shows) the invitation. */
export async function createOfficer(
  viewer: TViewer,
  input: unknown,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TCreatedAccount> {
  assertRole(viewer, "admin");
  const form = parseForm(ZOfficerForm, input);
  const prefecture = prefectureName(form.prefectureCode);
  return createInvitedAccount(
    viewer,
    {
      kind: "officer",
      email: form.email,
      data: { name: form.name, role: "PREFECTURE", prefectureCode: form.prefectureCode },
      prefectureCode: form.prefectureCode,
      affiliation: `${prefecture} 担当`,
      summary: `${prefecture}の担当者 ${form.name}（${form.email}）のアカウントを作成`,
      after: { name: form.name, role: "PREFECTURE", prefectureCode: form.prefectureCode },
    },
    transport,
  );
}

/**
 * Deactivates an officer: signs them out everywhere at once. Deactivating the last active officer
 * of a prefecture is allowed (a compromised or departed account must never wait for a successor),
 * but said in the audit row and in the answer, and the page warns before.
 */
export async function deactivateOfficer(viewer: TViewer, userId: string): Promise<{ lastActive: boolean }> {
  assertRole(viewer, "admin");
  const officer = await findOfficer(viewer, userId);
  if (!officer.isActive) return { lastActive: false };
  const lastActive = ((await activeOfficersPerPrefecture()).get(officer.prefectureCode) ?? 0) <= 1;
  const note = lastActive ? `。${prefectureName(officer.prefectureCode)}で有効な担当者はいなくなりました` : "";
  await writeActive(viewer, officer, officer.prefectureCode, false, note);
  return { lastActive };
}

export async function reactivateOfficer(viewer: TViewer, userId: string): Promise<void> {
  assertRole(viewer, "admin");
  const officer = await findOfficer(viewer, userId);
  if (officer.isActive) return;
  await writeActive(viewer, officer, officer.prefectureCode, true);
}

/** A new invitation for an officer who has not set a password yet (the earlier link stops working). */
export async function resendOfficerInvitation(
  viewer: TViewer,
  userId: string,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TInvitationOutcome> {
  assertRole(viewer, "admin");
  const officer = await findOfficer(viewer, userId);
  const affiliation = `${prefectureName(officer.prefectureCode)} 担当`;
  return reinvite(viewer, "officer", officer, officer.prefectureCode, affiliation, transport);
}
