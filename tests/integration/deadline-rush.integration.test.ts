// The deadline rush (issue 18): 250 clinics saving and submitting at the same moment. Every
// committed write answers success, and the counters never drift: afterwards a full
// reconciliation (which recounts every municipality from the reports) has nothing to correct,
// whether the counters' change log was folded during the rush (as the recurring job does) or not.
// A process killed with SIGKILL mid-rush leaves nothing to correct either (a child process running
// the services here; scripts/bench/deadline-rush.ts does the same to real server instances).
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { saveDraft, submitReport } from "@/lib/services/respondent-reports";
import { confirmSubmission, returnSubmission } from "@/lib/services/review";
import { foldClinicCounterChanges, recountCycles } from "@/lib/services/counters";
import { unsafeLoadClinicCells, unsafeLoadClinicTotals } from "@/lib/data/clinic-counters";
import { reconcileClinicCounters } from "@/lib/services/reconcile";
import { findOwnSubmission } from "@/lib/data/respondent";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";

const CLINICS = 250;
const MUNICIPALITIES = ["182010", "182079", "182095", "182028"];
const complete = (i: number) => ({ ...FUNCTION1_MET, i_rota: i % 3 === 0 ? "2" : "3", ro_beds: i % 2 ? "0" : "1" });

let world: TWorld;
let cycleId = "";
let clinics: TViewer[] = [];

beforeAll(async () => {
  world = await buildWorld();
  cycleId = world.cycles.fukuiClinicCycle.id;
  await db.institution.createMany({
    data: Array.from({ length: CLINICS }, (_, i) => ({
      code: buildInstitutionCode("18", `7${String(i).padStart(5, "0")}`),
      name: `締切前診療所${i}`,
      kind: i % 10 === 0 ? ("HOSPITAL" as const) : ("CLINIC" as const),
      prefectureCode: "18",
      municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
    })),
  });
  const institutions = await db.institution.findMany({
    where: { name: { startsWith: "締切前診療所" } },
    orderBy: { code: "asc" },
  });
  await db.user.createMany({
    data: institutions.map((inst, i) => ({
      email: `rush-clinic-${i}@example.jp`,
      name: inst.name,
      role: "INSTITUTION" as const,
      institutionId: inst.id,
    })),
  });
  const users = await db.user.findMany({ where: { email: { startsWith: "rush-clinic-" } } });
  const userOf = new Map(users.map((u) => [u.institutionId, u]));
  clinics = institutions.map((inst) => {
    const user = userOf.get(inst.id)!;
    return {
      role: "institution",
      userId: user.id,
      email: user.email,
      name: user.name,
      institutionId: inst.id,
      prefectureCode: "18",
    };
  });
  // The world writes its reports directly; count them once, as the services would have.
  await recountCycles({});
}, 120_000);

