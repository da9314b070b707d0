import type { TPublishedRecordInput } from "@/lib/summaries/public-open-data";
import {
  PUBLIC_FUNCTION_ORDER,
  PUBLIC_FUNCTION_TEXTS,
  publicDateText,
  publicFunctionState,
} from "@/lib/summaries/public";

/**
 * What is public about one institution: the functions in plain words with the official name, the
 * 17 areas and the diseases it sees first, and its other answers. The public page, the officer's
 * preview and the institution's own preview draw this one card, so all three show the same.
 */
export function InstitutionCard({
  row,
  headingLevel = 2,
}: Readonly<{ row: TPublishedRecordInput; headingLevel?: 2 | 3 }>) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const sections = [...new Set(row.detail.answers.map((a) => a.section))];
  return (
    <div className="space-y-6" data-testid="institution-card">
      <section aria-labelledby={`functions-${row.code}`}>
        <H id={`functions-${row.code}`} className="mb-2 text-lg font-semibold">
          かかりつけ医機能（都道府県の確認結果）
        </H>
        <ul className="space-y-2">
          {PUBLIC_FUNCTION_ORDER.map((key) => {
            const text = PUBLIC_FUNCTION_TEXTS[key];
            const state = publicFunctionState(row.detail.functions[key]);
            return (
              <li
                key={key}
                data-function={key}
                data-has={state.has ? "true" : "false"}
                className="rounded-md border border-gray-200 p-3 print:break-inside-avoid"
              >
                <p className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-semibold">{text.shortName}</span>
                  <span className={state.has ? "font-semibold text-teal-800" : "text-gray-700"}>
                    {state.has ? "✓ " : ""}
                    {state.state}
                  </span>
                </p>
                {state.has && <p className="mt-1 text-sm text-gray-800">{text.plain}</p>}
                {state.how && <p className="text-sm text-gray-800">{state.how}。</p>}
                <p className="mt-1 text-xs text-gray-600">{text.officialName}</p>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby={`areas-${row.code}`}>
        <H id={`areas-${row.code}`} className="mb-2 text-lg font-semibold">
          最初に診ることができる領域
        </H>
        {row.detail.areaLabels.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {row.detail.areaLabels.map((label) => (
              <li key={label} className="rounded bg-teal-50 px-2 py-0.5 text-sm text-teal-900">
                {label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-700">報告はありません。</p>
        )}
        {row.diseases.length > 0 && (
          <>
            <p className="mb-1 mt-3 text-sm font-semibold">最初に診ることができる主な病気</p>
            <p className="text-sm text-gray-800">{row.diseases.join("、")}</p>
          </>
        )}
      </section>
      {sections.length > 0 && (
        <section aria-labelledby={`answers-${row.code}`}>
          <H id={`answers-${row.code}`} className="mb-2 text-lg font-semibold">
            報告の内容
          </H>
          {sections.map((section) => (
            <div key={section} className="mb-3 print:break-inside-avoid">
              <p className="text-sm font-semibold text-gray-800">{section}</p>
              <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[1fr_14rem]">
                {row.detail.answers
                  .filter((a) => a.section === section)
                  .map((a) => (
                    <div key={a.item} className="contents">
                      <dt className="text-gray-700">{a.label}</dt>
                      <dd className="text-gray-900">{a.answer}</dd>
                    </div>
                  ))}
              </dl>
            </div>
          ))}
        </section>
      )}
      <p className="text-xs text-gray-600">
        報告の第{row.revision}版{row.confirmedAt ? `・都道府県の確認日 ${publicDateText(row.confirmedAt)}` : ""}
      </p>
    </div>
  );
}
