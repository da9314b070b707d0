"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "@/components/prefecture/api-error";
import { useApiAction } from "@/components/prefecture/use-api-action";
import { InvitationResult, type TInvitationOutcome } from "./invitation-result";

/** 「招待を再送」: a new link (the earlier one stops working), mailed or shown once. */
export function InviteButton({ url, email }: Readonly<{ url: string; email: string }>) {
  const { run, pending, error } = useApiAction<TInvitationOutcome>();
  const [outcome, setOutcome] = useState<TInvitationOutcome | null>(null);
  return (
    <div className="inline-flex max-w-full flex-col items-start gap-2">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={async () => {
          setOutcome(null);
          const result = await run("POST", url, {}, { refresh: false });
          if (result) setOutcome(result);
        }}
      >
        {pending ? "処理中…" : "招待を再送"}
      </Button>
      <ApiErrorNotice error={error} />
      {outcome && <InvitationResult email={email} outcome={outcome} />}
    </div>
  );
}
