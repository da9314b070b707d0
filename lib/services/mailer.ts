import "server-only";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { getEnv } from "@/lib/env";

// E-mail through the SMTP server named in the environment (SMTP_HOST …, lib/env.ts), with
// nodemailer. Without SMTP_HOST Renkei sends nothing and set-password links are exported as CSV
// for the prefecture to hand over itself.

/** The smallest interface we use, so tests can pass nodemailer's JSON transport. */
export type TMailTransport = { sendMail(message: SendMailOptions): Promise<unknown> };

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
