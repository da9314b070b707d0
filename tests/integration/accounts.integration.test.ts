// Respondent accounts on a real database: bulk creation from the roster's e-mails (with what is
// skipped and why), one-time set-password links that expire and work once (only their hash is
// stored), the CSV export and the e-mail path, deactivation — and that nobody else can do it.
import { beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import { authenticateWithPassword } from "@/lib/auth/sign-in";
import { planRespondentAccounts, inspectPasswordToken, listAccounts } from "@/lib/data/accounts";
import {
  createAccountsFromRoster,
  deactivateAccount,
  exportSetPasswordLinks,
  hashToken,
  reactivateAccount,
  sendSetPasswordLinks,
  setPasswordWithToken,
} from "@/lib/services/accounts";
import { readTableFile } from "@/lib/import/read";
import { ZAccountFilter } from "@/lib/prefecture/filters";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string; fieldErrors?: Record<string, string[]> },
  );

/** Reads an exported links file back (through the import layer, as Excel users would open it). */
async function linksIn(bytes: Uint8Array): Promise<Map<string, string>> {
  const read = await readTableFile({ name: "links.csv", bytes });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const [header, ...rows] = read.table.rows;
  const email = header!.cells.indexOf("メールアドレス（ログインID）");
  const url = header!.cells.indexOf("パスワード設定用URL");
  return new Map(rows.map((r) => [r.cells[email]!, r.cells[url]!]));
}
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

beforeAll(async () => {
  world = await buildWorld();
  const { sabaeClinic, echizenHospital, fukuiClinic, tsurugaClinic } = world.institutions;
  // 鯖江 already has an account; 越前 has a usable address; 福井 and 敦賀 share one; a hub has one.
  await db.institution.update({ where: { id: echizenHospital.id }, data: { contactEmail: "echizen@example.jp" } });
  await db.institution.update({ where: { id: fukuiClinic.id }, data: { contactEmail: "shared@example.jp" } });
  await db.institution.update({ where: { id: tsurugaClinic.id }, data: { contactEmail: "shared@example.jp" } });
  await db.institution.update({ where: { id: sabaeClinic.id }, data: { contactEmail: "sabae@example.jp" } });
  await db.hub.update({ where: { id: world.hubs.fukuiHub.id }, data: { contactEmail: "Fukui-Hub@Example.jp" } });
  await db.hub.update({ where: { id: world.hubs.tannanHub.id }, data: { contactEmail: null } });
  await db.institution.create({
    data: {
      code: "1819990019",
      name: "メール使用中クリニック",
      kind: "CLINIC",
      prefectureCode: "18",
      municipalityCode: "182079",
      contactEmail: world.users.fukuiPrefecture.email,
    },
  });
});

describe("bulk creation from the roster", () => {
  it("plans: who gets an account, and who does not and why", async () => {
    const plan = await planRespondentAccounts(world.viewers.fukuiPrefecture);
    expect(plan.toCreate.map((c) => c.email).sort()).toEqual(["echizen@example.jp", "fukui-hub@example.jp"]);
    expect(plan.alreadyHave).toBe(2); // 鯖江クリニック and 丹南拠点 have accounts in the world
    expect(plan.duplicateEmails).toEqual([
      {
        email: "shared@example.jp",
        names: expect.arrayContaining([world.institutions.fukuiClinic.name, world.institutions.tsurugaClinic.name]),
      },
    ]);
    expect(plan.emailTaken).toEqual([{ email: world.users.fukuiPrefecture.email, name: "メール使用中クリニック" }]);
    expect(plan.missingEmail).toEqual([]);
  });

  it("creates them in one transaction, audited, and a second run creates nothing", async () => {
    const result = await createAccountsFromRoster(world.viewers.fukuiPrefecture);
    expect(result.created).toBe(2);
    const users = await db.user.findMany({ where: { id: { in: result.userIds } }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role, u.passwordHash, u.isActive])).toEqual([
      ["echizen@example.jp", "INSTITUTION", null, true],
      ["fukui-hub@example.jp", "HUB", null, true],
    ]);
    expect(await db.auditEvent.count({ where: { action: "account.create", entityId: { in: result.userIds } } })).toBe(
      2,
    );
    expect(await db.auditEvent.count({ where: { action: "accounts.bulk_create", prefectureCode: "18" } })).toBe(1);
    expect((await createAccountsFromRoster(world.viewers.fukuiPrefecture)).created).toBe(0);
  });
});

