// Accounts for every role (issue 13, part 2; docs/decisions/0022): the national administrator
// creates, deactivates and re-invites prefecture officers; the prefecture creates council members
// with their zones and hub accounts. On a real database, with invitations sent over SMTP to a
// real server the test starts and read back as they arrived; sign-in and sessions checked through
// the same functions the app uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode, type JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/env";
import { authenticateWithPassword } from "@/lib/auth/sign-in";
import { loadViewer, viewerFromSessionToken } from "@/lib/auth/viewer";
import { deactivateAccount, reactivateAccount, setPasswordWithToken } from "@/lib/services/accounts";
import {
  createOfficer,
  deactivateOfficer,
  reactivateOfficer,
  resendOfficerInvitation,
} from "@/lib/services/officer-accounts";
import { createRespondentAccount, setCouncilZones } from "@/lib/services/council-hub-accounts";
import { listOfficerAccounts } from "@/lib/data/officers";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

let world: TWorld;
let smtp: TTestSmtp;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );
const linkIn = (text: string) => /https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
const tag = () => Math.random().toString(36).slice(2, 8);
const PASSWORD = "a long sentence for the officer";

/** A session cookie as next-auth would issue it after a full sign-in (second factor passed). */
async function sessionCookie(userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const jwt: JWT = {
    sub: user.id,
    email: user.email,
    role: user.role.toLowerCase() as JWT["role"],
    sessionVersion: user.sessionVersion,
    signedInAt: Math.floor(Date.now() / 1000),
    mfa: "totp",
    mfaPending: null,
  };
  return encode({ token: jwt, secret: getAuthSecret() });
}

/** Creates an officer through the service, reads the invitation mail and sets the password. */
async function invitedOfficer(prefectureCode = "18") {
  const email = `officer-${tag()}@pref.example.jp`;
  const created = await createOfficer(
    world.viewers.admin,
    { name: "福井 花子", email, prefectureCode },
    smtp.transport,
  );
  const [mail] = await smtp.waitFor(email);
  await setPasswordWithToken({ token: linkIn(mail!.text), password: PASSWORD, confirm: PASSWORD }, new Date(), null);
  return { ...created, email };
}

