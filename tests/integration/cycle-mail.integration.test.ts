// Mail that runs the cycle (docs/decisions/0021-cycle-mail.md), on the real database with a real
// SMTP server started here: the announcement (and the invitation with a working set-password link),
// reminders re-checked at send time (a clinic that submits in between gets none, but its receipt),
// an on-demand reminder for one zone, the scheduled rounds sent once (and a submission between a
// round's scheduling and its sending skipped), the notices of 差戻し, 確認 and a reopening, failures
// retried and logged, a restart in the middle of a bulk send that sends no mail twice and loses none,
// and the notice of a 照会 (issue 16), skipped when the officer closed the query before it left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";

import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { jobQueue } from "@/lib/jobs/queue";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/workers";
import { previewBulkMail, queueBulkMail, resendMail } from "@/lib/services/cycle-mail";
import { dispatchQueuedMail, reminderSendAt, runReminderSchedule } from "@/lib/services/mail-dispatch";
import { runMailJob } from "@/lib/services/mail-delivery";
import { saveMailSettings, saveReminderSchedule } from "@/lib/services/mail-settings";
import { confirmSubmission, returnSubmission } from "@/lib/services/review";
import { reopenRespondent } from "@/lib/services/cycles";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { askItemQuery, closeItemQuery } from "@/lib/services/item-queries";
import { saveDraft, submitReport } from "@/lib/services/respondent-reports";
import { hashToken, setPasswordWithToken } from "@/lib/services/accounts";
import { listMailBatches, listMailLog } from "@/lib/data/cycle-mail";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";
import { startTestSmtp, type TTestSmtp } from "@/tests/support/smtp";

const complete = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };

let world: TWorld;
let smtp: TTestSmtp;
let officer: TViewer;
let echizen: TViewer;
let tsuruga: TViewer;
const cycleId = () => world.cycles.fukuiClinicCycle.id;

async function user(email: string, institutionId: string, withPassword: boolean) {
  const created = await db.user.create({
    data: {
      email,
      name: `担当 ${email.split("@")[0]}`,
      role: "INSTITUTION",
      institutionId,
      passwordHash: withPassword ? "x" : null,
    },
  });
  return (await loadViewer(created.id))!;
}

async function statuses(batchId?: string) {
  const rows = await db.mailMessage.findMany({
    where: { cycleId: cycleId(), ...(batchId ? { batchId } : {}) },
    select: { recipient: true, kind: true, status: true, error: true, attempts: true },
    orderBy: { createdAt: "asc" },
  });
  return rows;
}

/** Runs what the workers would: the dispatcher, then every queued message's send job. */
async function sendAllQueued(transport = smtp.transport) {
  await dispatchQueuedMail();
  const rows = await db.mailMessage.findMany({ where: { status: "QUEUED" }, select: { id: true } });
  for (const row of rows) await runMailJob(row.id, { attempt: 0 }, transport);
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  smtp = await startTestSmtp({
    refuse: (address) =>
      address.startsWith("unknown")
        ? Object.assign(new Error("5.1.1 そのような宛先はありません"), { responseCode: 550 })
        : null,
  });
  // The app's SMTP settings, as an operator would set them (README: メールの設定).
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(smtp.port);
  process.env.SMTP_FROM = "renkei@pref.example.jp";
  reloadEnv();
  world = await buildWorld();
  officer = world.viewers.fukuiPrefecture;
  // 越前病院 (下書き) has an account with a password, 敦賀 (未着手) one without; 福井 (提出済) none.
  echizen = await user("echizen-mail@example.jp", world.institutions.echizenHospital.id, true);
  tsuruga = await user("tsuruga-mail@example.jp", world.institutions.tsurugaClinic.id, false);
  await jobQueue();
  await db.$executeRawUnsafe(`delete from pgboss.job`);
});

afterAll(async () => {
  await stopJobWorkers();
  await smtp?.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  delete process.env.SMTP_FROM;
  reloadEnv();
});

