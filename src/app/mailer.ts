/** Sending e-mail through the SMTP server KOERS_SMTP_URL names. */
import nodemailer from "nodemailer";
import type { MailConfig } from "./config.js";

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

export function smtpMailer(config: MailConfig): { send: SendMail; close: () => void } {
  const transport = nodemailer.createTransport(config.url);
  return {
    send: async (mail) => {
      await transport.sendMail({ from: config.from, ...mail });
    },
    close: () => transport.close(),
  };
}
