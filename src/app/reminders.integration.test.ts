/**
 * Reminders by e-mail, through nodemailer to an SMTP server in this process: the owner of an
 * explanation due within three days gets one mail, at most once a day, none once it is
 * submitted; an owner without an account gets none; a mail that fails is tried again later.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed } from "../testing/server.js";
import { findAccount } from "./accounts.js";
import { setExplanationsDue } from "./explanation-due.js";
import { takeStep } from "./explanation-steps.js";
import { periodTasks, requireTask } from "./explanation-tasks.js";
import { smtpMailer } from "./mailer.js";
import { updateRealisation } from "./realisations.js";
import { sendReminders } from "./reminders.js";

const PERIOD = "2025-10";
const SETUP = { actor: "adviseur@example.org", at: "2025-11-01T08:00:00.000Z" };

interface Received {
  readonly to: readonly string[];
  readonly text: string;
}

function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Quoted-printable breaks long lines with "=" at the end; joined again to read.
        // Long header lines are folded, and quoted-printable breaks long lines with "=" and
        // writes other bytes as =XX: undone to read the mail as its reader would.
        const unfolded = Buffer.concat(chunks)
          .toString("latin1")
          .replace(/=\r\n/g, "")
          .replace(/\r\n[ \t]+/g, " ")
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          );
        const text = Buffer.from(unfolded, "latin1").toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({ server, port: (server.server.address() as AddressInfo).port, received });
    });
  });
}

describeEachEngine("e-mail reminders", ({ store }) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof smtpMailer>;

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = smtpMailer({
      url: `smtp://127.0.0.1:${smtp.port}`,
      from: "Koers <koers@example.org>",
      appUrl: "https://koers.example.org/",
    });
    await seed(store());
    // The owner's figure makes an exception; its explanation is due on 14 November.
    await updateRealisation(
      store(),
      { planId: PLAN, indicatorId: OWNED, periodId: PERIOD, value: 9, version: 1 },
      SETUP,
    );
  });
  afterAll(async () => {
    mailer?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
  });

  const run = (now: string) =>
    sendReminders(store(), mailer.send, now, "https://koers.example.org/");

  it("sends nothing while the due date is more than three days away", async () => {
    expect(await run("2025-11-10T07:00:00.000Z")).toEqual({ sent: 0, tasks: 0, failed: [] });
    expect(smtp.received).toEqual([]);
  });

  it("reminds the owner three days before, naming the exception, its due date and the app", async () => {
    expect(await run("2025-11-11T07:00:00.000Z")).toEqual({ sent: 1, tasks: 1, failed: [] });
    const [mail] = smtp.received;
    expect(mail?.to).toEqual([ACCOUNTS.owner.email]);
    expect(mail?.text).toMatch(
      /Subject: Herinnering: toelichting gevraagd voor Jaarplan Toeslagen 2025 \(jan - okt\)/,
    );
    expect(mail?.text).toMatch(
      /- 6\. Aantal ernstige productieverstoringen: 9 — uiterlijk 14 november 2025/,
    );
    expect(mail?.text).toMatch(/Schrijf de toelichting in Koers: https:\/\/koers\.example\.org\//);
  });

  it("reminds at most once a day", async () => {
    expect((await run("2025-11-11T15:00:00.000Z")).sent).toBe(0);
    expect((await run("2025-11-12T07:00:00.000Z")).sent).toBe(1);
    expect(smtp.received).toHaveLength(2);
  });

  it("follows a due date the editor moves", async () => {
    await setExplanationsDue(store(), { planId: PLAN, periodId: PERIOD }, "2025-11-30", SETUP);
    expect((await run("2025-11-13T07:00:00.000Z")).sent).toBe(0);
    await setExplanationsDue(store(), { planId: PLAN, periodId: PERIOD }, null, SETUP);
  });

  it("keeps what failed to be sent for the next run", async () => {
    const broken = smtpMailer({
      url: "smtp://127.0.0.1:1",
      from: "koers@example.org",
      appUrl: null,
    });
    const failed = await sendReminders(store(), broken.send, "2025-11-14T07:00:00.000Z");
    broken.close();
    expect(failed.sent).toBe(0);
    expect(failed.failed.map((f) => f.to)).toEqual([ACCOUNTS.owner.email]);
    expect((await run("2025-11-14T08:00:00.000Z")).sent).toBe(1);
  });

  it("stops once the explanation is submitted", async () => {
    const owner = await findAccount(store().db, ACCOUNTS.owner.email);
    if (!owner) throw new Error("no owner");
    const scope = {
      db: store().db,
      bundle: await loadBundle(store().db, PLAN),
      organisation: "dienst-toeslagen",
      periodId: PERIOD,
      today: "2025-11-15",
    };
    const task = requireTask(await periodTasks(scope, owner), OWNED, PERIOD);
    const where = { planId: PLAN, periodId: PERIOD, organisation: "dienst-toeslagen" };
    const saved = await takeStep(
      store(),
      where,
      task,
      { step: "save", version: task.version, markdown: "Tekst." },
      owner,
      SETUP.at,
    );
    const again = requireTask(await periodTasks(scope, owner), OWNED, PERIOD);
    await takeStep(
      store(),
      where,
      again,
      { step: "submit", version: saved.version },
      owner,
      SETUP.at,
    );
    expect((await run("2025-11-15T07:00:00.000Z")).sent).toBe(0);
  });
});
