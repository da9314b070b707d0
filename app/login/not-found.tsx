import { NotFoundView } from "@/components/layout/error-views";

export default function LoginNotFound() {
  return <NotFoundView homeHref="/login" homeLabel="ログイン画面へ戻る" />;
}
