import Link from "next/link";
import { EmptyState } from "@/components/ui/notice";

// Every page of the council area shares this: a zone (or anything else) outside the member's own
// scope looks exactly like one that does not exist, so its existence is never revealed.
export default function CouncilNotFound() {
  return (
    <EmptyState title="表示できるページが見つかりません">
      指定された圏域・資料などは見つからないか、閲覧できません。
      <Link href="/council" className="ml-1 text-teal-800 underline">
        担当する圏域のダッシュボードへ戻る
      </Link>
    </EmptyState>
  );
}
