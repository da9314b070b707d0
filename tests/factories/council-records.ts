// Council records of the test world (協議の場の記録, ADR 0018): one per zone that the authorization
// matrix needs — the council member's own zone, another zone of the same prefecture and a zone of
// another prefecture — each with one 課題 and one 対応策 linked to it. Written straight into the
// tables (no audit rows, no frozen baselines), all in 令和7年度 like the world's cycles.
//
// The two 福井 records are 合意済: an owner's DELETE there is the 409 "set it back to 作成中
// first", so the matrix proves the owner got past authorization without changing the world.
// 石川's is 作成中: should a foreign DELETE ever get through, it would delete (and fail as 200).
import { db } from "@/lib/db";

export const WORLD_COUNCIL_YEAR = 2025;

async function councilRecord(zone: { id: string; name: string }, prefectureCode: string, status: "DRAFT" | "AGREED") {
  const record = await db.councilRecord.create({
    data: {
      prefectureCode,
      zoneId: zone.id,
      fiscalYear: WORLD_COUNCIL_YEAR,
      vision: `${zone.name}で必要な在宅医療を受けられる`,
      status,
      agreedAt: status === "AGREED" ? new Date() : null,
    },
  });
  const issue = await db.councilIssue.create({
    data: {
      recordId: record.id,
      title: `${zone.name}: 1号機能を持つ医療機関が少ない`,
      indicatorKeys: ["f1.has"],
      causeMedical: "院内掲示の準備が遅れている",
    },
  });
  const measure = await db.councilMeasure.create({
    data: {
      recordId: record.id,
      issueId: issue.id,
      title: `${zone.name}: 院内掲示の様式を配布する`,
      ownerBody: "MEDICAL_ASSOCIATION",
    },
  });
  return { record, issue, measure };
}

export async function councilRecordsForWorld(zones: {
  tannan: { id: string; name: string };
  fukuiSakai: { id: string; name: string };
  kanazawa: { id: string; name: string };
}) {
  return {
    tannan: await councilRecord(zones.tannan, "18", "AGREED"),
    fukuiSakai: await councilRecord(zones.fukuiSakai, "18", "AGREED"),
    kanazawa: await councilRecord(zones.kanazawa, "17", "DRAFT"),
  };
}

/** The ids a record's routes take, for the matrix and the tests. */
export const councilRecordParams = (r: Awaited<ReturnType<typeof councilRecord>>) => ({
  recordId: r.record.id,
  issueId: r.issue.id,
  measureId: r.measure.id,
});
