// Account recovery that cannot be used to take an account over (issue 12, finding 3) and the
// self-service 「パスワードをお忘れの方」 (issue 13), with mail sent over SMTP to a real server the
// test starts and read back as it arrived.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateWithPassword } from "@/lib/auth/sign-in";
import { exportSetPasswordLinks, sendSetPasswordLinks, setPasswordWithToken } from "@/lib/services/accounts";
import { jobQueue, stopJobQueue } from "@/lib/jobs/queue";
import { requestPasswordReset, RESET_REQUEST_ANSWER, runPasswordResetJob } from "@/lib/services/password-reset";
import { buildWorld, WORLD_PASSWORD, type TWorld } from "@/tests/factories/world";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

let world: TWorld;
let smtp: TTestSmtp;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
const linkIn = (text: string) => /https?:\/\/\S+\/set-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

beforeAll(async () => {
  world = await buildWorld();
  smtp = await startTestSmtp();
  await jobQueue();
  await db.$executeRawUnsafe(`delete from pgboss.job where name = 'mail.password-reset'`);
});
afterAll(async () => {
  await stopJobQueue();
  await smtp.close();
});

type TQueuedReset = { id: string; data: { userId: string; requestedAt: string } };

/** Runs what a worker would: every waiting "mail.password-reset" job, once; returns their payloads. */
async function sendQueuedResets(transport = smtp.transport): Promise<TQueuedReset["data"][]> {
  const jobs = await db.$queryRawUnsafe<TQueuedReset[]>(
    `select id::text, data from pgboss.job where name = 'mail.password-reset' and state = 'created' order by created_on`,
  );
  for (const job of jobs) {
    await runPasswordResetJob(job.data.userId, { attempt: 0, requestedAt: new Date(job.data.requestedAt) }, transport);
    await db.$executeRawUnsafe(`delete from pgboss.job where id = $1::uuid`, job.id);
  }
  return jobs.map((job) => job.data);
}

describe("a prefecture officer cannot take over an account that has a password", () => {
  it("gets no CSV link for it (the takeover of finding 3), whichever way it is asked", async () => {
    const victim = world.users.sabaeClinic;
    const error = await errorOf(
      exportSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [victim.id] }),
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("本人のメールアドレスにしか送れません"),
    });
    expect(error?.message).toContain(victim.email);
    expect(await db.passwordToken.count({ where: { userId: victim.id } })).toBe(0);
    // Without a mail server a reset is refused with the reason, and nothing is issued.
    expect(
      await errorOf(
        sendSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [victim.id] }, null),
      ),
    ).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("メールサーバー（SMTP）が設定されていない") });
    expect(await db.passwordToken.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("can have a reset mailed to the holder only; the holder uses it, the log names both, the holder is told", async () => {
    const holder = world.users.sabaeClinic;
    expect(
      await sendSetPasswordLinks(
        world.viewers.fukuiPrefecture,
        { scope: "users", userIds: [holder.id] },
        smtp.transport,
      ),
    ).toEqual({ sent: 1, failed: [] });
    const [mail] = await smtp.waitFor(holder.email);
    expect(mail!.subject).toBe("【Renkei】パスワード再設定のご案内");
    expect(mail!.text).toContain("福井県の担当者の依頼により");
    expect(mail!.text).toContain("設定するまでは、今のパスワードでログインできます。");
    const token = linkIn(mail!.text)!;
    expect(token).toBeTruthy();
    // The old password still works until the holder acts.
    expect(await authenticateWithPassword(holder.email, WORLD_PASSWORD)).toMatchObject({ ok: true });

    await setPasswordWithToken(
      { token, password: "a new sentence for sabae", confirm: "a new sentence for sabae" },
      new Date(),
      smtp.transport,
    );
    expect(await authenticateWithPassword(holder.email, "a new sentence for sabae")).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.set_password", entityId: holder.id },
    });
    expect(event).toMatchObject({ actorId: holder.id, actorEmail: holder.email, prefectureCode: "18" });
    expect(event.after).toMatchObject({
      purpose: "RESET",
      delivery: "EMAIL",
      issuedById: world.users.fukuiPrefecture.id,
      issuedByEmail: world.users.fukuiPrefecture.email,
    });
    expect(event.summary).toContain(world.users.fukuiPrefecture.email);
    const issued = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.issue_link", entityId: holder.id },
    });
    expect(issued).toMatchObject({ actorId: world.users.fukuiPrefecture.id });
    expect(issued.after).toMatchObject({ purpose: "RESET", delivery: "EMAIL" });

    const mails = await smtp.waitFor(holder.email, 2);
    expect(mails[1]!.subject).toBe("【Renkei】アカウントのセキュリティ設定が変更されました");
    expect(mails[1]!.text).toContain("パスワードが再設定されました。");
    expect(mails[1]!.text).toContain("心当たりがない場合は");
  });

  it("an invitation handed over as CSV stops working once the account has a password", async () => {
    const hub = await db.user.create({
      data: { email: "csv-invite@example.jp", name: "招待 拠点", role: "HUB", hubId: world.hubs.fukuiHub.id },
    });
    const { file } = await exportSetPasswordLinks(world.viewers.fukuiPrefecture, { scope: "users", userIds: [hub.id] });
    const token = linkIn(new TextDecoder().decode(file.bytes))!;
    // Meanwhile the account got a password some other way (here: directly).
    await db.user.update({ where: { id: hub.id }, data: { passwordHash: "set-elsewhere" } });
    expect(
      await errorOf(setPasswordWithToken({ token, password: "take over attempt 1", confirm: "take over attempt 1" })),
    ).toMatchObject({ code: "CONFLICT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: hub.id } })).passwordHash).toBe("set-elsewhere");
  });
});

