import type { TAnswerChange } from "@/lib/questionnaire/diff";

/** Changed items side by side (amendments, last year vs this year). */
export function RevisionDiffTable({
  changes,
  beforeLabel,
  afterLabel,
}: Readonly<{ changes: TAnswerChange[]; beforeLabel: string; afterLabel: string }>) {
  if (changes.length === 0) return <p className="text-sm text-gray-600">変更された項目はありません。</p>;
  return (
    <table className="w-full text-sm" data-testid="diff-table">
      <thead>
        <tr className="border-b border-gray-200 text-left text-gray-500">
          <th className="py-2 pr-3 font-normal">項目</th>
          <th className="py-2 pr-3 font-normal">{beforeLabel}</th>
          <th className="py-2 font-normal">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.key} className="border-b border-gray-100 align-top">
            <th scope="row" className="py-2 pr-3 text-left font-normal">
              <span className="block text-xs text-gray-500">{c.sectionTitle}</span>
              {c.label}
            </th>
            <td className="whitespace-pre-line py-2 pr-3 text-gray-600 line-through decoration-gray-400">{c.before}</td>
            <td className="whitespace-pre-line py-2 font-medium text-gray-900">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
