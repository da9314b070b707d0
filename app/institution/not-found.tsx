import { NotFoundView } from "@/components/layout/error-views";

export default function InstitutionNotFound() {
  return <NotFoundView homeHref="/institution" homeLabel="ホームへ戻る" />;
}