beforeAll(async () => {
  world = await buildWorld();
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

describe("the national administrator and prefecture officers", () => {
  it("creates an officer, who gets an invitation mail, sets a password from it and must enrol a second factor", async () => {
    const email = `Officer-${tag()}@Pref.Example.jp`;
    const created = await createOfficer(
      world.viewers.admin,
      { name: "  福井 太郎 ", email, prefectureCode: "18" },
      smtp.transport,
    );
    expect(created.invitation).toMatchObject({ delivery: "EMAIL", sent: true });
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user).toMatchObject({
      email: email.toLowerCase(),
      name: "福井 太郎",
      role: "PREFECTURE",
      prefectureCode: "18",
      isActive: true,
      passwordHash: null,
    });

    const [mail] = await smtp.waitFor(email.toLowerCase());
    expect(mail!.subject).toBe("【Renkei】都道府県担当者アカウントのご案内（福井県）");
    expect(mail!.text).toContain("福井県 担当 福井 太郎 様");
    expect(mail!.text).toContain("Renkei（連携）の全国管理者から");
    expect(mail!.text).toContain("初めてログインするときに、スマートフォンの認証アプリを設定");
    expect(mail!.text).toContain(`ログインID（メールアドレス）: ${email.toLowerCase()}`);
    const token = linkIn(mail!.text)!;
    expect(token).toBeTruthy();
    // Only the hash is stored: the token itself is nowhere in the database.
    const stored = await db.passwordToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ purpose: "INVITE", delivery: "EMAIL", createdById: world.users.admin.id });
    expect(stored.tokenHash).not.toContain(token);

    await setPasswordWithToken({ token, password: PASSWORD, confirm: PASSWORD }, new Date(), null);
    const signIn = await authenticateWithPassword(email, PASSWORD);
    expect(signIn).toMatchObject({ ok: true, user: { role: "prefecture", secondFactor: "enrol" } });

    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["account.create", "account.issue_link", "account.set_password", "auth.login"]),
    );
    const create = events.find((e) => e.action === "account.create")!;
    expect(create).toMatchObject({ actorId: world.users.admin.id, prefectureCode: "18" });
    expect(create.after).toMatchObject({ email: email.toLowerCase(), role: "PREFECTURE", prefectureCode: "18" });
    expect(create.summary).toContain("福井県の担当者 福井 太郎");
  });

  it("answers a duplicate e-mail (any case) with a field message, and nothing is written", async () => {
    const before = await db.user.count();
    const error = await errorOf(
      createOfficer(
        world.viewers.admin,
        { name: "重複", email: world.users.sabaeClinic.email.toUpperCase(), prefectureCode: "18" },
        smtp.transport,
      ),
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: [expect.stringContaining("すでに別のアカウントで使われています")] },
    });
    expect(await db.user.count()).toBe(before);
  });

  it("answers bad input with Japanese field messages (never a 500)", async () => {
    const error = await errorOf(
      createOfficer(world.viewers.admin, { name: "", email: "not-an-address", prefectureCode: "99" }, smtp.transport),
    );
    expect(error?.code).toBe("INVALID_INPUT");
    expect(error?.fieldErrors).toEqual({
      name: ["氏名を入力してください。"],
      email: ["メールアドレスの形式が正しくありません（例: tanto@example.jp）。"],
      prefectureCode: ["都道府県を選んでください。"],
    });
    expect(await errorOf(createOfficer(world.viewers.admin, "nonsense", smtp.transport))).toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("deactivation refuses sign-in and ends the sessions at once; reactivation lets the officer back in", async () => {
    const officer = await invitedOfficer("17");
    const cookie = await sessionCookie(officer.userId);
    expect(await viewerFromSessionToken(cookie)).toMatchObject({ userId: officer.userId, role: "prefecture" });

    const result = await deactivateOfficer(world.viewers.admin, officer.userId);
    // 石川県 still has the world's officer: this one was not the last.
    expect(result).toEqual({ lastActive: false });
    expect(await viewerFromSessionToken(cookie)).toBeNull();
    expect(await authenticateWithPassword(officer.email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.deactivate", entityId: officer.userId },
    });
    expect(event).toMatchObject({ actorId: world.users.admin.id, prefectureCode: "17" });
    expect(event.before).toEqual({ isActive: true });
    expect(event.after).toEqual({ isActive: false });

    await reactivateOfficer(world.viewers.admin, officer.userId);
    // The old session stays ended; a new sign-in works.
    expect(await viewerFromSessionToken(cookie)).toBeNull();
    expect(await authenticateWithPassword(officer.email, PASSWORD)).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "account.reactivate", entityId: officer.userId } })).toBe(1);
  });

  it("lets the last active officer of a prefecture be deactivated, and says so (list, answer, audit)", async () => {
    const created = await createOfficer(
      world.viewers.admin,
      { name: "最後の担当", email: `last-${tag()}@pref.example.jp`, prefectureCode: "47" },
      smtp.transport,
    );
    const [row] = await listOfficerAccounts(world.viewers.admin, { prefectureCode: "47" });
    expect(row).toMatchObject({ id: created.userId, lastActiveOfPrefecture: true, prefectureName: "沖縄県" });
    expect(await deactivateOfficer(world.viewers.admin, created.userId)).toEqual({ lastActive: true });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.deactivate", entityId: created.userId },
    });
    expect(event.summary).toContain("沖縄県で有効な担当者はいなくなりました");
    // A deactivated account's unused invitation no longer works.
    expect(await db.passwordToken.count({ where: { userId: created.userId, revokedAt: null } })).toBe(0);
  });

  it("re-sends an invitation: the earlier link stops working; refused once a password is set", async () => {
    const email = `resend-${tag()}@pref.example.jp`;
    const created = await createOfficer(
      world.viewers.admin,
      { name: "再送", email, prefectureCode: "18" },
      smtp.transport,
    );
    const again = await resendOfficerInvitation(world.viewers.admin, created.userId, smtp.transport);
    expect(again).toMatchObject({ delivery: "EMAIL", sent: true });
    const mails = await smtp.waitFor(email, 2);
    const [first, second] = mails.map((m) => linkIn(m.text)!);
    expect(
      await errorOf(setPasswordWithToken({ token: first, password: PASSWORD, confirm: PASSWORD }, new Date(), null)),
    ).toMatchObject({ code: "CONFLICT" });
    await setPasswordWithToken({ token: second, password: PASSWORD, confirm: PASSWORD }, new Date(), null);
    expect(await errorOf(resendOfficerInvitation(world.viewers.admin, created.userId, smtp.transport))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("パスワードを設定済み"),
    });
  });

  it("without a mail server shows the link once (delivery SCREEN, audited); it works like a mailed one", async () => {
    const email = `screen-${tag()}@pref.example.jp`;
    const created = await createOfficer(world.viewers.admin, { name: "画面", email, prefectureCode: "18" }, null);
    expect(created.invitation).toMatchObject({
      delivery: "SCREEN",
      url: expect.stringContaining("/set-password?token="),
    });
    const url = (created.invitation as { url: string }).url;
    await setPasswordWithToken(
      { token: new URL(url).searchParams.get("token"), password: PASSWORD, confirm: PASSWORD },
      new Date(),
      null,
    );
    const set = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.set_password", entityId: created.userId },
    });
    expect(set.summary).toContain("画面表示");
  });

  it("a refused mail leaves the account, revokes the link and says to send again", async () => {
    const refusing = { sendMail: () => Promise.reject(new Error("550 mailbox unavailable")) };
    const email = `refused-${tag()}@pref.example.jp`;
    const created = await createOfficer(world.viewers.admin, { name: "不達", email, prefectureCode: "18" }, refusing);
    expect(created.invitation).toMatchObject({
      delivery: "EMAIL",
      sent: false,
      message: expect.stringContaining("招待を再送"),
    });
    expect(await db.user.count({ where: { id: created.userId } })).toBe(1);
    expect(await db.passwordToken.count({ where: { userId: created.userId, revokedAt: null } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "account.link_mail_failed", entityId: created.userId } })).toBe(
      1,
    );
  });

  it("is the administrator's alone; a non-officer account is not found", async () => {
    for (const viewer of [world.viewers.fukuiPrefecture, world.viewers.tannanCouncil, world.viewers.sabaeClinic]) {
      expect(
        await errorOf(createOfficer(viewer, { name: "x", email: `x-${tag()}@example.jp`, prefectureCode: "18" }, null)),
      ).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(deactivateOfficer(viewer, world.users.fukuiPrefecture.id))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await errorOf(deactivateOfficer(world.viewers.admin, world.users.sabaeClinic.id))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: world.users.sabaeClinic.id } })).isActive).toBe(true);
  });
});