describe("the deadline rush", () => {
  it("250 clinics autosave and submit at once: every one succeeds, and reconciliation corrects 0 cells", async () => {
    // The change log is folded all through the rush, as the recurring job does, from a second loop.
    let rushing = true;
    const folds = (async () => {
      let folded = 0;
      while (rushing) {
        folded += await foldClinicCounterChanges();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return folded;
    })();
    const outcomes = await Promise.allSettled(
      clinics.map(async (clinic, i) => {
        const draft = await saveDraft(clinic, cycleId, { draftVersion: 0, answers: { f1_notice: true } });
        return submitReport(clinic, cycleId, { draftVersion: draft.draftVersion, answers: complete(i) });
      }),
    );
    rushing = false;
    expect(await folds).toBeGreaterThan(0);
    // What a dashboard reads is the same before and after the rest of the log is folded.
    const [readBefore, cellsBefore] = [await unsafeLoadClinicTotals([cycleId]), await unsafeLoadClinicCells(cycleId)];
    await foldClinicCounterChanges();
    expect(await db.clinicCounterChange.count({ where: { cycleId } })).toBe(0);
    expect(await unsafeLoadClinicTotals([cycleId])).toEqual(readBefore);
    expect(await unsafeLoadClinicCells(cycleId)).toEqual(cellsBefore);
    const failed = outcomes.filter((o) => o.status === "rejected");
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    expect(
      await db.submissionRevision.count({
        where: { submission: { cycleId, institution: { name: { startsWith: "締切前" } } } },
      }),
    ).toBe(CLINICS);

    const reconciled = await reconcileClinicCounters({ full: true });
    expect(reconciled.scope).toBe("full");
    expect(reconciled.corrected).toEqual([]);
    const total = await db.clinicCounterTotal.findUniqueOrThrow({ where: { cycleId } });
    // 250 new respondents on top of the world's 4 active institutions of 福井, all now 提出済 or before.
    const cells = (total.counters as { cells: Record<string, Record<string, { respondents: number }>> }).cells;
    const submitted = Object.values(cells).reduce((sum, kind) => sum + (kind.SUBMITTED?.respondents ?? 0), 0);
    expect(submitted).toBe(CLINICS + 2);
  }, 180_000);

  it("amendments, confirmations and returns at once leave nothing to correct either", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const some = clinics.slice(0, 40);
    await Promise.all(
      some.map(async (clinic, i) => {
        const own = (await findOwnSubmission(clinic as never, cycleId))!;
        if (i % 2 === 0) {
          await confirmSubmission(officer, own.id, { revision: own.revision });
        } else {
          await returnSubmission(officer, own.id, { revision: own.revision, comment: "確認してください" });
          await submitReport(clinic, cycleId, { draftVersion: own.draftVersion, answers: complete(i + 1) });
        }
      }),
    );
    expect((await reconcileClinicCounters({ full: true })).corrected).toEqual([]);
  }, 120_000);

  it("a retry of a submission that committed returns the same receipt", async () => {
    const clinic = clinics[100]!;
    const own = (await findOwnSubmission(clinic as never, cycleId))!;
    const retry = await submitReport(clinic, cycleId, { draftVersion: own.draftVersion - 1, answers: complete(100) });
    expect(retry).toEqual({ submissionId: own.id, revision: own.revision, alreadySubmitted: true });
    expect(await db.submissionRevision.count({ where: { submissionId: own.id } })).toBe(own.revision);
  });

  it("a counter row of another format: the submission still succeeds and its municipality is recounted with it", async () => {
    await db.clinicCounterCell.update({
      where: { cycleId_municipalityCode: { cycleId, municipalityCode: "182028" } },
      data: { format: 0 },
    });
    const clinic = clinics.find((_, i) => MUNICIPALITIES[i % MUNICIPALITIES.length] === "182028" && i >= 200)!;
    const own = (await findOwnSubmission(clinic as never, cycleId))!;
    await returnSubmission(world.viewers.fukuiPrefecture, own.id, { revision: own.revision, comment: "再提出を" });
    await db.clinicCounterCell.update({
      where: { cycleId_municipalityCode: { cycleId, municipalityCode: "182028" } },
      data: { format: 0 },
    });
    const result = await submitReport(clinic, cycleId, { draftVersion: own.draftVersion, answers: complete(7) });
    expect(result.revision).toBe(own.revision + 1);
    const cell = await db.clinicCounterCell.findUniqueOrThrow({
      where: { cycleId_municipalityCode: { cycleId, municipalityCode: "182028" } },
    });
    expect(cell.format).toBe(1);
    expect((await reconcileClinicCounters({ full: true })).corrected).toEqual([]);
  });

  it("a change its row cannot take (the row had drifted) is recounted by the fold, not lost", async () => {
    // An institution written behind the counters' back: its 未着手 was never counted, so its first
    // draft's change would take the municipality's count below zero.
    const [stray] = await db.institution.createManyAndReturn({
      data: [
        {
          code: buildInstitutionCode("18", "599999"),
          name: "照合外診療所",
          kind: "CLINIC",
          prefectureCode: "18",
          municipalityCode: "182010",
        },
      ],
    });
    const viewer = { ...clinics[0]!, institutionId: stray!.id, userId: null };
    await saveDraft(viewer as TViewer, cycleId, { draftVersion: 0, answers: { f1_notice: true } });
    expect(await db.clinicCounterChange.count({ where: { cycleId, municipalityCode: "182010" } })).toBeGreaterThan(0);
    await foldClinicCounterChanges();
    expect(await db.clinicCounterChange.count({ where: { cycleId } })).toBe(0);
    expect((await reconcileClinicCounters({ full: true })).corrected).toEqual([]);
  });

  it("kill -9 of a process in the middle of a rush: every acknowledged submission is there, nothing to correct", async () => {
    const fresh = await db.institution.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({
        code: buildInstitutionCode("18", `6${String(i).padStart(5, "0")}`),
        name: `強制終了診療所${i}`,
        kind: "CLINIC" as const,
        prefectureCode: "18",
        municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
      })),
    });
    await recountCycles({ cycleId }); // new institutions are counted as 未着手, as a roster import does
    const clients = fresh.map((inst, i) => ({
      viewer: {
        role: "institution",
        userId: null,
        email: "",
        name: inst.name,
        institutionId: inst.id,
        prefectureCode: "18",
      },
      answers: complete(i),
    }));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/lib/register-server-only.mjs", "tests/support/rush-child.ts"],
      {
        env: { ...process.env, RUSH_CLIENTS: JSON.stringify(clients), RUSH_CYCLE: cycleId },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const acknowledged = new Map<string, number>();
    await new Promise<void>((resolve) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        for (const match of buffer.matchAll(/ACK (\S+) (\d+)\n/g)) acknowledged.set(match[1]!, Number(match[2]));
        if (acknowledged.size >= 15 || buffer.includes("DONE")) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });
    expect(acknowledged.size).toBeGreaterThanOrEqual(15);
    for (const [institutionId, revision] of acknowledged) {
      const stored = await db.submission.findFirst({ where: { cycleId, institutionId }, select: { revision: true } });
      expect(stored?.revision).toBe(revision);
    }
    expect((await reconcileClinicCounters({ full: true })).corrected).toEqual([]);
  }, 120_000);

  it("the background reconciliation checks only what changed, and corrects and reports a hand-edited cell", async () => {
    await reconcileClinicCounters({ full: true });
    const quiet = await reconcileClinicCounters();
    expect(quiet.scope).toBe("changed");
    expect(quiet.corrected).toEqual([]);

    // Someone edits a cell by hand (and so it is of no known format).
    await db.$executeRaw`UPDATE "ClinicCounterCell" SET "counters" = '{"format":1,"cells":{}}'::jsonb, "format" = -1
      WHERE "cycleId" = ${cycleId} AND "municipalityCode" = '182079'`;
    const repaired = await reconcileClinicCounters();
    expect(repaired.corrected).toContain(`${cycleId}:182079`);
    expect(repaired.municipalities).toBeLessThan(10);
    const audit = await db.auditEvent.findFirst({ where: { action: "counters.reconcile" }, orderBy: { id: "desc" } });
    expect(audit?.summary).toMatch(/訂正/);
    expect((await reconcileClinicCounters({ full: true })).corrected).toEqual([]);
  });
});
