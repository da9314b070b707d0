import "server-only";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, notFoundError } from "@/lib/errors";
import { ZCouncilZonesForm, ZRespondentAccountForm } from "@/lib/domain/account-forms";
import { findManagedAccountDetail, ownZonesOrNotFound, type TZoneChoice } from "@/lib/data/account-options";
import { hubScope } from "@/lib/data/scope";
import { auditRow } from "./audit";
import { actorOf, createInvitedAccount, parseForm, type TCreatedAccount } from "./account-creation";
import { getMailTransport, type TMailTransport } from "./mailer";

// Council (協議の場) members and hub accounts, created one at a time by the prefecture (issue 13,
// part 2; docs/decisions/0022-accounts-for-every-role.md). A council member reads only the zones
// given here, which must be zones of the prefecture's own schemes; a hub account belongs to one of
// the prefecture's active hubs. Deactivation, reactivation and links for every managed account
// stay in ./accounts.ts (the bulk path of ADR 0010).

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

const zoneLabel = (zones: readonly TZoneChoice[]) => zones.map((z) => `${z.name}（${z.schemeName}）`).join("、");

/** Creates a council member (with zones) or a hub account, and sends (or shows) the invitation. */
export async function createRespondentAccount(
  viewer: TViewer,
  input: unknown,
  transport: TMailTransport | null = getMailTransport(),
): Promise<TCreatedAccount> {
  const officer = asOfficer(viewer);
  const form = parseForm(ZRespondentAccountForm, input);
  const prefectureCode = officer.prefectureCode;
  if (form.kind === "council") {
    const zones = await ownZonesOrNotFound(officer, form.zoneIds);
    return createInvitedAccount(
      officer,
      {
        kind: "council",
        email: form.email,
        data: {
          name: form.name,
          role: "COUNCIL",
          prefectureCode,
          zones: { create: zones.map((z) => ({ zoneId: z.id })) },
        },
        prefectureCode,
        affiliation: `協議の場（${zones.map((z) => z.name).join("・")}）`,
        summary: `協議の場の構成員 ${form.name}（${form.email}）のアカウントを作成（圏域: ${zoneLabel(zones)}）`,
        after: { name: form.name, role: "COUNCIL", zones: zones.map((z) => z.name), zoneIds: zones.map((z) => z.id) },
      },
      transport,
    );
  }
  const hub = await db.hub.findFirst({
    where: { AND: [hubScope(officer), { id: form.hubId, isActive: true }] },
    select: { id: true, name: true },
  });
  if (!hub) throw notFoundError("選んだ拠点");
  return createInvitedAccount(
    officer,
    {
      kind: "hub",
      email: form.email,
      data: { name: form.name, role: "HUB", hubId: hub.id },
      prefectureCode,
      affiliation: hub.name,
      summary: `${hub.name} の担当者 ${form.name}（${form.email}）のアカウントを作成`,
      after: { name: form.name, role: "HUB", hubId: hub.id, hub: hub.name },
    },
    transport,
  );
}

/**
 * Replaces a council member's zones (only zones of the prefecture's own schemes; at least one, as
 * a council member without a zone could not sign in). The viewer is re-read on every request, so
 * the new zones apply at the member's next page. Audited with the zones before and after.
 */
export async function setCouncilZones(viewer: TViewer, userId: string, input: unknown): Promise<{ changed: boolean }> {
  const officer = asOfficer(viewer);
  const account = await findManagedAccountDetail(officer, userId);
  if (account.role !== "COUNCIL") throw new AppError("CONFLICT", "圏域を設定できるのは協議の場のアカウントだけです。");
  const form = parseForm(ZCouncilZonesForm, input);
  const zones = await ownZonesOrNotFound(officer, form.zoneIds);
  const before = account.zones.map((z) => z.id).sort();
  const after = zones.map((z) => z.id).sort();
  if (before.join() === after.join()) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.userZone.deleteMany({ where: { userId: account.id } });
    await tx.userZone.createMany({ data: after.map((zoneId) => ({ userId: account.id, zoneId })) });
    await tx.auditEvent.create({
      data: auditRow(actorOf(officer), {
        action: "account.zones_change",
        entityType: "user",
        entityId: account.id,
        prefectureCode: officer.prefectureCode,
        summary: `${account.email} の圏域を変更: ${zoneLabel(account.zones) || "なし"} → ${zoneLabel(zones)}`,
        before: { zones: account.zones.map((z) => z.name), zoneIds: before },
        after: { zones: zones.map((z) => z.name), zoneIds: after },
      }),
    });
  });
  return { changed: true };
}
