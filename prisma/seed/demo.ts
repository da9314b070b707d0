// Demo data: 福井県 with fictional institutions, hubs, accounts and two yearly cycles of each
// questionnaire, so every screen has something real to show. Deterministic (fixed random seed);
// dates of the open cycle are relative to `now`, so the demo is always "during the cycle".
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { db, type Prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/lib/demo-accounts";
import { sealTotpSecret } from "@/lib/services/two-factor";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { registerDefinition } from "@/lib/services/questionnaire-versions";
import { getDefinition } from "@/lib/data/questionnaires";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TAnswers, TPartner } from "@/lib/questionnaire/answers";
import { auditRow } from "@/lib/services/audit";
import { refreshPlannerStatistics } from "@/lib/services/bulk";
import { recountClinicCounters } from "@/lib/services/counters";
import { seedDemoPublication } from "./publication";
import { createRandom, type TRandom } from "./random";
import { seedCouncilRecords } from "./council-records";
import { createNameFactory, demoAddress, demoPhone, demoPostalCode } from "./names";
import { generateAnswers, truncateToDraft, type TAnswerProfile } from "./answers";
import { functionPropensities, planFunctions, regionalOffsets } from "./function-plan";
import { referenceDateOf } from "@/lib/domain/suspension";
import {
  DEMO_POPULATION_SOURCE,
  DEMO_POPULATION_YEAR,
  FUKUI_HOME_CARE_AREAS,
  FUKUI_HUBS,
  FUKUI_MUNICIPALITIES,
  FUKUI_PREFECTURE_CODE,
  FUKUI_SECONDARY_AREAS,
  TOTAL_DEMO_CLINICS,
  type TDemoZone,
} from "./fukui";

export const QUESTIONNAIRE_DIR = path.join(process.cwd(), "prisma", "questionnaires");

export const DEMO_VERSION_KEYS = {
  clinicPrevious: "clinic-report-r6-demo",
  clinicCurrent: "clinic-report-r7-v1",
  hubPrevious: "hub-self-assessment-r6-demo",
  hubCurrent: "hub-self-assessment-r7-v1",
  clinicNext: "clinic-report-r8-v1",
  hubNext: "hub-self-assessment-r8-v1",
} as const;

/** The demo clinic that clinic@demo.renkei.jp belongs to (丹南・鯖江市). */
export const DEMO_CLINIC_NAME = "さくら内科クリニック";
export const DEMO_CLINIC_MUNICIPALITY = "鯖江市";

const DAY = 86_400_000;

export async function isDatabaseSeeded(): Promise<boolean> {
  return (await db.prefecture.count()) > 0;
}

/** All 47 prefectures; every database has them, demo or not. */
export async function seedPrefectures(): Promise<void> {
  await db.prefecture.createMany({
    data: PREFECTURES.map((p) => ({ code: p.code, name: p.name })),
    skipDuplicates: true,
  });
}

/** Registers and publishes every definition file shipped in prisma/questionnaires. */
export async function seedQuestionnaires(): Promise<Map<string, string>> {
  const files = readdirSync(QUESTIONNAIRE_DIR).filter((f) => f.endsWith(".json"));
  const raws = files.map(
    (file) =>
      JSON.parse(readFileSync(path.join(QUESTIONNAIRE_DIR, file), "utf8")) as {
        versionKey: string;
        fiscalYear: number;
      },
  );
  // Older versions first: a version naming a `previous` needs it registered.
  raws.sort((a, b) => a.fiscalYear - b.fiscalYear || a.versionKey.localeCompare(b.versionKey));
  const ids = new Map<string, string>();
  for (const raw of raws) {
    const result = await registerDefinition(null, raw, { publish: true });
    ids.set(result.versionKey, result.versionId);
  }
  return ids;
}

