import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";

/** A titled block of a dashboard; the id makes it linkable from the page's table of contents. */
export function DashboardSection({
  id,
  title,
  description,
  children,
}: Readonly<{ id: string; title: string; description?: ReactNode; children: ReactNode }>) {
  return (
    <Panel id={id} title={title} className="scroll-mt-4">
      {description && <div className="-mt-2 mb-4 text-sm text-gray-600">{description}</div>}
      {children}
    </Panel>
  );
}

/** In-page navigation between the sections of a long dashboard. */
export function SectionNav({ items }: Readonly<{ items: { id: string; label: string }[] }>) {
  return (
    <nav aria-label="このページの内容" className="no-print mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`} className="text-teal-800 underline">
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function DemoBadge() {
  return (
    <span
      className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-300"
      data-testid="demo-badge"
    >
      架空のデモデータ
    </span>
  );
}
