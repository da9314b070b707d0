import type { TItem } from "@/lib/questionnaire/definition";
import type { TAnswerValue } from "@/lib/questionnaire/answers";
import { groupTable, UNANSWERED } from "@/lib/questionnaire/format";

/** Long free-text fields get wider columns; codes and dates stay narrow. */
const minWidth = (type: string) => (type === "text" ? "min-w-[9rem]" : "min-w-[5.5rem]");

/**
 * A repeating group's rows as a real table (one column per field). Wider than a phone: it
 * scrolls sideways inside a focusable region, so keyboard users can scroll it too.
 */
export function GroupAnswerTable({
  item,
  value,
}: Readonly<{ item: Extract<TItem, { type: "group" }>; value: TAnswerValue }>) {
  const table = groupTable(item, value);
  if (table.rows.length === 0) return <p className="text-gray-900">{UNANSWERED}</p>;
  return (
    <div
      role="region"
      aria-label={`${item.label}（横にスクロールできます）`}
      tabIndex={0}
      className="overflow-x-auto rounded border border-gray-200 focus:outline-2 focus:outline-teal-700"
      data-testid={`group-table-${item.key}`}
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-medium text-gray-700">
              No.
            </th>
            {table.header.map((header, i) => (
              <th
                key={header}
                scope="col"
                className={`px-2 py-1.5 font-medium text-gray-700 ${minWidth(item.fields[i]!.type)}`}
              >
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((cells, r) => (
            <tr key={r} className="border-t border-gray-100 align-top">
              <th scope="row" className="px-2 py-1.5 font-normal text-gray-700">
                {r + 1}
              </th>
              {cells.map((cell, c) => (
                <td key={c} className="whitespace-pre-line px-2 py-1.5 text-gray-900">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
