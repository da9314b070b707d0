// Without a mail server (SMTP_HOST unset, as in most test runs): nothing is queued by a 差戻し, a
// bulk send is refused with a Japanese message, and the same choice of recipients comes out as a
// CSV list and as letters for post (a real PDF, read back with pdftotext).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { loadViewer } from "@/lib/auth/viewer";
import { isMailConfigured } from "@/lib/services/mailer";
import { queueBulkMail } from "@/lib/services/cycle-mail";
import { exportMailRecipients, mailLettersRequest } from "@/lib/services/mail-post";
import { saveMailSettings } from "@/lib/services/mail-settings";
import { returnSubmission } from "@/lib/services/review";
import { renderDocument } from "@/lib/pdf/render";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { hasPoppler } from "@/tests/support/tools";

const run = promisify(execFile);
let world: TWorld;
const dir = mkdtempSync(path.join(os.tmpdir(), "renkei-letters-"));

beforeAll(async () => {
  world = await buildWorld();
  const user = await db.user.create({
    data: {
      email: "tsuruga-post@example.jp",
      name: "敦賀 担当",
      role: "INSTITUTION",
      institutionId: world.institutions.tsurugaClinic.id,
      passwordHash: "x",
    },
  });
  await loadViewer(user.id);
  await db.institution.update({
    where: { id: world.institutions.tsurugaClinic.id },
    data: { postalCode: "914-0000", address: "福井県敦賀市中央町1-1" },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cycle mail without a mail server", () => {
  it("queues nothing, refuses a bulk send in Japanese", async () => {
    expect(isMailConfigured()).toBe(false);
    await returnSubmission(world.viewers.fukuiPrefecture, world.submissions.sabaeSubmission.id, {
      revision: 1,
      comment: "確認してください。",
    });
    expect(await db.mailMessage.count()).toBe(0);
    await expect(
      queueBulkMail(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id, { kind: "REMINDER" }),
    ).rejects.toThrow("メールサーバー（SMTP）が設定されていないため送信できません。");
  });

  it("gives the reminder's recipients as CSV, respondents without an account included", async () => {
    const file = await exportMailRecipients(
      world.viewers.fukuiPrefecture,
      world.cycles.fukuiClinicCycle.id,
      { kind: "REMINDER" },
      "csv",
    );
    const text = new TextDecoder().decode(file.bytes);
    const day = toDateInputJst(new Date());
    expect(file.fileName).toBe(`督促の宛先一覧_令和7年度かかりつけ医機能報告_福井県_${day}_UTF-8.csv`);
    expect(file.asciiFileName).toBe(`reminder-recipients_FY2025_pref18_${day}_UTF-8.csv`);
    // The Shift_JIS copy under another name.
    const sjis = await exportMailRecipients(
      world.viewers.fukuiPrefecture,
      world.cycles.fukuiClinicCycle.id,
      { kind: "REMINDER" },
      "csv-sjis",
    );
    expect(sjis.fileName).toBe(`督促の宛先一覧_令和7年度かかりつけ医機能報告_福井県_${day}_Shift_JIS.csv`);
    expect(text).toContain("督促,");
    expect(text).toContain("tsuruga-post@example.jp");
    expect(text).toContain("福井県敦賀市中央町1-1");
    // 越前病院 (下書き) has no account: listed for post; 鯖江 is 差戻し now, and has an account.
    expect(text).toContain("（アカウントなし・郵送）");
    expect(text).not.toContain("福井クリニック"); // 提出済: no reminder
    const audited = await db.auditEvent.findFirst({ where: { action: "mail.export_recipients" } });
    expect(audited?.summary).toContain("督促の宛先一覧を出力");
  });

  it("gives the letters for post as a PDF worded like the mail, with the prefecture's signature", async () => {
    await saveMailSettings(world.viewers.fukuiPrefecture, {
      senderName: "福井県 地域医療課",
      contact: "電話 0776-00-0000",
      signature: "",
    });
    const request = await mailLettersRequest(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id, {
      kind: "REMINDER",
      municipality: "182028",
    });
    const { bytes, pages } = await renderDocument(request);
    expect(pages).toBe(1);
    if (!(await hasPoppler())) return expect.fail("pdftotext (poppler-utils) is needed for this test");
    const file = path.join(dir, "letters.pdf");
    writeFileSync(file, bytes);
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    const text = stdout.replace(/\s+/g, "");
    expect(text).toContain("〒914-0000");
    expect(text).toContain("提出期限が近づいています");
    expect(text).toContain("福井県地域医療課");
    expect(text).toContain("電話0776-00-0000");
  });
});
