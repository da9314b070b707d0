import "server-only";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { getEnv } from "@/lib/env";

// E-mail through the SMTP server named in the environment (SMTP_HOST …, lib/env.ts), with
// nodemailer. Without SMTP_HOST Renkei sends nothing and set-password links are exported as CSV
// for the prefecture to hand over itself.
//
// Every mail goes out through sendMail(): callers build a TMailMessage (pure builders next to
// their use case) and hand it over, so moving delivery onto the durable job queue later changes
// this one function, not the callers.

/** The smallest interface we use, so tests can pass nodemailer's JSON transport. */
export type TMailTransport = { sendMail(message: SendMailOptions): Promise<unknown> };

/** A message as the use cases build it (Japanese plain text; the sender is added here). */
export type TMailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Overrides the sender (e.g. the prefecture's name in front of SMTP_FROM's address). */
  from?: { name: string; address: string };
  /** A stable Message-ID, so a message sent twice is recognisably the same one. */
  messageId?: string;
};

export function isMailConfigured(): boolean {
  return Boolean(getEnv().SMTP_HOST);
}

export function mailFrom(): string {
  const env = getEnv();
  return env.SMTP_FROM ?? env.SMTP_USER ?? `renkei@${env.SMTP_HOST ?? "localhost"}`;
}

let transport: TMailTransport | undefined;

/** The configured SMTP transport (created once), or null when no server is configured. */
export function getMailTransport(): TMailTransport | null {
  const env = getEnv();
  if (!env.SMTP_HOST) return null;
  transport ??= nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? (env.SMTP_SECURE === "true" ? 465 : 587),
    secure: env.SMTP_SECURE === "true",
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
  });
  return transport;
}

/**
 * Sends one message through the given transport (the configured one by default). Throws when
 * no server is configured or the server refuses; callers decide whether that fails their use case.
 */
export async function sendMail(
  message: TMailMessage,
  transport: TMailTransport | null = getMailTransport(),
): Promise<void> {
  if (!transport) throw new Error("メールサーバー（SMTP）が設定されていません。");
  await transport.sendMail({ from: mailFrom(), ...message });
}
