import "server-only";
import { getAuthSecret, getEnv } from "@/lib/env";
import { deriveKey } from "./secret-box";

/** The key sealing second-factor material: RENKEI_MFA_KEY, else derived from NEXTAUTH_SECRET (0015). */
export const mfaBoxKey = () => deriveKey(getEnv().RENKEI_MFA_KEY ?? getAuthSecret());
