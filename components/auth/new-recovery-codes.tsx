import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { finishEnrolmentAction } from "@/app/two-factor/actions";
import { RecoveryCodes } from "./recovery-codes";

/** Right after enrolment: the codes, and the button that hides them for good and goes on. */
export function NewRecoveryCodes({ codes, next }: Readonly<{ codes: string[]; next: string }>) {
  return (
    <div className="space-y-4">
      <Notice tone="success">2段階認証を設定しました。</Notice>
      <RecoveryCodes codes={codes} />
      <form action={finishEnrolmentAction}>
        <input type="hidden" name="next" value={next} />
        <Button type="submit" size="lg" className="w-full">
          保管しました。続ける
        </Button>
      </form>
    </div>
  );
}