export async function seedDemo({ now = new Date() }: { now?: Date } = {}): Promise<void> {
  const random = createRandom("renkei-demo-fukui");
  await seedPrefectures();
  await db.prefecture.update({ where: { code: FUKUI_PREFECTURE_CODE }, data: { isDemo: true } });
  const versionIds = await seedQuestionnaires();

  // --- municipalities and zones ---
  await db.municipality.createMany({
    data: FUKUI_MUNICIPALITIES.map((m) => ({
      code: m.code,
      prefectureCode: FUKUI_PREFECTURE_CODE,
      name: m.name,
      populationTotal: m.total,
      population65: m.aged65,
      population75: m.aged75,
      populationSource: DEMO_POPULATION_SOURCE,
      populationYear: DEMO_POPULATION_YEAR,
    })),
  });
  const codeByName = new Map(FUKUI_MUNICIPALITIES.map((m) => [m.name, m.code]));
  const secondaryZones = await createScheme(
    "二次医療圏",
    "SECONDARY_MEDICAL_AREA",
    true,
    FUKUI_SECONDARY_AREAS,
    codeByName,
  );
  const homeCareZones = await createScheme(
    "在宅医療の圏域",
    "HOME_CARE_AREA",
    false,
    FUKUI_HOME_CARE_AREAS,
    codeByName,
  );

  // --- institutions ---
  const names = createNameFactory(random.fork("names"));
  const institutions: Prisma.InstitutionCreateManyInput[] = [];
  const nextNumber = new Map<string, number>();
  const newCode = (municipalityCode: string) => {
    // 郡市区番号: a stable two digits per municipality; then a 4-digit number per institution.
    const district = String(FUKUI_MUNICIPALITIES.findIndex((m) => m.code === municipalityCode) + 1).padStart(2, "0");
    const n = (nextNumber.get(district) ?? 100) + random.int(1, 7);
    nextNumber.set(district, n);
    return buildInstitutionCode(FUKUI_PREFECTURE_CODE, `${district}${String(n).padStart(4, "0")}`);
  };
  const addInstitution = (kind: "HOSPITAL" | "CLINIC", municipalityName: string, name: string) => {
    const municipality = FUKUI_MUNICIPALITIES.find((m) => m.name === municipalityName)!;
    const r = random.fork(name);
    institutions.push({
      code: newCode(municipality.code),
      name,
      kind,
      beds:
        kind === "HOSPITAL"
          ? r.weighted([
              [r.int(50, 99), 3],
              [r.int(100, 199), 4],
              [r.int(200, 450), 2],
            ])
          : r.chance(0.08)
            ? 19
            : 0,
      postalCode: demoPostalCode(r),
      address: demoAddress(r, municipalityName),
      phone: demoPhone(r, municipality.areaCode),
      contactEmail: `info-${institutions.length + 1}@demo-iryo.example.jp`,
      prefectureCode: FUKUI_PREFECTURE_CODE,
      municipalityCode: municipality.code,
    });
  };
  addInstitution("CLINIC", DEMO_CLINIC_MUNICIPALITY, DEMO_CLINIC_NAME);
  for (const zone of FUKUI_SECONDARY_AREAS) {
    const members = FUKUI_MUNICIPALITIES.filter((m) => zone.municipalities.includes(m.name));
    for (let i = 0; i < zone.hospitals; i++) {
      // Hospitals sit mostly in the larger towns of the zone.
      const municipality = random.weighted(members.map((m) => [m, m.total] as const));
      addInstitution("HOSPITAL", municipality.name, names.hospital());
    }
  }
  const clinicShares = apportion(
    TOTAL_DEMO_CLINICS,
    FUKUI_MUNICIPALITIES.map((m) => m.total),
  );
  FUKUI_MUNICIPALITIES.forEach((municipality, index) => {
    const already = institutions.filter((i) => i.municipalityCode === municipality.code && i.kind === "CLINIC").length;
    for (let i = already; i < clinicShares[index]!; i++) addInstitution("CLINIC", municipality.name, names.clinic());
  });
  await db.institution.createMany({ data: institutions });
  const allInstitutions = await db.institution.findMany({ orderBy: { code: "asc" } });
  const demoClinic = allInstitutions.find((i) => i.name === DEMO_CLINIC_NAME)!;

  // --- hubs ---
  for (const hub of FUKUI_HUBS) {
    await db.hub.create({
      data: {
        name: hub.name,
        operatorType: hub.operatorType,
        operatorName: hub.operatorName,
        prefectureCode: FUKUI_PREFECTURE_CODE,
        zoneId: homeCareZones.get(hub.zoneCode)!,
        contactEmail: `hub-${hub.zoneCode.toLowerCase()}@demo-kyoten.example.jp`,
      },
    });
  }
  const hubs = await db.hub.findMany({ orderBy: { name: "asc" } });
  const demoHub = hubs.find((h) => h.zoneId === homeCareZones.get("H4"))!;

  // --- demo accounts ---
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const scopeOf = (role: (typeof DEMO_ACCOUNTS)[number]["role"]) => {
    switch (role) {
      case "admin":
        return { role: "ADMIN" as const };
      case "prefecture":
        return { role: "PREFECTURE" as const, prefectureCode: FUKUI_PREFECTURE_CODE };
      case "council":
        return {
          role: "COUNCIL" as const,
          prefectureCode: FUKUI_PREFECTURE_CODE,
          zones: { create: [{ zoneId: secondaryZones.get("1803")! }] },
        };
      case "institution":
        return { role: "INSTITUTION" as const, institutionId: demoClinic.id };
      case "hub":
        return { role: "HUB" as const, hubId: demoHub.id };
    }
  };
  const accountNames: Record<string, string> = {
    admin: "全国 管理者",
    prefecture: "福井 県子",
    council: "丹南 協議委員",
    institution: "さくら 事務長",
    hub: "丹南 拠点担当",
  };
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.create({
      data: { email: account.email, name: accountNames[account.role]!, passwordHash, ...scopeOf(account.role) },
    });
    // The officer and the administrator must use a second factor: the documented demo secret,
    // sealed with this installation's key (the seed runs with the app's NEXTAUTH_SECRET).
    if ("totp" in account) {
      await db.user.update({
        where: { id: user.id },
        data: { totpSecret: sealTotpSecret(DEMO_TOTP_SECRET, user.id), totpEnabledAt: new Date() },
      });
    }
  }

  // --- cycles and submissions ---
  const partnerPool: TPartner[] = allInstitutions
    .filter((i) => i.kind === "HOSPITAL")
    .map((i) => ({ code: i.code, name: i.name }));
  const endOfDayJst = (date: Date) =>
    new Date(Math.floor((date.getTime() + 9 * 3600_000) / DAY) * DAY + DAY - 9 * 3600_000 - 1);

  const clinicPrevious = await createCycle(
    "CLINIC_REPORT",
    2024,
    versionIds.get(DEMO_VERSION_KEYS.clinicPrevious)!,
    "CLOSED",
    {
      requestDate: new Date("2024-11-15T00:00:00+09:00"),
      opensAt: new Date("2025-01-06T00:00:00+09:00"),
      closesAt: new Date("2025-03-31T23:59:59+09:00"),
      publishAt: new Date("2025-04-30T00:00:00+09:00"),
    },
  );
  const currentWindow = {
    requestDate: new Date(now.getTime() - 40 * DAY),
    opensAt: new Date(now.getTime() - 30 * DAY),
    closesAt: endOfDayJst(new Date(now.getTime() + 75 * DAY)),
    publishAt: new Date(now.getTime() + 105 * DAY),
  };
  const clinicCurrent = await createCycle(
    "CLINIC_REPORT",
    2025,
    versionIds.get(DEMO_VERSION_KEYS.clinicCurrent)!,
    "OPEN",
    currentWindow,
  );
  const hubPrevious = await createCycle(
    "HUB_SELF_ASSESSMENT",
    2024,
    versionIds.get(DEMO_VERSION_KEYS.hubPrevious)!,
    "CLOSED",
    {
      requestDate: new Date("2024-11-15T00:00:00+09:00"),
      opensAt: new Date("2025-01-06T00:00:00+09:00"),
      closesAt: new Date("2025-03-31T23:59:59+09:00"),
      publishAt: new Date("2025-04-30T00:00:00+09:00"),
    },
  );
  const hubCurrent = await createCycle(
    "HUB_SELF_ASSESSMENT",
    2025,
    versionIds.get(DEMO_VERSION_KEYS.hubCurrent)!,
    "OPEN",
    currentWindow,
  );

  // 令和8年度 on the new versions: the clinic report is open beside 令和7年度 so the demo clinic
  // can try it (前年度 = 令和7年度); the hub self-assessment is set up but not yet opened, so the
  // councils' hub pages keep reading 令和7年度.
  const clinicNext = await createCycle(
    "CLINIC_REPORT",
    2026,
    versionIds.get(DEMO_VERSION_KEYS.clinicNext)!,
    "OPEN",
    currentWindow,
  );
  await createCycle("HUB_SELF_ASSESSMENT", 2026, versionIds.get(DEMO_VERSION_KEYS.hubNext)!, "PREPARING", {
    ...currentWindow,
    opensAt: new Date(currentWindow.closesAt.getTime() + DAY),
    closesAt: new Date(currentWindow.closesAt.getTime() + 90 * DAY),
    publishAt: new Date(currentWindow.closesAt.getTime() + 120 * DAY),
  });

  const prefectureUser = await db.user.findUniqueOrThrow({ where: { email: "pref@demo.renkei.jp" } });
  const defs = {
    clinicPrevious: await getDefinition(clinicPrevious.questionnaireVersionId),
    clinicCurrent: await getDefinition(clinicCurrent.questionnaireVersionId),
    hubPrevious: await getDefinition(hubPrevious.questionnaireVersionId),
    hubCurrent: await getDefinition(hubCurrent.questionnaireVersionId),
  };

  const writer = createSubmissionWriter(prefectureUser.id, partnerPool);
  const ndbItems = defs.clinicCurrent.sections.flatMap((s) => s.items).filter((item) => item.ndbPrefill);
  const ndbRows: Prisma.NdbPrefillCreateManyInput[] = [];
  // Each zone differs a little from the prefecture in which functions its institutions have.
  const zoneOfMunicipality = new Map(
    FUKUI_SECONDARY_AREAS.flatMap((zone) => zone.municipalities.map((m) => [codeByName.get(m)!, zone.code] as const)),
  );
  const zoneOffsets = new Map(
    FUKUI_SECONDARY_AREAS.map((z) => [z.code, regionalOffsets(random.fork(`zone-${z.code}`))]),
  );
  const notStarted: string[] = [];
  for (const institution of allInstitutions) {
    const r = random.fork(`inst-${institution.code}`);
    const engagement = 0.2 + r.next() * 0.8;
    const kind = institution.kind;
    const isDemoClinic = institution.id === demoClinic.id;
    const shape = { kind, beds: institution.beds };
    // clinic@demo is a typical active clinic: 1号, 時間外, 在宅 and 介護連携, and wants to do 入退院.
    const propensities = isDemoClinic
      ? { f1: 0, f2i: 0.1, f2ro: 0.27, f2ha: 0.1, f2ni: 0.1 }
      : functionPropensities(r.fork("functions"));
    const regional = zoneOffsets.get(zoneOfMunicipality.get(institution.municipalityCode)!);
    const planned = (yearIndex: number) => ({
      institution: shape,
      functions: planFunctions({ institution: shape, propensities, yearIndex, regional }),
    });
    // Last year: most institutions reported, and most reports were confirmed.
    if (isDemoClinic || r.chance(0.9)) {
      writer.add({
        cycle: clinicPrevious,
        def: defs.clinicPrevious,
        respondent: { institutionId: institution.id },
        profile: { kind, engagement, planned: planned(0) },
        random: r.fork("previous"),
        outcome: isDemoClinic || r.chance(0.8) ? "CONFIRMED" : "SUBMITTED",
        submittedAt: new Date(clinicPrevious.opensAt.getTime() + r.int(5, 80) * DAY),
      });
    }
    // NDB pre-printed counts for this year: the institution's claims, from the same plan as its
    // answers (with 1号 taken as 有り so every 2号 count is drawn: NDB holds the claims whether or
    // not the institution reports 1号). Most respondents keep them, a few correct them.
    const current = planned(1);
    const answersRandom = r.fork("current-answers");
    const claims = generateAnswers(defs.clinicCurrent, {
      random: answersRandom.fork("answers"),
      profile: { kind, engagement, planned: { ...current, functions: { ...current.functions, f1: "has" } } },
      partnerPool,
    });
    const ndb: Record<string, number> = {};
    for (const item of ndbItems) {
      const claimed = claims[item.key];
      const value = typeof claimed === "number" ? claimed : 0;
      ndb[item.key] = value;
      ndbRows.push({ cycleId: clinicCurrent.id, institutionId: institution.id, itemKey: item.key, value });
    }
    // This year: a mix of not started, drafts, submitted, confirmed and returned.
    if (isDemoClinic) continue; // clinic@demo starts its report in the browser.
    const roll = r.next();
    const outcome =
      roll < 0.26 ? null : roll < 0.46 ? "DRAFT" : roll < 0.8 ? "SUBMITTED" : roll < 0.95 ? "CONFIRMED" : "RETURNED";
    if (!outcome) {
      notStarted.push(institution.id);
      continue;
    }
    writer.add({
      cycle: clinicCurrent,
      def: defs.clinicCurrent,
      respondent: { institutionId: institution.id },
      profile: {
        kind,
        engagement: Math.min(1, engagement + 0.05 + (r.next() - 0.5) * 0.1),
        // A correction changes a count, never turns a zero (no claim) into a claim.
        fixed: r.chance(0.9)
          ? ndb
          : Object.fromEntries(Object.entries(ndb).map(([k, v]) => [k, v > 0 ? v + r.int(1, 9) : 0])),
        planned: current,
      },
      // The same random stream as the claims: the item that carries each function is the same.
      random: answersRandom.fork("answers"),
      outcome,
      submittedAt: new Date(Math.min(now.getTime() - DAY, clinicCurrent.opensAt.getTime() + r.int(1, 25) * DAY)),
    });
  }
  hubs.forEach((hub, index) => {
    const r = random.fork(`hub-${hub.id}`);
    const engagement = 0.35 + r.next() * 0.5;
    const fixed = { hubOperatorType: hub.operatorType };
    writer.add({
      cycle: hubPrevious,
      def: defs.hubPrevious,
      respondent: { hubId: hub.id },
      profile: { kind: "HUB", engagement, fixed },
      random: r.fork("previous"),
      outcome: "CONFIRMED",
      submittedAt: new Date(hubPrevious.opensAt.getTime() + r.int(10, 70) * DAY),
    });
    if (hub.id === demoHub.id) return; // hub@demo completes this year's self-assessment itself.
    writer.add({
      cycle: hubCurrent,
      def: defs.hubCurrent,
      respondent: { hubId: hub.id },
      profile: { kind: "HUB", engagement: Math.min(1, engagement + 0.1), fixed },
      random: r.fork("current"),
      outcome: index % 2 === 0 ? "SUBMITTED" : "DRAFT",
      submittedAt: new Date(now.getTime() - r.int(2, 20) * DAY),
    });
  });
  await writer.flush();
  // One clinic that has not started is 休院 on this cycle's 1 January: outside the denominator.
  const suspended = allInstitutions.find((i) => i.kind === "CLINIC" && notStarted.includes(i.id));
  if (suspended) {
    await db.institution.update({
      where: { id: suspended.id },
      data: { suspendedSince: referenceDateOf(clinicCurrent.fiscalYear), suspensionReason: "院長の療養のため（架空）" },
    });
  }
  await db.ndbPrefill.createMany({ data: ndbRows });
  await seedNextYearNdb(clinicCurrent.id, clinicNext);
  for (const cycle of [clinicPrevious, clinicCurrent, clinicNext]) await recountClinicCounters(cycle.id);
  await refreshPlannerStatistics(db);
  // 令和6年度 council records of 丹南 and 嶺南: 令和7年度 shows their progress (ADR 0018).
  await seedCouncilRecords(FUKUI_PREFECTURE_CODE, clinicPrevious.fiscalYear, secondaryZones);
  await seedDemoPublication({ published: clinicPrevious.id, scheduled: clinicCurrent.id });

  await db.auditEvent.createMany({
    data: [
      auditRow(null, {
        action: "system.seed_demo",
        entityType: "prefecture",
        entityId: FUKUI_PREFECTURE_CODE,
        prefectureCode: FUKUI_PREFECTURE_CODE,
        summary: `デモデータ（架空）を作成: 医療機関 ${allInstitutions.length}件、拠点 ${hubs.length}件`,
      }),
    ],
  });
}

