import Link from "next/link";

/** Previous / next links for a paged list; `hrefFor` builds the URL of a page (filters kept). */
export function Pagination({
  page,
  pages,
  total,
  hrefFor,
}: Readonly<{ page: number; pages: number; total: number; hrefFor: (page: number) => string }>) {
  return (
    <nav aria-label="ページ" className="mt-4 flex items-center justify-between text-sm">
      <p className="text-gray-600">
        全 {total.toLocaleString("ja-JP")}件・{page} / {pages} ページ
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link
            href={hrefFor(page - 1)}
            className="rounded-md px-3 py-1 text-teal-800 ring-1 ring-gray-300 hover:bg-gray-50"
            rel="prev"
          >
            前へ
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={hrefFor(page + 1)}
            className="rounded-md px-3 py-1 text-teal-800 ring-1 ring-gray-300 hover:bg-gray-50"
            rel="next"
          >
            次へ
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
