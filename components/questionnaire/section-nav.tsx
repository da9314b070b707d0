import { cx } from "@/components/ui/cx";

export type TSectionProgress = {
  key: string;
  title: string;
  requiredAnswered: number;
  requiredTotal: number;
  errors: number;
};

/** Section list with completion of required items, linking to each section. */
export function SectionNav({ sections }: Readonly<{ sections: TSectionProgress[] }>) {
  return (
    <nav aria-label="セクション" className="rounded-lg border border-gray-200 bg-white p-3">
      <ol className="space-y-1 text-sm">
        {sections.map((s) => {
          const complete = s.requiredAnswered === s.requiredTotal;
          return (
            <li key={s.key}>
              <a
                href={`#sec-${s.key}`}
                className="flex items-start justify-between gap-2 rounded px-2 py-1 hover:bg-gray-50"
                data-testid={`nav-${s.key}`}
              >
                <span className="text-gray-800">{s.title}</span>
                <span
                  className={cx(
                    "shrink-0 rounded px-1.5 text-xs tabular-nums",
                    s.errors > 0
                      ? "bg-red-100 text-red-800"
                      : complete
                        ? "bg-emerald-100 text-emerald-900"
                        : "bg-gray-100 text-gray-700",
                  )}
                  aria-label={s.errors > 0 ? `誤り${s.errors}件` : `必須 ${s.requiredAnswered}/${s.requiredTotal}`}
                >
                  {s.errors > 0 ? `誤り${s.errors}` : complete ? "完了" : `${s.requiredAnswered}/${s.requiredTotal}`}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
