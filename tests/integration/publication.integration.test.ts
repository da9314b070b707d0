// 公表 on a real database: the run respects the date; only confirmed reports go public (never a
// draft, a returned report or a contact detail); a hold and a withdrawal remove pages and
// open-data rows at once; an amendment reaches the public side only once confirmed and run; the
// open-data CSV (UTF-8 and Shift_JIS) re-parses to the JSON records; council results are open data
// only while published; another prefecture's officer can do none of it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmSubmission, returnSubmission } from "@/lib/services/review";
import {
  holdInstitution,
  publishNow,
  queueDuePublications,
  releaseHold,
  runPublication,
  schedulePublication,
  withdrawPublication,
} from "@/lib/services/publication";
import { saveDraft, startAmendment, submitReport } from "@/lib/services/respondent-reports";
import { asRespondent, findOwnSubmission } from "@/lib/data/respondent";
import {
  getLivePublication,
  getPublicInstitution,
  listPublishedPrefectures,
  publicCounts,
  publicRecords,
  searchPublicInstitutions,
} from "@/lib/data/public";
import { openDataFile } from "@/lib/data/public-files";
import { getOwnPublicationPreviews, getPublicationPanel, listPublicationStatus } from "@/lib/data/publication";
import { readTableFile } from "@/lib/import/read";
import { COUNCIL_COLUMNS, OPEN_DATA_TABLES, csvCell } from "@/lib/summaries/public-open-data";
import { startCouncilRecord, updateCouncilRecord } from "@/lib/services/council-records";
import { GET as openDataRoute } from "@/app/api/v1/public/[prefCode]/open-data/[fiscalYear]/[file]/route";
import { GET as councilCsvRoute } from "@/app/public/[prefCode]/councils/[zoneCode]/[fiscalYear]/csv/route";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { FUNCTION1_MET } from "@/tests/factories/questionnaire";
import { buildWorld, type TWorld } from "@/tests/factories/world";

let world: TWorld;
let cycleId: string;
const day = 86_400_000;
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );

