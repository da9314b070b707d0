import Link from "next/link";
import { EmptyState } from "@/components/ui/notice";

export default function DashboardNotFound() {
  return (
    <EmptyState title="表示できる集計が見つかりません">
      指定された報告サイクル・圏域は見つかりません。
      <Link href="/prefecture/dashboard" className="ml-1 text-teal-800 underline">
        ダッシュボードへ戻る
      </Link>
    </EmptyState>
  );
}
