/**
 * Reminders: the owners of explanations that are due within a few days, or overdue, and not yet
 * submitted get one e-mail per plan and period, at most once a day. The app shows the same due
 * dates to everyone at all times; e-mail is the extra for those not looking.
 */
import { needsReminder } from "../domain/explanation-task.js";
import type { Language } from "../domain/plan.js";
import { dateText } from "../report/texts.js";
import type { Store } from "../store/open.js";
import { loadBundle } from "../store/plans.js";
import type { Account } from "./accounts.js";
import { calendar, periodTasks, type TaskDetail } from "./explanation-tasks.js";
import type { Mail, SendMail } from "./mailer.js";

export interface ReminderRun {
  /** E-mails sent. */
  readonly sent: number;
  /** Tasks named in them. */
  readonly tasks: number;
  /** Addresses a mail could not be delivered to, with why; tried again on the next run. */
  readonly failed: readonly { readonly to: string; readonly error: string }[];
}

/** The reminder looks at tasks as someone who may see all, but writes nothing. */
const REMINDER: Account = { id: "reminder", email: "koers-reminder", roles: [] };

const WORDS = {
  nl: {
    subject: (plan: string, period: string) =>
      `Herinnering: toelichting gevraagd voor ${plan} (${period})`,
    opening: "Voor de volgende afwijkingen is uw toelichting nodig:",
    line: (t: TaskDetail) =>
      `- ${t.note}. ${t.heading} — ${t.daysLeft < 0 ? "te laat, was" : "uiterlijk"} ${dateText(calendar(t.due), "nl")}${t.state === "returned" ? " (teruggestuurd met een opmerking)" : ""}`,
    link: (url: string) => `Schrijf de toelichting in Koers: ${url}`,
  },
  en: {
    subject: (plan: string, period: string) =>
      `Reminder: explanation needed for ${plan} (${period})`,
    opening: "Your explanation is needed for these exceptions:",
    line: (t: TaskDetail) =>
      `- ${t.note}. ${t.heading} — ${t.daysLeft < 0 ? "overdue, was due" : "due"} ${dateText(calendar(t.due), "en")}${t.state === "returned" ? " (returned with a comment)" : ""}`,
    link: (url: string) => `Write the explanation in Koers: ${url}`,
  },
} as const;

export function reminderMail(
  to: string,
  plan: { title: string; period: string; language: Language },
  tasks: readonly TaskDetail[],
  appUrl: string | null,
): Mail {
  const words = WORDS[plan.language];
  const text = [
    words.opening,
    "",
    ...tasks.map(words.line),
    ...(appUrl ? ["", words.link(appUrl)] : []),
  ];
  return { to, subject: words.subject(plan.title, plan.period), text: `${text.join("\n")}\n` };
}

async function registered(store: Store): Promise<Set<string>> {
  const rows = await store.db.selectFrom("users").select("email").execute();
  return new Set(rows.map((r) => r.email));
}

async function markReminded(
  store: Store,
  key: { planId: string; periodId: string },
  subjects: readonly string[],
  at: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const subject of subjects) {
      const updated = await trx
        .updateTable("explanation_tasks")
        .set({ reminded_at: at })
        .where("plan_id", "=", key.planId)
        .where("period_id", "=", key.periodId)
        .where("subject_id", "=", subject)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) continue;
      await trx
        .insertInto("explanation_tasks")
        .values({
          plan_id: key.planId,
          period_id: key.periodId,
          subject_id: subject,
          state: "to-do",
          markdown: "",
          comment: null,
          version: 0,
          updated_by: "koers-reminder",
          updated_at: at,
          reminded_at: at,
        })
        .execute();
    }
  });
}

async function remindedOn(store: Store, planId: string, periodId: string) {
  const rows = await store.db
    .selectFrom("explanation_tasks")
    .select(["subject_id", "reminded_at"])
    .where("plan_id", "=", planId)
    .where("period_id", "=", periodId)
    .execute();
  return new Map(rows.map((r) => [r.subject_id, r.reminded_at?.slice(0, 10)]));
}

/** Sends what is due at `now` (an ISO time; its date is the day compared with due dates). */
export async function sendReminders(
  store: Store,
  send: SendMail,
  now: string,
  appUrl: string | null = null,
): Promise<ReminderRun> {
  const today = now.slice(0, 10);
  const accounts = await registered(store);
  const open = await store.db
    .selectFrom("periods")
    .innerJoin("plans", "plans.id", "periods.plan_id")
    .select(["periods.plan_id", "periods.period_id", "plans.organisation_id"])
    .where("periods.state", "=", "open")
    .orderBy("periods.plan_id")
    .orderBy("periods.position")
    .execute();
  let sent = 0;
  let named = 0;
  const failed: { to: string; error: string }[] = [];
  for (const { plan_id: planId, period_id: periodId, organisation_id } of open) {
    const bundle = await loadBundle(store.db, planId);
    const scope = { db: store.db, bundle, organisation: organisation_id, periodId, today };
    const tasks = await periodTasks(scope, REMINDER);
    const reminded = await remindedOn(store, planId, periodId);
    const due = tasks.filter((t) => {
      const owner = t.owner?.trim().toLowerCase();
      const last = reminded.get(t.subject);
      return (
        owner !== undefined &&
        accounts.has(owner) &&
        needsReminder(t.state, calendar(t.due), calendar(today), last ? calendar(last) : undefined)
      );
    });
    const byOwner = new Map<string, TaskDetail[]>();
    for (const task of due) {
      const owner = task.owner?.trim().toLowerCase() ?? "";
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), task]);
    }
    const period = bundle.plan.periods.find((p) => p.id === periodId)?.label ?? periodId;
    for (const [owner, theirs] of byOwner) {
      const plan = { title: bundle.plan.title, period, language: bundle.plan.language };
      try {
        await send(reminderMail(owner, plan, theirs, appUrl));
      } catch (error) {
        failed.push({ to: owner, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      await markReminded(
        store,
        { planId, periodId },
        theirs.map((t) => t.subject),
        now,
      );
      sent += 1;
      named += theirs.length;
    }
  }
  return { sent, tasks: named, failed };
}