describe("「パスワードをお忘れの方」", () => {
  it("answers the same for a known and an unknown address, and mails only the holder a link that works once", async () => {
    const holder = world.users.tannanHub;
    const before = smtp.received.length;
    const known = await requestPasswordReset(
      { email: holder.email.toUpperCase() },
      "10.0.0.1",
      new Date(),
      smtp.transport,
    );
    const unknown = await requestPasswordReset({ email: "nobody@example.jp" }, "10.0.0.1", new Date(), smtp.transport);
    expect(known).toBe(RESET_REQUEST_ANSWER);
    expect(unknown).toBe(known);
    // Nothing is mailed by the request itself: one job, for the holder, carrying the account only
    // (no address, no token: the link is issued as the mail leaves).
    expect(smtp.received.length).toBe(before);
    expect(await db.passwordToken.count({ where: { userId: holder.id } })).toBe(0);
    const jobs = await sendQueuedResets();
    expect(jobs).toEqual([{ userId: holder.id, requestedAt: expect.any(String) }]);
    const [mail] = await smtp.waitFor(holder.email);
    expect(smtp.received.length).toBe(before + 1);
    expect(mail!.subject).toBe("【Renkei】パスワード再設定のご案内");
    expect(mail!.text).toContain("ログイン画面の「パスワードをお忘れの方」からの依頼により");
    const token = linkIn(mail!.text)!;

    await setPasswordWithToken(
      { token, password: "hub reset by myself", confirm: "hub reset by myself" },
      new Date(),
      smtp.transport,
    );
    expect(await authenticateWithPassword(holder.email, "hub reset by myself")).toMatchObject({ ok: true });
    expect(
      await errorOf(setPasswordWithToken({ token, password: "second use of link", confirm: "second use of link" })),
    ).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("すでに使われています") });
    const used = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.set_password", entityId: holder.id },
    });
    expect(used).toMatchObject({ actorId: holder.id });
    expect(used.after).toMatchObject({ purpose: "SELF", issuedById: null });
    const requests = await db.auditEvent.findMany({ where: { action: "account.reset_requested" } });
    expect(requests.map((r) => r.entityId).sort()).toEqual([holder.id, "nobody@example.jp"].sort());
    expect(requests.find((r) => r.entityId === holder.id)?.prefectureCode).toBe("18");
  });

  it("expires after an hour", async () => {
    const holder = world.users.tannanCouncil;
    const now = new Date();
    await requestPasswordReset({ email: holder.email }, "10.0.0.2", now, smtp.transport);
    await sendQueuedResets();
    const token = linkIn((await smtp.waitFor(holder.email))[0]!.text)!;
    expect(
      await errorOf(
        setPasswordWithToken(
          { token, password: "too late for this", confirm: "too late for this" },
          new Date(now.getTime() + 61 * 60_000),
        ),
      ),
    ).toMatchObject({ message: expect.stringContaining("有効期限が切れています") });
  });

  it("is limited per address (silently) and per client (with a Japanese message)", async () => {
    const holder = world.users.kanazawaClinic;
    const now = new Date();
    // Two requests, each sent before the next: two mails, and only the newer link works.
    for (let i = 0; i < 2; i++) {
      await requestPasswordReset({ email: holder.email }, `10.1.0.${i}`, now, smtp.transport);
      await sendQueuedResets();
    }
    const [first, second] = await smtp.waitFor(holder.email, 2);
    expect(
      await errorOf(
        setPasswordWithToken({
          token: linkIn(first!.text)!,
          password: "an older link here",
          confirm: "an older link here",
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
    expect(linkIn(second!.text)).toBeTruthy();
    // Three more while none is sent: they wait as one job (keyed by the account), one mail.
    for (let i = 2; i < 5; i++) {
      await requestPasswordReset({ email: holder.email }, `10.1.0.${i}`, now, smtp.transport);
    }
    // The sixth within 15 minutes: the same answer, nothing queued.
    expect(await requestPasswordReset({ email: holder.email }, "10.1.0.9", now, smtp.transport)).toBe(
      RESET_REQUEST_ANSWER,
    );
    expect(await sendQueuedResets()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await smtp.waitFor(holder.email, 3)).length).toBe(3);
    const summaries = (
      await db.auditEvent.findMany({ where: { action: "account.reset_requested", entityId: holder.id } })
    ).map((e) => e.summary);
    expect(summaries.filter((t) => t?.includes("依頼が続いたため送信せず"))).toHaveLength(1);
    expect(summaries).toHaveLength(6);

    for (let i = 0; i < 5; i++)
      await requestPasswordReset({ email: `x${i}@example.jp` }, "10.2.0.1", now, smtp.transport);
    expect(
      await errorOf(requestPasswordReset({ email: "x9@example.jp" }, "10.2.0.1", now, smtp.transport)),
    ).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("分後にもう一度お試しください") });
    expect(await errorOf(requestPasswordReset({ email: "not an address" }, "10.3.0.1", now))).toMatchObject({
      code: "INVALID_INPUT",
      message: "メールアドレスの形式が正しくありません。",
    });
  });

  it("a send that fails revokes its link and is retried by the queue; the last failure is audited", async () => {
    const holder = world.users.ishikawaPrefecture;
    const requestedAt = new Date();
    const dead = { sendMail: () => Promise.reject(new Error("connect ECONNREFUSED")) };
    await expect(runPasswordResetJob(holder.id, { attempt: 0, requestedAt }, dead)).rejects.toThrow("ECONNREFUSED");
    const tokens = await db.passwordToken.findMany({ where: { userId: holder.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.revokedAt).not.toBeNull();
    expect(await runPasswordResetJob(holder.id, { attempt: 4, requestedAt }, dead)).toBe("FAILED");
    expect(await db.auditEvent.count({ where: { action: "account.link_mail_failed", entityId: holder.id } })).toBe(1);
    // A request older than a link's life is not sent late; nor is one for an account deactivated since.
    const stale = new Date(Date.now() - 61 * 60_000);
    expect(await runPasswordResetJob(holder.id, { attempt: 0, requestedAt: stale }, smtp.transport)).toBe("SKIPPED");
    await db.user.update({ where: { id: holder.id }, data: { isActive: false } });
    expect(await runPasswordResetJob(holder.id, { attempt: 0, requestedAt }, smtp.transport)).toBe("SKIPPED");
    await db.user.update({ where: { id: holder.id }, data: { isActive: true } });
    expect(await db.passwordToken.count({ where: { userId: holder.id, revokedAt: null } })).toBe(0);
  });
});
