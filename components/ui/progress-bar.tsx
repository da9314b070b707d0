/** A determinate progress bar (0–100) with its accessible name. */
export function ProgressBar({ label, percent }: Readonly<{ label: string; percent: number }>) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-3 w-full overflow-hidden rounded-full bg-gray-200"
    >
      <div className="h-full bg-teal-600 transition-all" style={{ width: `${percent}%` }} />
    </div>
  );
}
