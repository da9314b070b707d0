import type { ReactNode } from "react";

/** The frame of the pages before one is signed in (sign-in steps, password links). */
export function AuthCard({
  title,
  children,
  below,
}: Readonly<{ title: string; children: ReactNode; below?: ReactNode }>) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-3xl font-bold text-teal-800">連携</p>
        <p className="mt-1 text-sm font-semibold tracking-wide text-gray-500">Renkei</p>
      </div>
      <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-lg font-semibold">{title}</h1>
        {children}
      </div>
      {below}
    </main>
  );
}