describe("the prefecture and its council and hub accounts", () => {
  it("creates a council member for its zones, who reads exactly those zones", async () => {
    const email = `council-${tag()}@example.jp`;
    const { tannan, reinan } = world.zones;
    const created = await createRespondentAccount(
      world.viewers.fukuiPrefecture,
      { kind: "council", name: "協議 委員", email, zoneIds: [tannan.id, reinan.id] },
      smtp.transport,
    );
    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toBe("【Renkei】協議の場のアカウントのご案内（福井県）");
    expect(mail!.text).toContain("担当する圏域のダッシュボード");
    await setPasswordWithToken({ token: linkIn(mail!.text), password: PASSWORD, confirm: PASSWORD }, new Date(), null);
    const viewer = await loadViewer(created.userId);
    expect(viewer).toMatchObject({ role: "council", prefectureCode: "18" });
    expect([...(viewer as { zoneIds: string[] }).zoneIds].sort()).toEqual([tannan.id, reinan.id].sort());
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.create", entityId: created.userId },
    });
    expect(event.after).toMatchObject({ role: "COUNCIL", zoneIds: [tannan.id, reinan.id] });

    // Deactivated by the prefecture: the session ends at once and sign-in is refused.
    const cookie = await sessionCookie(created.userId);
    expect(await viewerFromSessionToken(cookie)).toMatchObject({ role: "council" });
    await deactivateAccount(world.viewers.fukuiPrefecture, created.userId);
    expect(await viewerFromSessionToken(cookie)).toBeNull();
    expect(await authenticateWithPassword(email, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    // Another prefecture's officer cannot bring it back.
    expect(await errorOf(reactivateAccount(world.viewers.ishikawaPrefecture, created.userId))).toMatchObject({
      code: "NOT_FOUND",
    });
    await reactivateAccount(world.viewers.fukuiPrefecture, created.userId);
    expect(await authenticateWithPassword(email, PASSWORD)).toMatchObject({ ok: true });
  });

  it("changes a council member's zones within its prefecture only, audited before → after", async () => {
    const council = world.users.tannanCouncil;
    const { tannan, fukuiSakai, kanazawa } = world.zones;
    // A zone of 石川県 is not found, and nothing changes.
    expect(
      await errorOf(setCouncilZones(world.viewers.fukuiPrefecture, council.id, { zoneIds: [tannan.id, kanazawa.id] })),
    ).toMatchObject({ code: "NOT_FOUND", message: "選んだ圏域が見つかりません。" });
    expect(await errorOf(setCouncilZones(world.viewers.fukuiPrefecture, council.id, { zoneIds: [] }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { zoneIds: ["圏域を1つ以上選んでください。"] },
    });
    expect(await db.userZone.findMany({ where: { userId: council.id }, select: { zoneId: true } })).toEqual([
      { zoneId: tannan.id },
    ]);

    expect(await setCouncilZones(world.viewers.fukuiPrefecture, council.id, { zoneIds: [fukuiSakai.id] })).toEqual({
      changed: true,
    });
    expect((await loadViewer(council.id)) as { zoneIds: string[] }).toMatchObject({ zoneIds: [fukuiSakai.id] });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.zones_change", entityId: council.id },
    });
    expect(event.before).toEqual({ zones: [tannan.name], zoneIds: [tannan.id] });
    expect(event.after).toEqual({ zones: [fukuiSakai.name], zoneIds: [fukuiSakai.id] });
    expect(await setCouncilZones(world.viewers.fukuiPrefecture, council.id, { zoneIds: [fukuiSakai.id] })).toEqual({
      changed: false,
    });
    await setCouncilZones(world.viewers.fukuiPrefecture, council.id, { zoneIds: [tannan.id] });
  });

  it("refuses another prefecture: its officer cannot see, change, create into or deactivate these", async () => {
    const ishikawa = world.viewers.ishikawaPrefecture;
    const council = world.users.tannanCouncil;
    expect(await errorOf(setCouncilZones(ishikawa, council.id, { zoneIds: [world.zones.kanazawa.id] }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await errorOf(
        createRespondentAccount(
          ishikawa,
          { kind: "council", name: "越境", email: `cross-${tag()}@example.jp`, zoneIds: [world.zones.tannan.id] },
          null,
        ),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await errorOf(
        createRespondentAccount(
          ishikawa,
          { kind: "hub", name: "越境", email: `cross-${tag()}@example.jp`, hubId: world.hubs.tannanHub.id },
          null,
        ),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.user.count({ where: { email: { startsWith: "cross-" } } })).toBe(0);
    // A council member or the administrator cannot use the prefecture's forms either.
    for (const viewer of [world.viewers.tannanCouncil, world.viewers.admin]) {
      expect(await errorOf(setCouncilZones(viewer, council.id, { zoneIds: [world.zones.tannan.id] }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("creates a hub account for its own hub; the hub signs in as that hub", async () => {
    const email = `hub-${tag()}@example.jp`;
    const created = await createRespondentAccount(
      world.viewers.fukuiPrefecture,
      { kind: "hub", name: "拠点 担当", email, hubId: world.hubs.fukuiHub.id },
      smtp.transport,
    );
    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toBe("【Renkei】在宅医療連携拠点 自己評価のパスワード設定のお願い（福井県）");
    expect(mail!.text).toContain(`${world.hubs.fukuiHub.name}`);
    expect(await loadViewer(created.userId)).toMatchObject({ role: "hub", hubId: world.hubs.fukuiHub.id });
    // Duplicate (any case) → field message; a council account is not a hub's.
    expect(
      await errorOf(
        createRespondentAccount(
          world.viewers.fukuiPrefecture,
          { kind: "hub", name: "重複", email: email.toUpperCase(), hubId: world.hubs.fukuiHub.id },
          null,
        ),
      ),
    ).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.any(String)] } });
    expect(
      await errorOf(
        setCouncilZones(world.viewers.fukuiPrefecture, created.userId, { zoneIds: [world.zones.tannan.id] }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
  });
});