beforeAll(async () => {
  world = await buildWorld();
  cycleId = world.cycles.fukuiClinicCycle.id;
  const officer = world.viewers.fukuiPrefecture;
  // sabae: confirmed, with a 特記事項 and a phone number on the roster; fukui: confirmed, then held
  // back; tsuruga: returned; echizen: a draft (from the world).
  await db.institution.update({
    where: { id: world.institutions.sabaeClinic.id },
    data: { phone: "0778-99-0000", contactEmail: "secret@example.jp", address: "鯖江市本町1-1" },
  });
  await db.submissionRevision.updateMany({
    where: { submissionId: world.submissions.sabaeSubmission.id },
    data: { answers: { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0", i_note: "院長の携帯 090-0000-0000" } },
  });
  await confirmSubmission(officer, world.submissions.sabaeSubmission.id, { revision: 1 });
  await confirmSubmission(officer, world.submissions.fukuiSubmission.id, { revision: 1 });
  const tsuruga = await db.submission.create({
    data: {
      cycleId,
      questionnaireVersionId: world.cycles.fukuiClinicCycle.questionnaireVersionId,
      prefectureCode: "18",
      institutionId: world.institutions.tsurugaClinic.id,
      status: "SUBMITTED",
      revision: 1,
      answers: FUNCTION1_MET,
      derived: world.submissions.sabaeSubmission.derived ?? {},
      submittedAt: new Date(),
      revisions: {
        create: { revision: 1, answers: FUNCTION1_MET, derived: world.submissions.sabaeSubmission.derived ?? {} },
      },
    },
  });
  await returnSubmission(officer, tsuruga.id, { revision: 1, comment: "確認してください。" });
});

describe("publication", () => {
  it("respects the date: a scheduled run before the 公表日 publishes nothing", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const future = toDateInputJst(new Date(Date.now() + 20 * day));
    await schedulePublication(officer, cycleId, { publishOn: future, licence: "CC-BY-4.0" });
    expect(await runPublication(cycleId, "SCHEDULED")).toEqual({ ran: false, reason: "not-due" });
    expect(await queueDuePublications()).toBe(0);
    expect(await getLivePublication("18")).toBeNull();
    // The institution sees what would be published before the date.
    const previews = await getOwnPublicationPreviews(world.viewers.sabaeClinic);
    expect(previews.find((p) => p.cycle.id === cycleId)?.preview.state).toBe("public");
    // On the day (the queue's clock), the same job publishes.
    const outcome = await runPublication(cycleId, "SCHEDULED", undefined, new Date(Date.now() + 21 * day));
    expect(outcome.ran).toBe(true);
  });

  it("publishes confirmed reports only: no draft, no returned report, no contact details or free text", async () => {
    const officer = world.viewers.fukuiPrefecture;
    await publishNow(officer, cycleId);
    const outcome = await runPublication(cycleId, "NOW", { id: officer.userId, email: officer.email });
    expect(outcome).toMatchObject({ ran: true, institutions: 2 });
    const live = (await getLivePublication("18"))!;
    expect(live).not.toBeNull();
    const ids = (await publicRecords(live)).map((r) => r.institutionId).sort();
    expect(ids).toEqual([world.institutions.fukuiClinic.id, world.institutions.sabaeClinic.id].sort());
    const sabae = (await getPublicInstitution(live, world.institutions.sabaeClinic.id))!;
    expect(sabae.f1).toBe(true);
    expect(sabae.f2i).toBe(true);
    expect(sabae.areas).toEqual(["1"]);
    expect(sabae.address).toBe("鯖江市本町1-1");
    const everything = JSON.stringify(sabae);
    expect(everything).not.toContain("0778-99-0000");
    expect(everything).not.toContain("secret@example.jp");
    expect(everything).not.toContain("090-0000-0000");
    expect(await getPublicInstitution(live, world.institutions.echizenHospital.id)).toBeNull();
    expect(await getPublicInstitution(live, world.institutions.tsurugaClinic.id)).toBeNull();
    expect((await listPublishedPrefectures()).map((p) => p.code)).toContain("18");
    const admin = await listPublicationStatus(world.viewers.admin);
    expect(admin.find((s) => s.cycle.prefecture.code === "18")?.status).toBe("PUBLISHED");
  });

  it("finds institutions by function, municipality (and near it) and name", async () => {
    const live = (await getLivePublication("18"))!;
    const byFunction = await searchPublicInstitutions(live, { fn: "f2i", municipality: "182079", page: 1 });
    expect(byFunction.rows.map((r) => r.institutionId)).toEqual([world.institutions.sabaeClinic.id]);
    const near = await searchPublicInstitutions(live, { municipality: "182095", near: true, page: 1 });
    expect(near.rows.map((r) => r.institutionId)).toEqual([world.institutions.sabaeClinic.id]);
    const byName = await searchPublicInstitutions(live, { q: "ふくい", page: 1 });
    expect(byName.total).toBe(0);
    expect((await searchPublicInstitutions(live, { q: "福井ｸﾘﾆｯｸ", page: 1 })).total).toBe(1);
    expect((await searchPublicInstitutions(live, { fn: "f2ro", page: 1 })).total).toBe(0);
  });

  it("a hold removes the page and the open-data row at once; releasing it brings it back at the next run", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const fukuiId = world.institutions.fukuiClinic.id;
    await holdInstitution(officer, cycleId, { institutionId: fukuiId, reason: "所在地の訂正中" });
    let live = (await getLivePublication("18"))!;
    expect(await getPublicInstitution(live, fukuiId)).toBeNull();
    expect((await publicRecords(live)).map((r) => r.institutionId)).not.toContain(fukuiId);
    const json = JSON.parse(new TextDecoder().decode((await openDataFile(live, "institutions.json"))!.bytes));
    expect(json.records.map((r: { code: string }) => r.code)).toEqual([world.institutions.sabaeClinic.code]);
    expect((await publicCounts(live, "zone")).total.institutions).toBe(1);
    // A later run keeps it out; the audit says why.
    await runPublication(cycleId, "NOW");
    live = (await getLivePublication("18"))!;
    expect(await getPublicInstitution(live, fukuiId)).toBeNull();
    const panel = await getPublicationPanel(officer, cycleId);
    expect(panel.preview.heldBack).toBe(1);
    expect(panel.holds[0]?.reason).toBe("所在地の訂正中");
    const audit = await db.auditEvent.findFirst({ where: { action: "publication.hold" } });
    expect(audit?.summary).toContain("所在地の訂正中");
    await releaseHold(officer, cycleId, fukuiId);
    expect(await getPublicInstitution((await getLivePublication("18"))!, fukuiId)).toBeNull();
    await runPublication(cycleId, "NOW");
    expect(await getPublicInstitution((await getLivePublication("18"))!, fukuiId)).not.toBeNull();
  });

  it("an amendment reaches the public page only when confirmed and published again", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const clinic = asRespondent(world.viewers.sabaeClinic);
    await startAmendment(clinic, cycleId);
    const amended = { ...FUNCTION1_MET, i_rota: "0", ro_beds: "4" };
    let own = await findOwnSubmission(clinic, cycleId);
    await saveDraft(clinic, cycleId, { draftVersion: own!.draftVersion, answers: amended });
    own = await findOwnSubmission(clinic, cycleId);
    await submitReport(clinic, cycleId, { draftVersion: own!.draftVersion, answers: amended });
    await runPublication(cycleId, "NOW");
    let row = (await getPublicInstitution((await getLivePublication("18"))!, world.institutions.sabaeClinic.id))!;
    expect(row).toMatchObject({ revision: 1, f2i: true, f2ro: false });
    await confirmSubmission(officer, world.submissions.sabaeSubmission.id, { revision: 2 });
    row = (await getPublicInstitution((await getLivePublication("18"))!, world.institutions.sabaeClinic.id))!;
    expect(row.revision).toBe(1);
    await runPublication(cycleId, "NOW");
    row = (await getPublicInstitution((await getLivePublication("18"))!, world.institutions.sabaeClinic.id))!;
    expect(row).toMatchObject({ revision: 2, f2i: false, f2ro: true });
    expect(row.detail.functions.f2ro.mode).toBe("self");
  });

  it("council results are open data: published records of the 年度 only — never 合意済, a draft or another 年度", async () => {
    const live = (await getLivePublication("18"))!;
    const councilJson = async () =>
      JSON.parse(new TextDecoder().decode((await openDataFile(live, "councils.json"))!.bytes)) as {
        meta: { title: string; fiscalYear: number };
        records: Record<string, string | number | null>[];
      };
    const getFile = (file: string, etag?: string) =>
      openDataRoute(
        new Request(`http://renkei.test/api/v1/public/18/open-data/2025/${file}`, {
          headers: etag ? { "if-none-match": etag } : {},
        }),
        { params: Promise.resolve({ prefCode: "18", fiscalYear: "2025", file }) },
      );
    // 丹南 and 福井・坂井 are 合意済 (world), 嶺南 a draft with a measure, 福井・坂井 令和6年度 公表.
    const reinan = await startCouncilRecord(world.viewers.fukuiPrefecture, world.zones.reinan.id, 2025);
    await db.councilMeasure.create({
      data: { recordId: reinan.id, title: "嶺南: 下書きの対応策", ownerBody: "MUNICIPALITY" },
    });
    await db.councilRecord.create({
      data: {
        prefectureCode: "18",
        zoneId: world.zones.fukuiSakai.id,
        fiscalYear: 2024,
        vision: "前年度に公表した福井・坂井の目指す姿",
        status: "PUBLISHED",
        agreedAt: new Date(),
        publishedAt: new Date(),
      },
    });
    expect((await councilJson()).records).toEqual([]);
    const before = await getFile("councils.csv");
    expect(before.status).toBe(200);
    const etagBefore = before.headers.get("etag")!;

    // The 丹南 council publishes its record with a meeting.
    const tannanId = world.councilRecords.tannan.record.id;
    await updateCouncilRecord(world.viewers.tannanCouncil, tannanId, {
      vision: "在宅医療を受けられる丹南",
      meetings: [
        { date: "2025-07-15", agenda: "対応策の決定", attendees: [{ body: "MUNICIPALITY", count: "3", names: "" }] },
      ],
      status: "PUBLISHED",
    });
    const json = await councilJson();
    expect(json.meta.fiscalYear).toBe(2025);
    expect(json.meta.title).toContain("協議の場の協議の結果");
    expect(json.records).toHaveLength(1);
    expect(json.records[0]).toMatchObject({
      zoneCode: world.zones.tannan.code,
      zoneName: "丹南",
      fiscalYear: 2025,
      meetingDates: "2025-07-15",
      meetings: "2025年7月15日　出席: 市町村 3名　議題: 対応策の決定",
      vision: "在宅医療を受けられる丹南",
      issue: "丹南: 1号機能を持つ医療機関が少ない",
      causeMedical: "院内掲示の準備が遅れている",
      measure: "丹南: 院内掲示の様式を配布する",
      ownerBody: "郡市医師会",
      status: "未着手",
    });
    expect(json.records[0]!.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const everything = JSON.stringify(json);
    for (const absent of ["福井・坂井", "嶺南", "前年度に公表した"]) expect(everything).not.toContain(absent);

    // Served at the stable URL; the ETag moves with the content although the run did not change.
    const after = await getFile("councils.csv", etagBefore);
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etagBefore);
    const text = await after.text();
    expect(text).toContain("丹南: 院内掲示の様式を配布する");
    expect(text).not.toContain("嶺南: 下書きの対応策");
    expect((await getFile("councils.csv", after.headers.get("etag")!)).status).toBe(304);
    expect((await getFile("councils.json")).headers.get("content-type")).toContain("application/json");

    // The per-zone CSV beside the public page prints the same columns, ① meetings and 公表日 included.
    const zoneCsv = await councilCsvRoute(new Request("http://renkei.test/"), {
      params: Promise.resolve({ prefCode: "18", zoneCode: world.zones.tannan.code, fiscalYear: "2025" }),
    });
    expect(zoneCsv.status).toBe(200);
    const read = await readTableFile({ name: "council.csv", bytes: new Uint8Array(await zoneCsv.arrayBuffer()) });
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.table.rows[0]!.cells).toEqual(COUNCIL_COLUMNS.map((c) => c.header));
      expect(read.table.rows.slice(1).map((r) => r.cells)).toEqual(
        json.records.map((r) => COUNCIL_COLUMNS.map((c) => csvCell(r[c.key] ?? null))),
      );
    }

    // Set back to 作成中, the record leaves the open data at once; published again, it returns.
    await updateCouncilRecord(world.viewers.tannanCouncil, tannanId, {
      vision: "在宅医療を受けられる丹南",
      meetings: [],
      status: "DRAFT",
    });
    expect((await councilJson()).records).toEqual([]);
    await updateCouncilRecord(world.viewers.tannanCouncil, tannanId, {
      vision: "在宅医療を受けられる丹南",
      meetings: [
        { date: "2025-07-15", agenda: "対応策の決定", attendees: [{ body: "MUNICIPALITY", count: "3", names: "" }] },
      ],
      status: "PUBLISHED",
    });
    expect((await councilJson()).records.map((r) => r.measure)).toEqual(["丹南: 院内掲示の様式を配布する"]);
  });

  it("the open-data CSV (UTF-8 and Shift_JIS) re-parses to the same rows as the JSON", async () => {
    const live = (await getLivePublication("18"))!;
    for (const table of ["institutions", "municipalities", "zones", "councils"] as const) {
      const json = JSON.parse(new TextDecoder().decode((await openDataFile(live, `${table}.json`))!.bytes));
      expect(json.meta.licence.key).toBe("CC-BY-4.0");
      expect(json.records.length).toBeGreaterThan(0);
      const expected = json.records.map((r: Record<string, string | number | boolean | null>) =>
        OPEN_DATA_TABLES[table].columns.map((c) => csvCell(r[c.key] ?? null)),
      );
      for (const file of [`${table}.csv`, `${table}-sjis.csv`]) {
        const bytes = (await openDataFile(live, file))!.bytes;
        const read = await readTableFile({ name: file, bytes });
        expect(read.ok).toBe(true);
        if (!read.ok) continue;
        expect(read.table.rows[0]!.cells).toEqual(OPEN_DATA_TABLES[table].columns.map((c) => c.header));
        expect(read.table.rows.slice(1).map((r) => r.cells)).toEqual(expected);
      }
    }
  });

  it("another prefecture's officer can neither see nor change the publication", async () => {
    const foreign = world.viewers.ishikawaPrefecture;
    // Thunks, started one at a time: a promise created before its turn could reject unobserved.
    for (const work of [
      () => schedulePublication(foreign, cycleId, { publishOn: "2030-04-30", licence: "CC-BY-4.0" }),
      () => publishNow(foreign, cycleId),
      () => withdrawPublication(foreign, cycleId, { reason: "x" }),
      () => holdInstitution(foreign, cycleId, { institutionId: world.institutions.sabaeClinic.id, reason: "x" }),
      () => getPublicationPanel(foreign, cycleId),
    ])
      expect((await errorOf(work()))?.code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          holdInstitution(world.viewers.fukuiPrefecture, cycleId, {
            institutionId: world.institutions.kanazawaClinic.id,
            reason: "x",
          }),
        )
      )?.code,
    ).toBe("NOT_FOUND");
    expect((await errorOf(withdrawPublication(world.viewers.fukuiPrefecture, cycleId, { reason: " " })))?.code).toBe(
      "INVALID_INPUT",
    );
  });

  it("withdrawal removes every page and open-data row; a new run publishes again", async () => {
    const officer = world.viewers.fukuiPrefecture;
    const before = (await getLivePublication("18"))!;
    await withdrawPublication(officer, cycleId, { reason: "集計の誤り" });
    expect(await getLivePublication("18")).toBeNull();
    expect(await db.publishedInstitution.count({ where: { run: { cycleId } } })).toBe(0);
    expect(before.institutionCount).toBe(2);
    expect(await runPublication(cycleId, "SCHEDULED")).toEqual({ ran: false, reason: "not-scheduled" });
    const again = await runPublication(cycleId, "NOW");
    expect(again.ran).toBe(true);
    expect((await getLivePublication("18"))?.institutionCount).toBe(2);
    const actions = (await db.auditEvent.findMany({ where: { action: { startsWith: "publication." } } })).map(
      (e) => e.action,
    );
    expect(new Set(actions)).toEqual(
      new Set([
        "publication.schedule",
        "publication.publish_now",
        "publication.run",
        "publication.hold",
        "publication.release",
        "publication.withdraw",
      ]),
    );
  });
});
