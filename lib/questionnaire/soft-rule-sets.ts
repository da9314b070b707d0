// The soft-rule sets Renkei ships, one or more per questionnaire version
// (docs/decisions/0019-soft-rules.md). A shipped file never changes: a corrected rule set is a new
// file with the next `rules-N` key, listed here after the one it replaces; the newest set of a
// version applies to new submissions, and every stored warning names the set it came from.
// soft-rule-sets.test.ts pins each file's SHA-256 so a silent edit fails the build.
import { ZSoftRuleSet, type TSoftRuleSet } from "./soft-rules";
import clinicR7 from "@/prisma/questionnaires/soft-rules/clinic-report-r7-v1.rules-1.json";
import clinicR8 from "@/prisma/questionnaires/soft-rules/clinic-report-r8-v1.rules-1.json";
import hubR7 from "@/prisma/questionnaires/soft-rules/hub-self-assessment-r7-v1.rules-1.json";
import hubR8 from "@/prisma/questionnaires/soft-rules/hub-self-assessment-r8-v1.rules-1.json";

/** Oldest first per definition; parsed once (a malformed file fails at import, i.e. in every test). */
export const SHIPPED_SOFT_RULE_SETS: readonly TSoftRuleSet[] = [clinicR7, clinicR8, hubR7, hubR8].map((raw) =>
  ZSoftRuleSet.parse(raw),
);

/** The rule set that applies to new submissions on this questionnaire version (null: none). */
export function softRuleSetFor(definitionVersionKey: string): TSoftRuleSet | null {
  const sets = SHIPPED_SOFT_RULE_SETS.filter((set) => set.definitionVersionKey === definitionVersionKey);
  return sets.at(-1) ?? null;
}
