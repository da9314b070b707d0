import "server-only";
import type { TDb, TImportCycle } from "./import-handler";
import type { TPaperRow } from "@/lib/import";
import { issue, type TImportIssue } from "@/lib/import/issues";
import { itemIndex } from "@/lib/questionnaire/definition";
import { softRuleSetFor } from "@/lib/questionnaire/soft-rule-sets";
import {
  evaluateSoftRules,
  SOFT_RULE_IMPORTANCE_LABELS,
  storedSoftWarnings,
  type TStoredSoftWarnings,
} from "@/lib/questionnaire/soft-rules";
import { parseStoredAnswers } from "@/lib/data/json-columns";
import { changeRuleKeys, previousForRules } from "@/lib/data/soft-rules";
import type { TInstitutionKind } from "@/lib/domain/institution-kinds";

// 紙で届いた報告 run the same soft rules as the web form (docs/decisions/0019-soft-rules.md): each
// warning is listed as an import warning on the row's line, and stored with the revision it
// creates — unexplained, since a paper form has no explanation field. Warnings never refuse a
// row: the officer keyed in what the institution wrote.

export type TPaperInstitution = { id: string; kind: TInstitutionKind; beds: number | null };

export async function paperSoftWarnings(
  client: TDb,
  cycle: TImportCycle,
  rows: readonly TPaperRow[],
  institutionOf: (code: string) => TPaperInstitution,
): Promise<{ issues: TImportIssue[]; byLine: Map<number, TStoredSoftWarnings> }> {
  const ruleSet = softRuleSetFor(cycle.definition.versionKey);
  const byLine = new Map<number, TStoredSoftWarnings>();
  if (!ruleSet || rows.length === 0) return { issues: [], byLine };
  const previousBy = await previousAnswersByInstitution(
    client,
    cycle,
    rows.map((row) => institutionOf(row.institutionCode).id),
    changeRuleKeys(ruleSet).length > 0,
  );
  const items = itemIndex(cycle.definition);
  const issues: TImportIssue[] = [];
  for (const row of rows) {
    const institution = institutionOf(row.institutionCode);
    const previous = previousBy.get(institution.id) ?? null;
    const warnings = evaluateSoftRules(cycle.definition, ruleSet, row.answers, {
      institution: { kind: institution.kind, beds: institution.beds },
      previous: previousForRules(cycle.definition, ruleSet, previous),
    });
    byLine.set(row.line, storedSoftWarnings(ruleSet, warnings, {}));
    for (const warning of warnings) {
      const key = warning.items[0] ?? "";
      const label = items.get(key)?.label ?? key;
      issues.push(
        issue(
          row.line,
          "soft_rule",
          `［${SOFT_RULE_IMPORTANCE_LABELS[warning.importance]}］${label}: ${warning.message}`,
          key,
        ),
      );
    }
  }
  return { issues, byLine };
}

/** Each institution's latest submitted answers in the previous cycle of this questionnaire. */
async function previousAnswersByInstitution(
  client: TDb,
  cycle: TImportCycle,
  institutionIds: string[],
  wanted: boolean,
) {
  const out = new Map<string, { versionKey: string; answers: ReturnType<typeof parseStoredAnswers> }>();
  if (!wanted) return out;
  const previousCycle = await client.reportingCycle.findFirst({
    where: { prefectureCode: cycle.prefectureCode, kind: cycle.kind, fiscalYear: { lt: cycle.fiscalYear } },
    orderBy: { fiscalYear: "desc" },
    select: { id: true, questionnaireVersion: { select: { versionKey: true } } },
  });
  if (!previousCycle) return out;
  const submissions = await client.submission.findMany({
    where: { cycleId: previousCycle.id, institutionId: { in: institutionIds }, revision: { gt: 0 } },
    select: {
      institutionId: true,
      revisions: { orderBy: { revision: "desc" }, take: 1, select: { answers: true } },
    },
  });
  for (const s of submissions) {
    const latest = s.revisions[0];
    if (s.institutionId && latest) {
      out.set(s.institutionId, {
        versionKey: previousCycle.questionnaireVersion.versionKey,
        answers: parseStoredAnswers(latest.answers),
      });
    }
  }
  return out;
}
