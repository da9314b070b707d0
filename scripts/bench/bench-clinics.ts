// The demo prefecture plus clinics with their own accounts, for the HTTP benchmarks of the
// respondent's write path. Imported after DATABASE_URL points at the benchmark's database.
import { seedDemo } from "../../prisma/seed/demo";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { buildInstitutionCode } from "@/lib/domain/codes";
import { getDefinition } from "@/lib/data/questionnaires";

/**
 * Seeds the demo, then `count` clinics in `municipalityCode` (codes 18<codeDigit>NNNNN, names
 * `${namePrefix}${i}`), each with an institution account `${emailPrefix}-${i}@bench.renkei.jp`,
 * and `padding` more clinics without accounts (a larger municipality). Returns the open clinic
 * cycle, its definition, the clinics in account order and ten hospitals to name as partners.
 */
export async function seedBenchClinics(options: {
  count: number;
  padding?: number;
  namePrefix: string;
  codeDigit: string;
  emailPrefix: string;
  municipalityCode: string;
  password: string;
}) {
  const { count, padding = 0, namePrefix, codeDigit, emailPrefix, municipalityCode, password } = options;
  await seedDemo();
  const cycle = await db.reportingCycle.findFirstOrThrow({
    where: { prefectureCode: "18", kind: "CLINIC_REPORT", status: "OPEN" },
  });
  const definition = await getDefinition(cycle.questionnaireVersionId);
  await db.institution.createMany({
    data: Array.from({ length: count + padding }, (_, i) => ({
      code: buildInstitutionCode("18", `${codeDigit}${String(i).padStart(5, "0")}`),
      name: i < count ? `${namePrefix}${i}` : `${namePrefix}（在籍のみ）${i}`,
      kind: "CLINIC" as const,
      prefectureCode: "18",
      municipalityCode,
    })),
  });
  const clinics = (
    await db.institution.findMany({ where: { name: { startsWith: namePrefix } }, orderBy: { code: "asc" } })
  ).filter((inst) => !inst.name.includes("（在籍のみ）"));
  const passwordHash = await hashPassword(password);
  await db.user.createMany({
    data: clinics.map((inst, i) => ({
      email: `${emailPrefix}-${i}@bench.renkei.jp`,
      name: inst.name,
      role: "INSTITUTION" as const,
      institutionId: inst.id,
      passwordHash,
    })),
  });
  const partners = (await db.institution.findMany({ where: { kind: "HOSPITAL" }, take: 10 })).map((h) => ({
    code: h.code,
    name: h.name,
  }));
  return { cycle, definition, clinics, partners };
}
