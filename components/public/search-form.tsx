import type { TPublicSearchQuery } from "@/lib/domain/public-search";
import { PUBLIC_AREAS, PUBLIC_FUNCTION_ORDER, PUBLIC_FUNCTION_TEXTS } from "@/lib/summaries/public";

const field = "mt-1 block w-full rounded-md border border-gray-400 px-3 py-2 text-base";

/** The public search: a plain GET form, so it works without JavaScript and links can be shared. */
export function PublicSearchForm({
  action,
  query,
  municipalities,
  diseases,
  year,
}: Readonly<{
  action: string;
  query: Partial<TPublicSearchQuery>;
  municipalities: readonly { code: string; name: string }[];
  diseases: readonly string[];
  year?: number;
}>) {
  return (
    <form action={action} method="get" role="search" aria-label="医療機関を探す" className="no-print space-y-3">
      {year !== undefined && <input type="hidden" name="year" value={year} />}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          医療機関名・医療機関コード
          <input name="q" defaultValue={query.q ?? ""} className={field} autoComplete="off" />
        </label>
        <div>
          <label className="block text-sm font-medium">
            市区町村
            <select name="municipality" defaultValue={query.municipality ?? ""} className={field}>
              <option value="">すべて</option>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name="near" value="1" defaultChecked={query.near ?? false} className="h-5 w-5" />
            近くの市町村（同じ圏域）も含める
          </label>
        </div>
        <label className="block text-sm font-medium">
          機能
          <select name="fn" defaultValue={query.fn ?? ""} className={field}>
            <option value="">指定しない</option>
            {PUBLIC_FUNCTION_ORDER.map((key) => (
              <option key={key} value={key}>
                {PUBLIC_FUNCTION_TEXTS[key].shortName}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          診ることができる領域
          <select name="area" defaultValue={query.area ?? ""} className={field}>
            <option value="">指定しない</option>
            {PUBLIC_AREAS.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {diseases.length > 0 && (
          <label className="block text-sm font-medium">
            病気
            <select name="disease" defaultValue={query.disease ?? ""} className={field}>
              <option value="">指定しない</option>
              {diseases.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <button type="submit" className="rounded-md bg-teal-700 px-5 py-2 font-semibold text-white hover:bg-teal-800">
        検索する
      </button>
    </form>
  );
}
