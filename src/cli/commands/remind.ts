/** `koers remind`: sends the e-mail reminders that are due now, once; for a scheduler like cron. */
import type { Command } from "commander";
import { UserError } from "../../domain/errors.js";
import { dbOption } from "../db-option.js";
import { type StoreOptions, withStore } from "./with-store.js";

async function remind(options: StoreOptions): Promise<void> {
  const [{ loadConfig }, { smtpMailer }, { sendReminders }] = await Promise.all([
    import("../../app/config.js"),
    import("../../app/mailer.js"),
    import("../../app/reminders.js"),
  ]);
  const { mail } = loadConfig({ db: options.db }, process.env);
  if (!mail) throw new UserError("KOERS_SMTP_URL is not set: there is no way to send e-mail");
  const mailer = smtpMailer(mail);
  try {
    const run = await withStore(options, (store) =>
      sendReminders(store, mailer.send, new Date().toISOString(), mail.appUrl),
    );
    process.stdout.write(`reminders sent: ${run.sent} e-mails about ${run.tasks} tasks\n`);
    for (const failure of run.failed) {
      process.stderr.write(`koers: reminder to ${failure.to} failed: ${failure.error}\n`);
    }
    if (run.failed.length > 0) {
      throw new UserError(
        `${run.failed.length} reminders were not delivered; they are tried again next time`,
      );
    }
  } finally {
    mailer.close();
  }
}

export function register(cli: Command): void {
  dbOption(
    cli
      .command("remind")
      .description(
        "e-mail the owners of explanations due within 3 days or overdue (at most once a day each); needs KOERS_SMTP_URL",
      ),
  ).action(remind);
}
