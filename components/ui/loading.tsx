/**
 * What a page shows while its data loads (the loading.tsx of each role area): grey blocks in the
 * page's shape, announced once as 「読み込み中」 (role="status", aria-busy) so a screen reader
 * knows the page is on its way. Next streams the page into its place when it is ready.
 */
export function LoadingSkeleton({
  label = "読み込み中です",
  blocks = 3,
}: Readonly<{ label?: string; blocks?: number }>) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="animate-pulse motion-reduce:animate-none">
        <div className="mb-6 border-b border-gray-200 pb-4">
          <div className="mb-2 h-4 w-40 rounded bg-gray-200" />
          <div className="h-7 w-72 max-w-full rounded bg-gray-200" />
        </div>
        <p className="mb-4 text-sm text-gray-700">{label}…</p>
        <div className="space-y-6">
          {Array.from({ length: blocks }, (_, i) => (
            <div key={i} className="rounded-lg border border-gray-200 bg-white p-4">
              <div className="mb-3 h-5 w-56 max-w-full rounded bg-gray-200" />
              <div className="h-32 rounded bg-gray-100" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