/**
 * NDB counts for the 令和8年度 cycle: each institution's 令和7年度 NDB value, or else the count it
 * reported for 令和7年度 (so the figures follow whatever rules generated that year), for every item
 * the new version pre-prints.
 */
async function seedNextYearNdb(previousCycleId: string, next: { id: string; questionnaireVersionId: string }) {
  const def = await getDefinition(next.questionnaireVersionId);
  const keys = def.sections.flatMap((s) => s.items).flatMap((item) => (item.ndbPrefill ? [item.key] : []));
  const [ndb, reports] = await Promise.all([
    db.ndbPrefill.findMany({
      where: { cycleId: previousCycleId },
      select: { institutionId: true, itemKey: true, value: true },
    }),
    db.submission.findMany({
      where: { cycleId: previousCycleId, revision: { gt: 0 }, institutionId: { not: null } },
      select: { institutionId: true, answers: true },
    }),
  ]);
  const values = new Map<string, number>();
  for (const report of reports) {
    for (const key of keys) {
      const value = (report.answers as TAnswers)[key];
      if (typeof value === "number") values.set(`${report.institutionId}|${key}`, value);
    }
  }
  for (const row of ndb) if (keys.includes(row.itemKey)) values.set(`${row.institutionId}|${row.itemKey}`, row.value);
  await db.ndbPrefill.createMany({
    data: [...values].map(([id, value]) => {
      const [institutionId, itemKey] = id.split("|") as [string, string];
      return { cycleId: next.id, institutionId, itemKey, value };
    }),
  });
}