describe("one-time set-password links", () => {
  let url: string;

  it("exports links as CSV (UTF-8 with BOM, or Shift_JIS), storing only the token's hash", async () => {
    const { file, count, name } = await exportSetPasswordLinks(
      world.viewers.fukuiPrefecture,
      { scope: "pending" },
      "csv",
    );
    expect(count).toBe(2);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const links = await linksIn(file.bytes);
    url = links.get("echizen@example.jp")!;
    expect(url).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(url);
    expect(await db.passwordToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.passwordToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);
    const audit = await db.auditEvent.findMany({ where: { action: "account.issue_link" } });
    expect(JSON.stringify(audit.map((a) => [a.summary, a.before, a.after]))).not.toContain(token);

    const sjis = await exportSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "pending" }, "csv-sjis");
    // The two encodings under two names, with the prefecture and the day (lib/export/file-name.ts).
    const day = toDateInputJst(new Date());
    expect(name).toEqual({
      fileName: `パスワード設定用リンク_福井県_${day}_UTF-8.csv`,
      asciiFileName: `set-password-links_pref18_${day}_UTF-8.csv`,
    });
    expect(sjis.name.fileName).toBe(`パスワード設定用リンク_福井県_${day}_Shift_JIS.csv`);
    const reread = await readTableFile({ name: "links.csv", bytes: sjis.file.bytes });
    expect(reread.ok && reread.table.encoding).toBe("shift_jis");
    // Issuing again revoked the first links.
    expect(await inspectPasswordToken(hashToken(token))).toEqual({ ok: false, reason: "unknown" });
    url = (await linksIn(sjis.file.bytes)).get("echizen@example.jp")!;
  });

  it("checks the password rules, then sets it once, ends old sessions and audits", async () => {
    const token = tokenOf(url);
    const user = await db.user.findUniqueOrThrow({ where: { email: "echizen@example.jp" } });
    expect(await errorOf(setPasswordWithToken({ token, password: "short", confirm: "short" }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { password: ["パスワードは10文字以上で入力してください。"] },
    });
    expect(
      await errorOf(setPasswordWithToken({ token, password: "echizen@example.jp", confirm: "echizen@example.jp" })),
    ).toMatchObject({
      fieldErrors: { password: ["メールアドレスと同じパスワードは使用できません。"] },
    });
    expect(
      await errorOf(
        setPasswordWithToken({ token, password: "correct horse battery", confirm: "correct horse batterY" }),
      ),
    ).toMatchObject({
      fieldErrors: { confirm: ["確認用のパスワードが一致しません。"] },
    });
    await setPasswordWithToken({ token, password: "correct horse battery", confirm: "correct horse battery" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await authenticateWithPassword("echizen@example.jp", "correct horse battery")).toMatchObject({ ok: true });
    expect(
      await db.auditEvent.findFirst({ where: { action: "account.set_password", entityId: user.id } }),
    ).toMatchObject({ actorEmail: "echizen@example.jp", prefectureCode: "18" });

    // Works once.
    expect(
      await errorOf(
        setPasswordWithToken({ token, password: "another long password", confirm: "another long password" }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("すでに使われています"),
    });
    expect(await authenticateWithPassword("echizen@example.jp", "another long password")).toMatchObject({ ok: false });
  });

  it("expires", async () => {
    const hub = await db.user.findUniqueOrThrow({ where: { email: "fukui-hub@example.jp" } });
    const { file } = await exportSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [hub.id] });
    const token = tokenOf((await linksIn(file.bytes)).get("fukui-hub@example.jp")!);
    const eightDaysLater = new Date(Date.now() + 8 * 86_400_000);
    expect(await inspectPasswordToken(hashToken(token), eightDaysLater)).toEqual({ ok: false, reason: "expired" });
    expect(
      await errorOf(
        setPasswordWithToken(
          { token, password: "a long enough password", confirm: "a long enough password" },
          eightDaysLater,
        ),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("有効期限が切れています"),
    });
    expect(await inspectPasswordToken(hashToken(token))).toMatchObject({ ok: true, email: "fukui-hub@example.jp" });
  });

  it("refuses unknown tokens without saying which accounts exist", async () => {
    expect(
      await errorOf(
        setPasswordWithToken({
          token: "x".repeat(43),
          password: "a long enough password",
          confirm: "a long enough password",
        }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("このリンクは無効です"),
    });
  });

  it("sends links by e-mail when SMTP is configured (Japanese text), and refuses without a server", async () => {
    const hub = await db.user.findUniqueOrThrow({ where: { email: "fukui-hub@example.jp" } });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: { to: string; subject: string; text: string }[] = [];
    const recording = {
      sendMail: async (message: nodemailer.SendMailOptions) => {
        const info = await transport.sendMail(message);
        sent.push(JSON.parse(String((info as { message: string }).message)));
        return info;
      },
    };
    expect(
      await sendSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [hub.id] }, recording),
    ).toEqual({ sent: 1, failed: [] });
    expect(sent[0]!.subject).toBe("【Renkei】在宅医療連携拠点 自己評価のパスワード設定のお願い（福井県）");
    expect(sent[0]!.text).toContain("パスワードを設定してください");
    const token = tokenOf(/https?:\/\/\S+/.exec(sent[0]!.text)![0]);
    expect(await inspectPasswordToken(hashToken(token))).toMatchObject({ ok: true });
    expect((await db.passwordToken.findFirstOrThrow({ where: { tokenHash: hashToken(token) } })).delivery).toBe(
      "EMAIL",
    );

    const failing = { sendMail: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    const failed = await sendSetPasswordLinks(
      world.viewers.fukuiPrefecture,
      { scope: "users", userIds: [hub.id] },
      failing,
    );
    expect(failed).toEqual({
      sent: 0,
      failed: [{ email: "fukui-hub@example.jp", message: "550 mailbox unavailable" }],
    });
    expect(await db.passwordToken.count({ where: { userId: hub.id, usedAt: null, revokedAt: null } })).toBe(0);

    expect(
      await errorOf(sendSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "pending" }, null)),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("SMTP"),
    });
  });
});

