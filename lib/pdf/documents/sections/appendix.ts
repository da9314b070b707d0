// 付録: every institution of the zone with each function's answer, the export's own table.
import { formatInteger } from "@/lib/format";
import { institutionsTable, tableCellText } from "@/lib/summaries/tables";
import type { TBlock } from "../../layout/blocks";
import { note } from "../common";
import type { TZoneSectionInput } from "./zone-input";

/** Column widths: code, name, kind, municipality, status, then one per function. */
const COLUMN_WIDTHS = [62, 150, 34, 56, 40];
const FUNCTION_COLUMN_WIDTH = 83;

export function appendixSection(input: TZoneSectionInput): TBlock[] {
  const institutions = input.dashboard.institutions;
  const table = institutionsTable(institutions, input.zoneSummary.functions);
  return [
    note(
      `${input.zoneName}の医療機関 ${formatInteger(institutions.length)}件。機能は最新の提出版から判定した結果です（有り／無し／無し（意向有り）、有りの場合は確保の方法）。未提出の医療機関は空欄です。`,
      6,
    ),
    {
      kind: "table",
      table: {
        zebra: true,
        size: 7,
        minRows: 1,
        columns: table.header.map((header, i) => ({
          header: String(header),
          width: COLUMN_WIDTHS[i] ?? FUNCTION_COLUMN_WIDTH,
          wrap: i === 1 ? false : undefined,
        })),
        rows: table.rows.map((row) => ({ cells: row.map((value) => tableCellText(value)) })),
        empty: "医療機関はありません。",
      },
    },
  ];
}
