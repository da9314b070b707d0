import "server-only";
import { cookies } from "next/headers";
import { getPublicBaseUrl } from "@/lib/env";
import { open, seal } from "./secret-box";
import { mfaBoxKey } from "./mfa-key";

// New recovery codes are shown once, right after enrolment. The action that confirms the
// enrolment also rewrites the session cookie, and Next then renders the page again from the
// server, so the codes cannot live only in the form's state: they ride for ten minutes in a
// sealed, http-only cookie of their own, which the page reads and "保管しました" clears.
const NAME = "renkei-new-recovery-codes";
const owner = (userId: string) => `recovery-codes:${userId}`;

export async function flashRecoveryCodes(userId: string, codes: string[]): Promise<void> {
  (await cookies()).set(NAME, seal(mfaBoxKey(), codes.join(" "), owner(userId)), {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: getPublicBaseUrl().startsWith("https:"),
    maxAge: 600,
  });
}

export async function readFlashedRecoveryCodes(userId: string): Promise<string[] | null> {
  const value = (await cookies()).get(NAME)?.value;
  const text = value ? open(mfaBoxKey(), value, owner(userId)) : null;
  return text ? text.split(" ") : null;
}

export async function clearFlashedRecoveryCodes(): Promise<void> {
  (await cookies()).delete(NAME);
}
