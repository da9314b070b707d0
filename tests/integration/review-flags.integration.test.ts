// Review flags on a real database (issue 16): outliers against peers computed off the request path
// and stored per revision and item with the peer distribution; item-level queries (照会) from ask to
// close with their audit rows; a report with an unresolved query cannot be confirmed; bulk
// confirmation leaves flagged reports out and says why; respondents never read outliers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db";
import { computeOutlierFlags, sweepOutlierFlags } from "@/lib/services/outlier-flags";
import { answerItemQuery, askItemQuery, closeItemQuery } from "@/lib/services/item-queries";
import { bulkConfirm, confirmSubmission } from "@/lib/services/review";
import { startAmendment, submitReport } from "@/lib/services/respondent-reports";
import { asRespondent, findOwnSubmission } from "@/lib/data/respondent";
import { getCycleFlagSummary, getSubmissionFlags, listOwnQueries } from "@/lib/data/review-flags";
import { listRespondents } from "@/lib/data/review";
import { findCycle } from "@/lib/data/cycles";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { describePeers, OUTLIER_DEFAULTS } from "@/lib/aggregation/outliers";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { FUNCTION1_MET, miniClinicDefinition } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { stopJobQueue } from "@/lib/jobs/queue";

let world: TWorld;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
const base = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };

/** Peers: 鯖江市 clinics (zone 丹南) with a submitted revision holding these 時間外加算 counts. */
const PEER_VALUES = [3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 12];
const OUTLIER_VALUE = 400;
let outlierSubmissionId: string;
let peerIds: string[] = [];

async function peerSubmission(i: number, overtime: number): Promise<string> {
  const institution = await db.institution.create({
    data: {
      code: `181${String(7_100_000 + i + Math.floor(Math.random() * 1000) * 100)}`,
      name: `外れ値テスト診療所${i}`,
      kind: "CLINIC",
      prefectureCode: "18",
      municipalityCode: "182079",
    },
  });
  const answers = { ...base, i_overtime: overtime };
  const derived = computeStoredDerived(miniClinicDefinition(), answers) as unknown as Prisma.InputJsonValue;
  const cycle = world.cycles.fukuiClinicCycle;
  const submission = await db.submission.create({
    data: {
      cycleId: cycle.id,
      questionnaireVersionId: cycle.questionnaireVersionId,
      prefectureCode: "18",
      institutionId: institution.id,
      status: "SUBMITTED",
      answers,
      revision: 1,
      derived,
      submittedAt: new Date(),
      revisions: { create: { revision: 1, answers, derived } },
    },
  });
  return submission.id;
}

beforeAll(async () => {
  world = await buildWorld();
  peerIds = [];
  for (const [i, v] of PEER_VALUES.entries()) peerIds.push(await peerSubmission(i, v));
  outlierSubmissionId = await peerSubmission(99, OUTLIER_VALUE);
});

