// A live publication for the test world: 石川's clinic cycle published with 金沢クリニック, written
// directly (no review or run), so the authorization matrix can reach every public page while the
// 福井 cycle stays unpublished for the tests that publish it themselves.
import { db, type Prisma } from "@/lib/db";

export async function publishForWorld(
  cycle: { id: string; prefectureCode: string },
  institution: { id: string; code: string; name: string; municipalityCode: string },
  zone: { code: string; name: string },
) {
  const functions = { has: false, intent: false, mode: null };
  await db.reportingCycle.update({ where: { id: cycle.id }, data: { publishAt: new Date(Date.now() - 86_400_000) } });
  const run = await db.publicationRun.create({
    data: {
      cycleId: cycle.id,
      prefectureCode: cycle.prefectureCode,
      dataAsOf: new Date(),
      trigger: "NOW",
      institutionCount: 1,
    },
  });
  await db.publishedInstitution.create({
    data: {
      runId: run.id,
      institutionId: institution.id,
      prefectureCode: cycle.prefectureCode,
      code: institution.code,
      name: institution.name,
      searchName: institution.name,
      kind: "CLINIC",
      municipalityCode: institution.municipalityCode,
      municipalityName: "金沢市",
      zoneCode: zone.code,
      zoneName: zone.name,
      revision: 1,
      f1: true,
      f2i: false,
      f2ro: false,
      f2ha: false,
      f2ni: false,
      areas: ["1"],
      diseases: [],
      detail: {
        functions: {
          f1: { has: true, intent: false, mode: null },
          f2i: functions,
          f2ro: functions,
          f2ha: functions,
          f2ni: functions,
        },
        areaLabels: ["皮膚・形成外科領域"],
        answers: [],
        counts: {},
      } satisfies Prisma.InputJsonValue,
    },
  });
  await db.publicationSetting.create({
    data: { cycleId: cycle.id, prefectureCode: cycle.prefectureCode, status: "PUBLISHED", liveRunId: run.id },
  });
  return { runId: run.id, fiscalYear: 2025 };
}
