// A small two-prefecture world for integration tests: enough rows of every kind to prove that
// each role sees and changes only what it may. Built through the real schema and services.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { loadViewer } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TAnswers } from "@/lib/questionnaire/answers";
import type { Prisma } from "@/lib/db";
import { buildDefinition, FUNCTION1_MET, miniClinicDefinition, section } from "./questionnaire";
import { publishForWorld } from "./publication";
import { councilRecordsForWorld } from "./council-records";

export const WORLD_PASSWORD = "world-password-123";

let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}-${Date.now().toString(36)}`;

export type TWorld = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const tag = unique("w");
  const passwordHash = await hashPassword(WORLD_PASSWORD);

  await db.municipality.createMany({
    data: [
      {
        code: "182010",
        prefectureCode: "18",
        name: "福井市",
        populationTotal: 257_000,
        population65: 76_000,
        population75: 41_000,
      },
      {
        code: "182079",
        prefectureCode: "18",
        name: "鯖江市",
        populationTotal: 68_500,
        population65: 19_000,
        population75: 9_900,
      },
      {
        code: "182095",
        prefectureCode: "18",
        name: "越前市",
        populationTotal: 80_000,
        population65: 25_000,
        population75: 13_200,
      },
      {
        code: "182028",
        prefectureCode: "18",
        name: "敦賀市",
        populationTotal: 63_000,
        population65: 18_500,
        population75: 9_600,
      },
      {
        code: "172014",
        prefectureCode: "17",
        name: "金沢市",
        populationTotal: 440_000,
        population65: 120_000,
        population75: 64_000,
      },
    ],
    skipDuplicates: true,
  });

  const scheme = await db.zoneScheme.create({
    data: { prefectureCode: "18", name: `二次医療圏 ${tag}`, kind: "SECONDARY_MEDICAL_AREA", isDefault: true },
  });
  const zone = (code: string, name: string, municipalities: string[], schemeId = scheme.id) =>
    db.zone.create({
      data: {
        schemeId,
        code,
        name,
        municipalities: { create: municipalities.map((m) => ({ municipalityCode: m, schemeId })) },
      },
    });
  const tannan = await zone("1803", "丹南", ["182079", "182095"]);
  const fukuiSakai = await zone("1801", "福井・坂井", ["182010"]);
  const reinan = await zone("1804", "嶺南", ["182028"]);
  const homeScheme = await db.zoneScheme.create({
    data: { prefectureCode: "18", name: `在宅医療の圏域 ${tag}`, kind: "HOME_CARE_AREA" },
  });
  const homeTannan = await zone("H4", "丹南在宅", ["182079", "182095"], homeScheme.id);
  const homeFukui = await zone("H1", "福井在宅", ["182010"], homeScheme.id);
  const ishikawaScheme = await db.zoneScheme.create({
    data: { prefectureCode: "17", name: `二次医療圏 ${tag}`, kind: "SECONDARY_MEDICAL_AREA", isDefault: true },
  });
  const kanazawa = await zone("1701", "石川中央", ["172014"], ishikawaScheme.id);

  const institution = (name: string, municipalityCode: string, kind: "HOSPITAL" | "CLINIC", n: number) =>
    db.institution.create({
      data: {
        code: buildInstitutionCode(municipalityCode.slice(0, 2), `${String(n).padStart(6, "0")}`),
        name: `${name} ${tag}`,
        kind,
        beds: kind === "HOSPITAL" ? 120 : 0,
        prefectureCode: municipalityCode.slice(0, 2),
        municipalityCode,
        contactEmail: `${name}@example.jp`,
      },
    });
  const base = sequence * 100;
  const sabaeClinic = await institution("鯖江クリニック", "182079", "CLINIC", base + 1);
  const echizenHospital = await institution("越前病院", "182095", "HOSPITAL", base + 2);
  const fukuiClinic = await institution("福井クリニック", "182010", "CLINIC", base + 3);
  const tsurugaClinic = await institution("敦賀クリニック", "182028", "CLINIC", base + 4);
  const kanazawaClinic = await institution("金沢クリニック", "172014", "CLINIC", base + 5);

  const hub = (name: string, prefectureCode: string, zoneId: string) =>
    db.hub.create({ data: { name: `${name} ${tag}`, operatorType: "MEDICAL_ASSOCIATION", prefectureCode, zoneId } });
  const tannanHub = await hub("丹南拠点", "18", homeTannan.id);
  const fukuiHub = await hub("福井拠点", "18", homeFukui.id);
  const kanazawaHub = await hub("金沢拠点", "17", kanazawa.id);

  const clinicDef = miniClinicDefinition();
  const hubDef = buildDefinition({
    kind: "HUB_SELF_ASSESSMENT",
    versionKey: `test-hub-${tag}`,
    sections: [
      section(
        "d1",
        [{ key: "d1_meeting", type: "yesno", label: "連携会議の開催", required: true, basis: "required" }],
        { scoreGroup: "duty1" },
      ),
    ],
  });
  const clinicVersion = await registerDefinition(
    null,
    { ...clinicDef, versionKey: `test-clinic-${tag}` },
    { publish: true },
  );
  const hubVersion = await registerDefinition(null, hubDef, { publish: true });

  const now = Date.now();
  const cycle = (prefectureCode: string, kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT", versionId: string) =>
    db.reportingCycle.create({
      data: {
        prefectureCode,
        kind,
        fiscalYear: 2025,
        questionnaireVersionId: versionId,
        status: "OPEN",
        opensAt: new Date(now - 10 * 86_400_000),
        closesAt: new Date(now + 30 * 86_400_000),
      },
    });
  const fukuiClinicCycle = await cycle("18", "CLINIC_REPORT", clinicVersion.versionId);
  const ishikawaClinicCycle = await cycle("17", "CLINIC_REPORT", clinicVersion.versionId);
  const fukuiHubCycle = await cycle("18", "HUB_SELF_ASSESSMENT", hubVersion.versionId);

  const submitted: TAnswers = { ...FUNCTION1_MET, i_rota: "2", ro_beds: "0" };
  const submission = async (
    cycleRow: { id: string; questionnaireVersionId: string; prefectureCode: string },
    respondent: { institutionId: string } | { hubId: string },
    status: "DRAFT" | "SUBMITTED",
    answers: TAnswers,
  ) => {
    const derived = computeStoredDerived(clinicDef, answers) as unknown as Prisma.InputJsonValue;
    return db.submission.create({
      data: {
        cycleId: cycleRow.id,
        questionnaireVersionId: cycleRow.questionnaireVersionId,
        prefectureCode: cycleRow.prefectureCode,
        ...respondent,
        status,
        answers: answers as Prisma.InputJsonValue,
        ...(status === "SUBMITTED"
          ? {
              revision: 1,
              derived,
              submittedAt: new Date(),
              revisions: { create: { revision: 1, answers: answers as Prisma.InputJsonValue, derived } },
            }
          : {}),
      },
    });
  };
  const sabaeSubmission = await submission(fukuiClinicCycle, { institutionId: sabaeClinic.id }, "SUBMITTED", submitted);
  const sabaeDraftNeighbour = await submission(fukuiClinicCycle, { institutionId: echizenHospital.id }, "DRAFT", {
    f1_notice: true,
  });
  const fukuiSubmission = await submission(fukuiClinicCycle, { institutionId: fukuiClinic.id }, "SUBMITTED", submitted);
  const kanazawaSubmission = await submission(
    ishikawaClinicCycle,
    { institutionId: kanazawaClinic.id },
    "SUBMITTED",
    submitted,
  );
  const tannanHubSubmission = await submission(fukuiHubCycle, { hubId: tannanHub.id }, "SUBMITTED", {});

  const user = async (role: Prisma.UserCreateInput["role"], extra: Partial<Prisma.UserUncheckedCreateInput> = {}) => {
    const created = await db.user.create({
      data: { email: `${unique(role.toLowerCase())}@example.jp`, name: `${role} ${tag}`, passwordHash, role, ...extra },
    });
    return created;
  };
  const users = {
    sabaeClinic: await user("INSTITUTION", { institutionId: sabaeClinic.id }),
    kanazawaClinic: await user("INSTITUTION", { institutionId: kanazawaClinic.id }),
    tannanHub: await user("HUB", { hubId: tannanHub.id }),
    fukuiPrefecture: await user("PREFECTURE", { prefectureCode: "18" }),
    ishikawaPrefecture: await user("PREFECTURE", { prefectureCode: "17" }),
    tannanCouncil: await user("COUNCIL", { prefectureCode: "18", zones: { create: [{ zoneId: tannan.id }] } } as never),
    admin: await user("ADMIN"),
  };
  const viewers = Object.fromEntries(
    await Promise.all(Object.entries(users).map(async ([key, u]) => [key, (await loadViewer(u.id))!] as const)),
  ) as Record<keyof typeof users, TViewer>;

  // --- publication --- (石川 published; 福井 left to the tests that publish it)
  const publication = await publishForWorld(ishikawaClinicCycle, kanazawaClinic, kanazawa);
  // --- council-loop --- (丹南 and 福井・坂井 合意済, 石川中央 作成中; tests/factories/council-records.ts)
  const councilRecords = await councilRecordsForWorld({ tannan, fukuiSakai, kanazawa });

  return {
    publication,
    councilRecords,
    zones: { tannan, fukuiSakai, reinan, homeTannan, homeFukui, kanazawa },
    institutions: { sabaeClinic, echizenHospital, fukuiClinic, tsurugaClinic, kanazawaClinic },
    hubs: { tannanHub, fukuiHub, kanazawaHub },
    cycles: { fukuiClinicCycle, ishikawaClinicCycle, fukuiHubCycle },
    submissions: { sabaeSubmission, sabaeDraftNeighbour, fukuiSubmission, kanazawaSubmission, tannanHubSubmission },
    users,
    viewers,
  };
}
