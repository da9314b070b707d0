import type { ReactNode } from "react";
import { cx } from "./cx";

/**
 * A wide table or map that scrolls sideways on a narrow screen. It is a named, focusable region
 * so a keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1; axe
 * scrollable-region-focusable); the focus ring shows where they are. A list table inside gives
 * itself a minimum width (min-w-[44rem]) so that on a phone it scrolls here instead of squeezing
 * its Japanese columns to one character each. It is `relative` so that visually hidden
 * (sr-only, absolutely positioned) text inside stays in it instead of widening the whole page.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: Readonly<{ label: string; className?: string; children: ReactNode }>) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cx(
        "relative overflow-x-auto rounded-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700",
        className,
      )}
    >
      {children}
    </div>
  );
}