describe("outliers against peers", () => {
  it("flags the one far value with its zone peers' distribution, audited, off any request", async () => {
    const result = await computeOutlierFlags(world.cycles.fukuiClinicCycle.id);
    expect(result).toMatchObject({ flags: 1 });
    const flags = await db.outlierFlag.findMany({ where: { cycleId: world.cycles.fukuiClinicCycle.id } });
    expect(flags.map((f) => [f.submissionId, f.itemKey, f.value, f.direction])).toEqual([
      [outlierSubmissionId, "i_overtime", OUTLIER_VALUE, "high"],
    ]);
    // The stored distribution is that of the zone's 12 clinics answering the item.
    const expected = describePeers([...PEER_VALUES, OUTLIER_VALUE], OUTLIER_DEFAULTS)!;
    expect(flags[0]).toMatchObject({ peerScope: "zone", peerN: 12, revision: 1, method: expected.method });
    // Sorted: 3 4 5 5 6 7 | 8 8 9 10 12 400; the median of log(1 + x) between 7 and 8 is
    // (ln 8 + ln 9) / 2, i.e. √72 − 1 counts.
    expect(flags[0]!.peerMedian).toBeCloseTo(Math.sqrt(72) - 1, 10);
    expect(flags[0]!.upper).toBeCloseTo(expected.upper, 6);
    expect(flags[0]!.upper).toBeLessThan(OUTLIER_VALUE);
    expect(
      await db.auditEvent.count({
        where: { action: "review_flags.compute", entityId: world.cycles.fukuiClinicCycle.id },
      }),
    ).toBe(1);
    // Idempotent: a second run replaces the flags rather than adding to them.
    await computeOutlierFlags(world.cycles.fukuiClinicCycle.id);
    expect(await db.outlierFlag.count({ where: { cycleId: world.cycles.fukuiClinicCycle.id } })).toBe(1);
    expect(await db.outlierRun.findUnique({ where: { cycleId: world.cycles.fukuiClinicCycle.id } })).toMatchObject({
      submissions: PEER_VALUES.length + 3, // + 鯖江 and 福井 from the world
      flags: 1,
    });
  });

  it("the sweep queues only cycles with a revision submitted since their last run", async () => {
    // Both of the world's other clinic cycles (石川) have never been computed: they are queued.
    const first = await sweepOutlierFlags();
    expect(first).toBe(1); // 石川's cycle; 福井's run is newer than every revision
    await computeOutlierFlags(world.cycles.ishikawaClinicCycle.id);
    expect(await sweepOutlierFlags()).toBe(0);
    await stopJobQueue();
  });

  it("the officer reads the flags with the report; respondents never can", async () => {
    const flags = await getSubmissionFlags(world.viewers.fukuiPrefecture, outlierSubmissionId);
    expect(flags.outliers).toHaveLength(1);
    for (const viewer of [world.viewers.sabaeClinic, world.viewers.tannanHub, world.viewers.tannanCouncil]) {
      expect(await errorOf(getSubmissionFlags(viewer, outlierSubmissionId))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(getCycleFlagSummary(viewer, world.cycles.fukuiClinicCycle.id))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // Another prefecture's officer: not found.
    const ishikawa = await db.user.create({
      data: {
        email: `ishikawa-officer-${Date.now()}@example.jp`,
        name: "石川",
        role: "PREFECTURE",
        prefectureCode: "17",
      },
    });
    const { loadViewer } = await import("@/lib/auth/viewer");
    const foreign = (await loadViewer(ishikawa.id))!;
    expect(await errorOf(getSubmissionFlags(foreign, outlierSubmissionId))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("no respondent page, route or read imports the outlier reads, the OutlierFlag table or their acknowledgements", () => {
    const files = [
      "app/_shared/respondent/home.tsx",
      "app/_shared/respondent/form-page.tsx",
      "app/_shared/respondent/item-queries.tsx",
      "app/_shared/respondent/history-page.tsx",
      "app/_shared/respondent/receipt-page.tsx",
      "lib/data/respondent.ts",
      "app/api/v1/respondent/queries/[queryId]/answer/route.ts",
    ];
    for (const file of files) {
      const text = readFileSync(path.join(process.cwd(), file), "utf8");
      // Nor the acknowledgements of outliers (確認済み（問題なし）), which name them.
      expect(text, file).not.toMatch(
        /outlierFlag|getSubmissionFlags|getCycleFlagSummary|OutlierFlag|reviewFlagAcknowledgement|review-flag-acks/,
      );
    }
  });

  it("the list filters and ranks by flags", async () => {
    const cycle = await findCycle(world.viewers.fukuiPrefecture, world.cycles.fukuiClinicCycle.id);
    const outliers = await listRespondents(
      world.viewers.fukuiPrefecture,
      cycle,
      ZRespondentFilter.parse({ flag: "outlier" }),
    );
    expect(outliers.rows.map((r) => r.submission?.id)).toEqual([outlierSubmissionId]);
    expect(outliers.rows[0]!.flags.outlier).toBe(1);
    const ranked = await listRespondents(
      world.viewers.fukuiPrefecture,
      cycle,
      ZRespondentFilter.parse({ sort: "flags" }),
    );
    expect(ranked.rows[0]!.submission?.id).toBe(outlierSubmissionId);
  });
});

describe("item-level queries (照会)", () => {
  it("ask → blocked confirm → answer → correction → close → confirm, every step audited", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const clinic = world.viewers.sabaeClinic;
    const submissionId = world.submissions.sabaeSubmission.id;
    const cycleId = world.cycles.fukuiClinicCycle.id;

    // Bad input is a Japanese message; an unknown item is refused.
    expect(await errorOf(askItemQuery(officer, submissionId, { itemKeys: [], message: "" }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(
      await errorOf(askItemQuery(officer, submissionId, { itemKeys: ["no_such_item"], message: "確認" })),
    ).toMatchObject({ code: "INVALID_INPUT" });
    // Nobody else may ask.
    expect(
      await errorOf(askItemQuery(clinic, submissionId, { itemKeys: ["i_overtime"], message: "確認" })),
    ).toMatchObject({ code: "FORBIDDEN" });

    const { id: queryId } = await askItemQuery(officer, submissionId, {
      itemKeys: ["i_overtime"],
      message: "時間外加算の算定回数をご確認ください。",
    });
    // No mail server in this file: the 照会のお知らせ is not queued at all (ADR 0021).
    expect(await db.mailMessage.count({ where: { submissionId, kind: "QUERY" } })).toBe(0);

    // A report with an open query cannot be confirmed.
    const blocked = await errorOf(confirmSubmission(officer, submissionId, { revision: 1 }));
    expect(blocked).toMatchObject({ code: "CONFLICT" });
    expect(blocked!.message).toContain("完了していない照会");

    // The respondent sees it; another institution cannot answer it.
    const own = await listOwnQueries(clinic, cycleId);
    expect(own.map((q) => [q.id, q.status, q.itemKeys])).toEqual([[queryId, "OPEN", ["i_overtime"]]]);
    expect(Object.keys(own[0]!)).not.toContain("peerMedian");
    expect(await errorOf(answerItemQuery(world.viewers.kanazawaClinic, queryId, { answer: "x" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await errorOf(answerItemQuery(officer, queryId, { answer: "x" }))).toMatchObject({ code: "FORBIDDEN" });

    await answerItemQuery(clinic, queryId, { answer: "誤りでした。12回に修正します。" });
    expect(await db.itemQuery.findUniqueOrThrow({ where: { id: queryId } })).toMatchObject({
      status: "ANSWERED",
      answeredRevision: 1,
    });

    // The correction goes through the usual write path: a new revision.
    const { draftVersion } = await startAmendment(clinic, cycleId);
    const corrected = await submitReport(clinic, cycleId, { draftVersion, answers: { ...base, i_overtime: 12 } });
    expect(corrected.revision).toBe(2);
    await answerItemQuery(clinic, queryId, { answer: "第2版で12回に修正しました。" });
    expect(await db.itemQuery.findUniqueOrThrow({ where: { id: queryId } })).toMatchObject({
      status: "ANSWERED",
      answeredRevision: 2,
    });
    // Answered is not closed: still no confirmation.
    expect(await errorOf(confirmSubmission(officer, submissionId, { revision: 2 }))).toMatchObject({
      code: "CONFLICT",
    });

    await closeItemQuery(officer, queryId, { note: "修正を確認" });
    expect(await errorOf(answerItemQuery(clinic, queryId, { answer: "追記" }))).toMatchObject({ code: "CONFLICT" });
    expect(await errorOf(closeItemQuery(officer, queryId, {}))).toMatchObject({ code: "CONFLICT" });
    await confirmSubmission(officer, submissionId, { revision: 2 });
    expect((await findOwnSubmission(asRespondent(clinic), cycleId))?.status).toBe("CONFIRMED");

    const actions = (
      await db.auditEvent.findMany({
        where: { entityId: submissionId, action: { startsWith: "item_query." } },
        orderBy: { id: "asc" },
        select: { action: true, actorEmail: true, after: true },
      })
    ).map((e) => [e.action, e.actorEmail]);
    expect(actions).toEqual([
      ["item_query.ask", world.users.fukuiPrefecture.email],
      ["item_query.answer", world.users.sabaeClinic.email],
      ["item_query.answer", world.users.sabaeClinic.email],
      ["item_query.close", world.users.fukuiPrefecture.email],
    ]);
  });

  it("another prefecture's officer can neither ask about nor close this prefecture's queries", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const { id } = await askItemQuery(officer, world.submissions.fukuiSubmission.id, {
      itemKeys: ["i_rota"],
      message: "在宅当番医制について確認させてください。",
    });
    const ishikawa = await db.user.create({
      data: { email: `ishikawa-q-${Date.now()}@example.jp`, name: "石川", role: "PREFECTURE", prefectureCode: "17" },
    });
    const { loadViewer } = await import("@/lib/auth/viewer");
    const foreign = (await loadViewer(ishikawa.id))!;
    expect(await errorOf(closeItemQuery(foreign, id, {}))).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await errorOf(
        askItemQuery(foreign, world.submissions.fukuiSubmission.id, { itemKeys: ["i_rota"], message: "x" }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("bulk confirmation and flags", () => {
  it("confirms only unflagged 提出済 reports and counts those left out by reason", async () => {
    const cycleId = world.cycles.fukuiClinicCycle.id;
    // Open query on 福井 (previous test), outlier on the 400 report, 鯖江 already confirmed.
    const summary = await getCycleFlagSummary(world.viewers.fukuiPrefecture, cycleId);
    expect(summary.reports).toEqual({
      outlier: 1,
      "query-open": 1,
      "query-answered": 0,
      "warning-unexplained": 0,
      "big-change": 0,
    });
    const result = await bulkConfirm(world.viewers.fukuiPrefecture, cycleId, {});
    expect(result).toMatchObject({
      confirmed: PEER_VALUES.length,
      flaggedReports: 2,
      flagged: { outlier: 1, "query-open": 1, "query-answered": 0, "warning-unexplained": 0, "big-change": 0 },
    });
    const statuses = await db.submission.findMany({
      where: { id: { in: [outlierSubmissionId, world.submissions.fukuiSubmission.id, ...peerIds] } },
      select: { id: true, status: true },
    });
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    expect(statusOf.get(outlierSubmissionId)).toBe("SUBMITTED");
    expect(statusOf.get(world.submissions.fukuiSubmission.id)).toBe("SUBMITTED");
    expect(peerIds.every((id) => statusOf.get(id) === "CONFIRMED")).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "submissions.bulk_confirm", entityId: cycleId },
      orderBy: { id: "desc" },
    });
    expect(event.summary).toContain("目印のある 2件は除外");
  });
});