describe("deactivation", () => {
  it("ends the account's sessions at once, revokes its links, and can be undone", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "echizen@example.jp" } });
    await deactivateAccount(world.viewers.fukuiPrefecture, user.id);
    const off = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(off).toMatchObject({ isActive: false, sessionVersion: user.sessionVersion + 1 });
    expect(await loadViewer(user.id, user.sessionVersion)).toBeNull();
    expect(await authenticateWithPassword("echizen@example.jp", "correct horse battery")).toMatchObject({ ok: false });
    expect(
      await errorOf(exportSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [user.id] })),
    ).toMatchObject({ code: "NOT_FOUND" });

    await reactivateAccount(world.viewers.fukuiPrefecture, user.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      isActive: true,
      sessionVersion: user.sessionVersion + 2,
    });
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["account.deactivate", "account.reactivate"]));
  });

  it("lists and filters the prefecture's managed accounts only", async () => {
    const pending = await listAccounts(world.viewers.fukuiPrefecture, ZAccountFilter.parse({ state: "pending" }));
    expect(pending.rows.map((r) => r.email)).toEqual(["fukui-hub@example.jp"]);
    const all = await listAccounts(world.viewers.fukuiPrefecture, ZAccountFilter.parse({}));
    expect(all.rows.every((r) => r.role !== "PREFECTURE" && r.role !== "ADMIN")).toBe(true);
    expect(all.rows.map((r) => r.email)).not.toContain(world.users.kanazawaClinic.email);
  });
});

describe("scope: nobody else manages 福井's accounts", () => {
  it.each(["ishikawaPrefecture", "tannanCouncil", "sabaeClinic", "tannanHub", "admin"] as const)("%s", async (key) => {
    const viewer = world.viewers[key];
    const target = await db.user.findUniqueOrThrow({ where: { email: "echizen@example.jp" } });
    const before = await db.user.count();
    if (key === "ishikawaPrefecture") {
      expect((await createAccountsFromRoster(viewer)).toCreate.every((c) => !c.email.includes("echizen"))).toBe(true);
      expect(await errorOf(deactivateAccount(viewer, target.id))).toMatchObject({ code: "NOT_FOUND" });
      expect(await errorOf(exportSetPasswordLinks(viewer, { scope: "users", userIds: [target.id] }))).toMatchObject({
        code: "NOT_FOUND",
      });
    } else {
      expect(await errorOf(createAccountsFromRoster(viewer))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(deactivateAccount(viewer, target.id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(exportSetPasswordLinks(viewer, { scope: "pending" }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(sendSetPasswordLinks(viewer, { scope: "pending" }, null))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await db.user.count()).toBe(before);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
  });
});
