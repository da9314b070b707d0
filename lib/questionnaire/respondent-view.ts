// What a respondent (clinic clerk, hub staff) is shown of a definition. Administrators read the
// whole definition on the version page; respondent pages, receipts and PDFs read this projection,
// which drops every administrator-only field (sources, provisional notes, section admin notes,
// the version notice) and turns `reference` into words for the cycle's 年度. Because the form is a
// client component, the projection is also what reaches the browser: nothing internal leaks.
import type { TGroupField, TItem, TQuestionnaireDefinition, TReferenceKind } from "./definition";
import { warekiYearOfMonth, formatWareki } from "@/lib/domain/wareki";

/**
 * The reference date or period in words (guideline p.19), for the cycle's fiscal year FY:
 * 体制 as of 1 January FY+1 (令和9年1月1日時点 for 令和8年度), 実績 over calendar FY
 * (令和8年1月〜12月), 診療報酬 over FY−1 April – FY March (令和7年4月〜令和8年3月).
 */
export function referencePeriodLabel(kind: TReferenceKind, fiscalYear: number): string {
  switch (kind) {
    case "asOfJanuary1":
      return `${formatWareki(new Date(Date.UTC(fiscalYear + 1, 0, 1, 3)))}時点`;
    case "calendarYear":
      return `${warekiYearOfMonth(fiscalYear, 1)}1月〜12月`;
    case "previousFiscalYear":
      return `${warekiYearOfMonth(fiscalYear - 1, 4)}4月〜${warekiYearOfMonth(fiscalYear, 3)}3月`;
  }
}

/** 「令和9年1月1日時点」 stands alone; a period reads 「対象期間: …」. */
export function periodText(period: string): string {
  return period.endsWith("時点") ? period : `対象期間: ${period}`;
}

function respondentItem<T extends TItem | TGroupField>(item: T, fiscalYear: number): T {
  const { source: _source, provisionalNote: _note, reference, ...rest } = item;
  const projected = {
    ...rest,
    period: reference ? referencePeriodLabel(reference, fiscalYear) : item.period,
    // After projection `provisional` means "show the 暫定 mark": only where an administrator chose to.
    provisional: Boolean(item.provisional && item.showProvisionalMark),
  } as T;
  if ("options" in projected) {
    (projected as { options: unknown }).options = projected.options.map(({ provisional: _p, ...o }) => o);
  }
  if (projected.type === "group") {
    (projected as { fields: TGroupField[] }).fields = projected.fields.map((f) => respondentItem(f, fiscalYear));
  }
  return projected;
}

/** The definition as respondents see it, for a cycle of `fiscalYear`. */
export function respondentDefinition(def: TQuestionnaireDefinition, fiscalYear: number): TQuestionnaireDefinition {
  const { source: _source, notice: _notice, ...rest } = def;
  return {
    ...rest,
    functions: def.functions.map(({ source: _s, ...fn }) => fn),
    sections: def.sections.map(({ adminNote: _a, ...section }) => ({
      ...section,
      items: section.items.map((item) => respondentItem(item, fiscalYear)),
    })),
  };
}
