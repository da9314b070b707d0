import Link from "next/link";
import { PUBLIC_NOT_FOUND_TEXT } from "@/lib/summaries/public";

export default function PublicNotFound() {
  return (
    <div className="py-10">
      <h1 className="text-2xl font-bold">ページが見つかりません</h1>
      <p className="mt-3 text-gray-800">{PUBLIC_NOT_FOUND_TEXT}</p>
      <p className="mt-4">
        <Link href="/public" className="text-teal-800 underline">
          公表している都道府県の一覧へ
        </Link>
      </p>
    </div>
  );
}
