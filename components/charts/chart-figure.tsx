import type { ReactNode } from "react";

/**
 * A chart with its caption. The caption says what is drawn and on how many reports; the chart's
 * drawing hides itself from screen readers (PercentBarChart), which get the same figures from
 * the table beside it (「表で見る」), never from the drawing alone.
 */
export function ChartFigure({
  caption,
  note,
  children,
  testId,
}: Readonly<{ caption: string; note?: ReactNode; children: ReactNode; testId?: string }>) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium text-gray-800">
        {caption}
        {note && <span className="ml-2 text-xs font-normal text-gray-600">{note}</span>}
      </figcaption>
      {children}
    </figure>
  );
}
