import { NotFoundView } from "@/components/layout/error-views";

export default function HubNotFound() {
  return <NotFoundView homeHref="/hub" homeLabel="ホームへ戻る" />;
}
