import Link from "next/link";
import { EmptyState } from "@/components/ui/notice";

export default function AdminDashboardNotFound() {
  return (
    <EmptyState title="表示できる集計が見つかりません">
      指定された報告サイクル・圏域は見つかりません。
      <Link href="/admin" className="ml-1 text-teal-800 underline">
        全国の画面へ戻る
      </Link>
    </EmptyState>
  );
}
