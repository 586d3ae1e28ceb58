/** E-mail reminders while the server runs: once at start, then every hour. */
import type { MailConfig } from "../app/config.js";
import { smtpMailer } from "../app/mailer.js";
import { sendReminders } from "../app/reminders.js";
import type { Store } from "../store/open.js";

const HOUR = 60 * 60 * 1000;

export function scheduleReminders(
  store: Store,
  mail: MailConfig,
  log: (message: string) => void,
): () => void {
  const mailer = smtpMailer(mail);
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = sendReminders(store, mailer.send, new Date().toISOString(), mail.appUrl)
      .then((result) => {
        if (result.sent > 0) log(`reminders: ${result.sent} e-mails about ${result.tasks} tasks`);
        for (const failure of result.failed)
          log(`reminder to ${failure.to} failed: ${failure.error}`);
      })
      .catch((error: unknown) => log(`reminders failed: ${String(error)}`));
  };
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => {
    clearInterval(timer);
    void running.finally(() => mailer.close());
  };
}