describe("cycle mail", () => {
  it("the announcement: previewed, then sent by the queue's workers in Japanese with the prefecture's signature; an account without a password gets a working set-password link", async () => {
    await saveMailSettings(officer, {
      senderName: "福井県 健康福祉部 地域医療課",
      contact: "電話 0776-20-0000（平日 9時〜17時）",
      signature: "よろしくお願いいたします。",
    });
    const preview = await previewBulkMail(officer, cycleId(), { kind: "ANNOUNCEMENT" });
    // 鯖江 (world user) and 越前: 案内; 敦賀: パスワード設定付き; 福井 has no account.
    expect(preview.mailConfigured).toBe(true);
    expect(preview.messages).toBe(3);
    expect(Object.fromEntries(preview.byKind.map((k) => [k.kind, k.count]))).toEqual({
      ANNOUNCEMENT: 2,
      INVITATION: 1,
    });
    expect(preview.withoutAccount).toBe(1);
    expect(preview.withoutAccountSample[0]!.name).toContain("福井クリニック");
    // The sample is the first message (敦賀 comes first by municipality), as it will read.
    expect(preview.sample!.to).toBe("tsuruga-mail@example.jp");
    expect(preview.sample!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告のご案内（パスワード設定のお願い）");
    expect(preview.sample!.text).toContain("福井県 健康福祉部 地域医療課");

    const queued = await queueBulkMail(officer, cycleId(), { kind: "ANNOUNCEMENT" });
    expect(queued).toMatchObject({ queued: 3, withoutAccount: 1 });
    await startJobWorkers();
    const done = await waitFor(
      () => statuses(queued!.batchId),
      (rows) => rows.every((r) => r.status === "SENT"),
    );
    expect(done.map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    await stopJobWorkers();

    const [announcement] = await smtp.waitFor("echizen-mail@example.jp");
    expect(announcement!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告のご案内");
    expect(announcement!.text).toContain("越前病院");
    expect(announcement!.text).toContain("担当 echizen-mail 様");
    expect(announcement!.text).toContain("福井県 健康福祉部 地域医療課\n電話 0776-20-0000（平日 9時〜17時）");
    expect(announcement!.html).toContain("<a href=");
    expect(announcement!.from).toBe("renkei@pref.example.jp");

    const [invitation] = await smtp.waitFor("tsuruga-mail@example.jp");
    expect(invitation!.subject).toContain("パスワード設定のお願い");
    const token = /set-password\?token=([A-Za-z0-9_-]+)/.exec(invitation!.text)?.[1];
    expect(token).toBeTruthy();
    expect(
      await db.passwordToken.count({ where: { tokenHash: hashToken(token!), purpose: "INVITE", revokedAt: null } }),
    ).toBe(1);
    await setPasswordWithToken(
      { token, password: "long-enough-password-42", confirm: "long-enough-password-42" },
      new Date(),
      null,
    );
    expect((await db.user.findUnique({ where: { email: "tsuruga-mail@example.jp" } }))!.passwordHash).not.toBeNull();

    const batches = await listMailBatches(officer, cycleId());
    expect(batches[0]).toMatchObject({ total: 3, done: 3, counts: { SENT: 3 } });
  });

  it("an on-demand reminder for a zone goes only to that zone's respondents not yet submitted", async () => {
    const reinan = { kind: "REMINDER" as const, zone: world.zones.reinan.id };
    // 嶺南: 敦賀 (未着手). 丹南: 越前 (下書き) only, its 鯖江 has submitted.
    const preview = await previewBulkMail(officer, cycleId(), reinan);
    expect(preview.messages).toBe(1);
    expect(preview.sample!.to).toBe("tsuruga-mail@example.jp");
    const tannan = await previewBulkMail(officer, cycleId(), { kind: "REMINDER", zone: world.zones.tannan.id });
    expect(tannan.messages).toBe(1);
    expect(tannan.sample!.to).toBe("echizen-mail@example.jp");

    const before = smtp.received.length;
    const queued = await queueBulkMail(officer, cycleId(), reinan);
    expect(queued!.queued).toBe(1);
    expect((await db.mailBatch.findUniqueOrThrow({ where: { id: queued!.batchId } })).filter).toMatchObject({
      zone: world.zones.reinan.id,
    });
    await sendAllQueued();
    const arrived = smtp.received.slice(before);
    expect(arrived.map((m) => [m.to[0], m.subject])).toEqual([
      ["tsuruga-mail@example.jp", "【福井県】令和7年度 かかりつけ医機能報告の提出期限が近づいています"],
    ]);
    expect(arrived[0]!.text).toContain("敦賀クリニック");
  });

  it("reminders are re-checked at send time: a clinic that submits after queueing gets its receipt, not a reminder", async () => {
    const before = smtp.received.length;
    const queued = await queueBulkMail(officer, cycleId(), { kind: "REMINDER" });
    // 越前 (下書き) and 敦賀 (未着手); 鯖江 and 福井 have submitted.
    expect(queued!.queued).toBe(2);

    const [draft] = await db.submission.findMany({
      where: { cycleId: cycleId(), institutionId: world.institutions.echizenHospital.id },
    });
    const saved = await saveDraft(echizen, cycleId(), { draftVersion: draft!.draftVersion, answers: complete });
    await submitReport(echizen, cycleId(), { draftVersion: saved.draftVersion, answers: complete });
    await sendAllQueued();

    const rows = await statuses(queued!.batchId);
    expect(rows.map((r) => [r.recipient, r.status])).toEqual(
      expect.arrayContaining([
        ["echizen-mail@example.jp", "SKIPPED"],
        ["tsuruga-mail@example.jp", "SENT"],
      ]),
    );
    expect(rows.find((r) => r.status === "SKIPPED")!.error).toBe("送信前に提出済になったため送信しませんでした。");
    const arrived = smtp.received.slice(before);
    expect(arrived.map((m) => [m.to[0], m.subject])).toEqual(
      expect.arrayContaining([
        ["tsuruga-mail@example.jp", "【福井県】令和7年度 かかりつけ医機能報告の提出期限が近づいています"],
        ["echizen-mail@example.jp", "【福井県】令和7年度 かかりつけ医機能報告の報告を受け付けました"],
      ]),
    );
    expect(arrived.filter((m) => m.subject.includes("提出期限が近づいています")).map((m) => m.to[0])).toEqual([
      "tsuruga-mail@example.jp",
    ]);
    const receipt = arrived.find((m) => m.to[0] === "echizen-mail@example.jp")!;
    expect(receipt.text).toContain("（初回提出）を受け付けました");
    expect(receipt.text).toContain("版: 第1版");
  });

  it("a reminder schedule sends the latest due round once, however often it runs", async () => {
    const cycle = world.cycles.fukuiClinicCycle;
    // The deadline is 30 days away: rounds 60, 45 and 31 days before are due, 14 is not.
    await saveReminderSchedule(officer, cycle.id, { days: "60, 45, 31, 14" });
    expect(reminderSendAt(cycle.closesAt, 31).getTime()).toBeLessThan(Date.now());
    expect(await runReminderSchedule()).toBe(1);
    expect(await runReminderSchedule()).toBe(0);
    const rounds = await db.mailBatch.findMany({
      where: { cycleId: cycle.id, scheduleKey: { not: null } },
      select: { scheduleKey: true, total: true },
      orderBy: { scheduleKey: "asc" },
    });
    // Only 敦賀 still owes a report: one message in the sent round, none in the passed ones.
    expect(rounds).toEqual([
      { scheduleKey: "schedule:31", total: 1 },
      { scheduleKey: "schedule:45", total: 0 },
      { scheduleKey: "schedule:60", total: 0 },
    ]);
    // The send log's progress list: the sent round was started by the schedule; the passed ones
    // are marked as passed over (they send nothing).
    const listed = await listMailBatches(officer, cycle.id);
    expect(
      listed
        .filter((b) => b.scheduleKey)
        .map((b) => [b.scheduleKey, b.createdByEmail, b.missed])
        .sort(),
    ).toEqual([
      ["schedule:31", "schedule", false],
      ["schedule:45", null, true],
      ["schedule:60", null, true],
    ]);

    // 敦賀 submits after the round was queued and before it is sent: its reminder is skipped at
    // send time, and only the receipt of its submission arrives.
    const before = smtp.received.length;
    const saved = await saveDraft(tsuruga, cycle.id, { draftVersion: 0, answers: complete });
    await submitReport(tsuruga, cycle.id, { draftVersion: saved.draftVersion, answers: complete });
    await sendAllQueued();
    const round = await db.mailBatch.findFirstOrThrow({ where: { cycleId: cycle.id, scheduleKey: "schedule:31" } });
    expect(await statuses(round.id)).toEqual([
      expect.objectContaining({
        recipient: "tsuruga-mail@example.jp",
        kind: "REMINDER",
        status: "SKIPPED",
        error: "送信前に提出済になったため送信しませんでした。",
      }),
    ]);
    expect(smtp.received.slice(before).map((m) => [m.to[0], m.subject])).toEqual([
      ["tsuruga-mail@example.jp", "【福井県】令和7年度 かかりつけ医機能報告の報告を受け付けました"],
    ]);
  });

  it("a 差戻し queues its notice in the same transaction, carrying the comment", async () => {
    const submission = await db.submission.findFirstOrThrow({
      where: { cycleId: cycleId(), institutionId: world.institutions.echizenHospital.id },
    });
    await returnSubmission(officer, submission.id, {
      revision: 1,
      comment: "問2の病床数を確認してください。\n再提出をお願いします。",
    });
    const queued = await db.mailMessage.findMany({ where: { submissionId: submission.id, kind: "RETURNED" } });
    expect(queued).toHaveLength(1);
    const before = smtp.received.length;
    await sendAllQueued();
    const [notice] = smtp.received.slice(before);
    expect(notice!.to).toEqual(["echizen-mail@example.jp"]);
    expect(notice!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告の報告が差し戻されました");
    expect(notice!.text).toContain("＞ 問2の病床数を確認してください。\n＞ 再提出をお願いします。");
    expect(notice!.text).toContain("（第1版）");

    // A 差戻し rejected by its own check (stale revision) queues nothing.
    await expect(returnSubmission(officer, submission.id, { revision: 9, comment: "x" })).rejects.toThrow();
    expect(await db.mailMessage.count({ where: { submissionId: submission.id, kind: "RETURNED" } })).toBe(1);
  });

  it("確認 and a reopening after the deadline each reach the respondent in Japanese, with the note and the date", async () => {
    const submission = await db.submission.findFirstOrThrow({
      where: { cycleId: cycleId(), institutionId: world.institutions.tsurugaClinic.id },
    });
    expect(submission.status).toBe("SUBMITTED");
    let before = smtp.received.length;
    await confirmSubmission(officer, submission.id, {
      revision: 1,
      comment: "内容を確認しました。\n来年度もよろしくお願いします。",
    });
    expect(await db.mailMessage.count({ where: { submissionId: submission.id, kind: "CONFIRMED" } })).toBe(1);
    await sendAllQueued();
    const [confirmed] = smtp.received.slice(before);
    expect(confirmed!.to).toEqual(["tsuruga-mail@example.jp"]);
    expect(confirmed!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告の報告を確認しました");
    expect(confirmed!.text).toContain("報告（第1版）を確認しました。ご協力ありがとうございました。");
    expect(confirmed!.text).toContain("＞ 内容を確認しました。\n＞ 来年度もよろしくお願いします。");
    expect(confirmed!.text).toContain("福井県 健康福祉部 地域医療課");

    before = smtp.received.length;
    const until = toDateInputJst(new Date(Date.now() + 60 * 86_400_000));
    const reopened = await reopenRespondent(officer, cycleId(), {
      respondentId: world.institutions.tsurugaClinic.id,
      until,
    });
    expect(reopened.submissionId).toBe(submission.id);
    await sendAllQueued();
    const [notice] = smtp.received.slice(before);
    expect(notice!.to).toEqual(["tsuruga-mail@example.jp"]);
    expect(notice!.subject).toBe("【福井県】令和7年度 かかりつけ医機能報告の入力期限を延長しました");
    expect(notice!.text).toContain("貴機関は次の日まで入力・提出できるようにしました。");
    expect(notice!.text).toContain("入力できる期限");
    expect(notice!.text).toContain("23:59");
    const log = await statuses();
    expect(log.filter((m) => m.kind === "CONFIRMED" || m.kind === "REOPENED").map((m) => [m.kind, m.status])).toEqual([
      ["CONFIRMED", "SENT"],
      ["REOPENED", "SENT"],
    ]);
  });

  it("failures: a refused address bounces at once; a temporary failure is retried, then sent or failed, all in the log", async () => {
    const bouncing = await user("unknown-mail@example.jp", world.institutions.tsurugaClinic.id, true);
    const flaky: TTestSmtp["transport"] = {
      calls: 0,
      async sendMail(message) {
        this.calls += 1;
        if (this.calls === 1) throw Object.assign(new Error("421 4.7.0 しばらくしてから"), { responseCode: 421 });
        return smtp.transport.sendMail(message);
      },
    } as TTestSmtp["transport"] & { calls: number };
    const queued = await queueBulkMail(officer, cycleId(), { kind: "ANNOUNCEMENT", municipality: "182028" });
    await dispatchQueuedMail();
    const rows = await db.mailMessage.findMany({ where: { batchId: queued!.batchId }, orderBy: { recipient: "asc" } });
    const tsuruga = rows.find((r) => r.recipient === "tsuruga-mail@example.jp")!;
    const unknown = rows.find((r) => r.userId === bouncing.userId)!;

    await expect(runMailJob(tsuruga.id, { attempt: 0 }, flaky)).rejects.toThrow("421");
    expect(await db.mailMessage.findUnique({ where: { id: tsuruga.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      error: expect.stringContaining("再試行します"),
    });
    expect(await runMailJob(tsuruga.id, { attempt: 1 }, flaky)).toBe("SENT");
    expect(await runMailJob(tsuruga.id, { attempt: 2 }, flaky)).toBe("ALREADY_DONE");
    expect(await runMailJob(unknown.id, { attempt: 0 }, smtp.transport)).toBe("BOUNCED");
    expect((await db.mailMessage.findUnique({ where: { id: unknown.id } }))!.error).toContain("550");

    // The last attempt that fails leaves the row FAILED; a resend is a new row that is sent.
    const dead: TTestSmtp["transport"] = { sendMail: () => Promise.reject(new Error("connect ECONNREFUSED")) };
    const again = await resendMail(officer, cycleId(), tsuruga.id);
    await expect(runMailJob(again.mailId, { attempt: 0 }, dead)).rejects.toThrow();
    expect(await runMailJob(again.mailId, { attempt: 4 }, dead)).toBe("FAILED");
    const log = await listMailLog(officer, cycleId(), { page: 1 });
    expect(log.rows.find((r) => r.id === again.mailId)).toMatchObject({ status: "FAILED", resendOfId: tsuruga.id });
    expect(log.byStatus.BOUNCED).toBe(1);
    await db.user.update({ where: { id: bouncing.userId! }, data: { isActive: false } });
  });

  it("a restart in the middle of a bulk send sends no mail twice and loses none", async () => {
    const extra = await Promise.all(
      Array.from({ length: 8 }, (_, i) => user(`restart-${i}@example.jp`, world.institutions.tsurugaClinic.id, true)),
    );
    const before = smtp.received.length;
    const queued = await queueBulkMail(officer, cycleId(), { kind: "ANNOUNCEMENT", municipality: "182028" });
    expect(queued!.queued).toBe(9);
    await startJobWorkers();
    await waitFor(
      async () => smtp.received.length - before,
      (n) => n >= 3,
    );
    await stopJobWorkers(5_000); // the instance stops mid-batch (a deploy, a restart)
    const midway = smtp.received.length - before;
    expect(midway).toBeLessThan(9);
    await startJobWorkers(); // the restart
    const rows = await waitFor(
      () => statuses(queued!.batchId),
      (r) => r.every((m) => m.status === "SENT"),
    );
    await stopJobWorkers();
    expect(rows.map((r) => r.status)).toEqual(Array(9).fill("SENT"));
    const arrived = smtp.received.slice(before).map((m) => m.to[0]);
    expect(new Set(arrived).size).toBe(9);
    expect(arrived).toHaveLength(9);
    for (const u of extra) expect(arrived).toContain(u.email);
  });
});

describe("照会のお知らせ (QUERY)", () => {
  const sabae = () => world.submissions.sabaeSubmission.id;
  const sabaeEmail = () => world.users.sabaeClinic.email;

  it("asking about items queues the notice in the same transaction; it arrives in Japanese naming the items, the question and where to answer", async () => {
    const before = smtp.received.length;
    const { id: queryId } = await askItemQuery(officer, sabae(), {
      itemKeys: ["i_overtime", "i_rota"],
      message: "時間外加算の算定回数が前年の10倍です。\n実数かご確認ください。",
    });
    const queued = await db.mailMessage.findMany({ where: { submissionId: sabae(), kind: "QUERY" } });
    expect(queued.map((m) => [m.recipient, m.status])).toEqual([[sabaeEmail(), "QUEUED"]]);
    expect(queued[0]!.details).toMatchObject({
      queryId,
      revision: 1,
      itemLabels: ["時間外加算の算定回数", "在宅当番医制"],
    });

    await sendAllQueued();
    const arrived = smtp.received.slice(before);
    expect(arrived.map((m) => m.to)).toEqual([[sabaeEmail()]]);
    const [mail] = arrived;
    expect(mail!.subject).toBe(
      "【福井県】令和7年度 かかりつけ医機能報告の「時間外加算の算定回数」ほか1項目について照会があります",
    );
    expect(mail!.text).toContain("報告（第1版）の次の項目について、確認させてください。");
    expect(mail!.text).toContain("照会の項目: 時間外加算の算定回数\n在宅当番医制");
    expect(mail!.text).toContain(
      "照会の内容（都道府県から）\n＞ 時間外加算の算定回数が前年の10倍です。\n＞ 実数かご確認ください。",
    );
    expect(mail!.text).toContain("「都道府県からの照会」の回答欄から回答してください");
    expect(mail!.text).toContain("入力画面の「修正を始める」から修正して提出してください");
    expect(mail!.text).toContain(`/institution/cycles/${cycleId()}#queries`);
    expect(mail!.text).toContain("福井県 健康福祉部 地域医療課\n電話 0776-20-0000（平日 9時〜17時）");
    expect(mail!.html).toContain(`/institution/cycles/${cycleId()}#queries</a>`);
    const log = await listMailLog(officer, cycleId(), { page: 1, kind: "QUERY" });
    expect(log.rows.map((r) => [r.recipient, r.status])).toEqual([[sabaeEmail(), "SENT"]]);
    await closeItemQuery(officer, queryId, {});
  });

  it("a query closed before its notice left is SKIPPED with the reason; after the deadline the notice asks for the correction in the answer", async () => {
    const before = smtp.received.length;
    const { id: queryId } = await askItemQuery(officer, sabae(), { itemKeys: ["i_rota"], message: "電話で確認済み" });
    await closeItemQuery(officer, queryId, { note: "電話で確認した" });
    await sendAllQueued();
    const skipped = await db.mailMessage.findFirstOrThrow({
      where: { submissionId: sabae(), kind: "QUERY", details: { path: ["queryId"], equals: queryId } },
    });
    expect(skipped).toMatchObject({
      status: "SKIPPED",
      error: "送信前に都道府県が照会を完了したため送信しませんでした。",
    });
    expect(smtp.received.length).toBe(before);

    // The deadline has passed and the clinic was not reopened: the form shows no 修正 buttons.
    const cycle = world.cycles.fukuiClinicCycle;
    await db.reportingCycle.update({ where: { id: cycle.id }, data: { closesAt: new Date(Date.now() - 86_400_000) } });
    try {
      await askItemQuery(officer, sabae(), { itemKeys: ["i_overtime"], message: "算定回数をご確認ください。" });
      await sendAllQueued();
      const [late] = smtp.received.slice(before);
      expect(late!.subject).toBe(
        "【福井県】令和7年度 かかりつけ医機能報告の「時間外加算の算定回数」について照会があります",
      );
      expect(late!.text).toContain("提出期限を過ぎているため、報告の内容はいまは修正できません。");
      expect(late!.text).toContain("回答欄に訂正内容を書いてください（都道府県が入力を再開すると修正できます）");
      expect(late!.text).not.toContain("を始める");
    } finally {
      await db.reportingCycle.update({ where: { id: cycle.id }, data: { closesAt: cycle.closesAt } });
    }
  });
});
