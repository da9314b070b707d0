import { NotFoundView } from "@/components/layout/error-views";

export default function PrefectureNotFound() {
  return <NotFoundView homeHref="/prefecture" homeLabel="都道府県ホームへ戻る" />;
}
