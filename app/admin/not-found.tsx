import { NotFoundView } from "@/components/layout/error-views";

export default function AdminNotFound() {
  return <NotFoundView homeHref="/admin" homeLabel="全国の画面へ戻る" />;
}