/** Splits `total` in proportion to `weights` (largest remainder), at least 1 each. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map((x) => Math.max(1, Math.floor(x)));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; shares.reduce((a, b) => a + b, 0) < total; k++) shares[order[k % order.length]![1]]! += 1;
  return shares;
}

async function createScheme(
  name: string,
  kind: "SECONDARY_MEDICAL_AREA" | "HOME_CARE_AREA",
  isDefault: boolean,
  zones: readonly TDemoZone[],
  codeByName: Map<string, string>,
): Promise<Map<string, string>> {
  const scheme = await db.zoneScheme.create({
    data: { prefectureCode: FUKUI_PREFECTURE_CODE, name, kind, isDefault },
  });
  const ids = new Map<string, string>();
  for (const [index, zone] of zones.entries()) {
    const created = await db.zone.create({
      data: {
        schemeId: scheme.id,
        code: zone.code,
        name: zone.name,
        sortOrder: index + 1,
        municipalities: {
          create: zone.municipalities.map((m) => ({ municipalityCode: codeByName.get(m)!, schemeId: scheme.id })),
        },
      },
    });
    ids.set(zone.code, created.id);
  }
  return ids;
}

type TCycleDates = { requestDate: Date; opensAt: Date; closesAt: Date; publishAt: Date };

function createCycle(
  kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT",
  fiscalYear: number,
  questionnaireVersionId: string,
  status: "OPEN" | "CLOSED" | "PREPARING",
  dates: TCycleDates,
) {
  return db.reportingCycle.create({
    data: { prefectureCode: FUKUI_PREFECTURE_CODE, kind, fiscalYear, questionnaireVersionId, status, ...dates },
  });
}

type TPlannedSubmission = {
  cycle: { id: string; questionnaireVersionId: string; prefectureCode: string };
  def: TQuestionnaireDefinition;
  respondent: { institutionId: string } | { hubId: string };
  profile: TAnswerProfile;
  random: TRandom;
  outcome: "DRAFT" | "SUBMITTED" | "CONFIRMED" | "RETURNED";
  submittedAt: Date;
};

/** Collects planned submissions and writes them in bulk (a few queries, not one per row). */
function createSubmissionWriter(reviewerId: string, partnerPool: TPartner[]) {
  const submissions: Prisma.SubmissionCreateManyInput[] = [];
  const revisions: Prisma.SubmissionRevisionCreateManyInput[] = [];
  return {
    add(plan: TPlannedSubmission) {
      const full = generateAnswers(plan.def, { random: plan.random, profile: plan.profile, partnerPool });
      const id = `demo_${submissions.length.toString(36).padStart(5, "0")}_${plan.cycle.id.slice(-6)}`;
      const base = {
        id,
        cycleId: plan.cycle.id,
        questionnaireVersionId: plan.cycle.questionnaireVersionId,
        prefectureCode: plan.cycle.prefectureCode,
        ...plan.respondent,
      };
      if (plan.outcome === "DRAFT") {
        const draft: TAnswers = truncateToDraft(plan.def, full, plan.random);
        submissions.push({ ...base, status: "DRAFT", answers: draft as Prisma.InputJsonValue, draftVersion: 1 });
        return;
      }
      const derived = computeStoredDerived(plan.def, full) as unknown as Prisma.InputJsonValue;
      const reviewed = plan.outcome === "CONFIRMED" || plan.outcome === "RETURNED";
      submissions.push({
        ...base,
        status: plan.outcome,
        answers: full as Prisma.InputJsonValue,
        draftVersion: 1,
        revision: 1,
        derived,
        submittedAt: plan.submittedAt,
        reviewedAt: reviewed ? new Date(plan.submittedAt.getTime() + 3 * DAY) : null,
        reviewedById: reviewed ? reviewerId : null,
        reviewComment:
          plan.outcome === "RETURNED"
            ? "（イ）の在宅当番医制の参加頻度と時間外加算の算定回数が整合しないため、ご確認のうえ再提出してください。"
            : null,
      });
      revisions.push({
        submissionId: id,
        revision: 1,
        answers: full as Prisma.InputJsonValue,
        derived,
        submittedAt: plan.submittedAt,
      });
    },
    async flush() {
      await db.submission.createMany({ data: submissions });
      await db.submissionRevision.createMany({ data: revisions });
    },
  };
}
