// A real SMTP server for tests (smtp-server, from nodemailer's author): mail goes over a TCP
// socket through nodemailer exactly as in production, and the test reads what arrived, decoded
// by mailparser (subjects and bodies in Japanese arrive MIME-encoded).
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import type { TMailTransport } from "@/lib/services/mailer";

export type TReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
};

export type TTestSmtp = {
  port: number;
  received: TReceivedMail[];
  /** A nodemailer transport to this server, as the app would build from SMTP_HOST/SMTP_PORT. */
  transport: TMailTransport;
  /** Mail to that address, waiting briefly for it to arrive. */
  waitFor(to: string, count?: number, timeoutMs?: number): Promise<TReceivedMail[]>;
  close(): Promise<void>;
};

export type TTestSmtpOptions = {
  /** Listen on this port (the app's SMTP_PORT); a free one by default. */
  port?: number;
  /** Refuse a recipient: return an Error with `responseCode` (4xx temporary, 5xx permanent), or null. */
  refuse?: (address: string) => (Error & { responseCode: number }) | null;
};

export async function startTestSmtp(options: TTestSmtpOptions = {}): Promise<TTestSmtp> {
  const received: TReceivedMail[] = [];
  const server = new SMTPServer({
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address) ?? null;
      callback(refusal ?? undefined);
    },
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  const matching = (to: string) => received.filter((m) => m.to.includes(to));
  return {
    port,
    received,
    transport,
    async waitFor(to, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (matching(to).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return matching(to);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
