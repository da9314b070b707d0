import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: Readonly<{ title: string; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }>) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-gray-200 pb-4">
      <div className="min-w-0">
        {eyebrow && <div className="mb-1 text-sm text-gray-500">{eyebrow}</div>}
        <h1 className="text-2xl font-bold tracking-tight text-gray-900">{title}</h1>
        {description && <div className="mt-1 text-sm text-gray-600">{description}</div>}
      </div>
      {actions && <div className="no-print flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
