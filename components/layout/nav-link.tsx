"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** A menu link that marks itself as the current page (aria-current). */
export function NavLink({ href, children }: Readonly<{ href: string; children: ReactNode }>) {
  const pathname = usePathname();
  const isHome = href.split("/").length === 2;
  const active = isHome ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cx(
        "block whitespace-nowrap border-b-2 px-3 py-2 text-sm",
        active ? "border-teal-700 font-semibold text-teal-900" : "border-transparent text-gray-600 hover:text-gray-900",
      )}
    >
      {children}
    </Link>
  );
}
