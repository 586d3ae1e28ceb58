/**
 * The explanation workflow on every engine: a figure that creates an exception creates a task
 * for its owner; the owner writes and submits, the editor returns it once with a comment and
 * then approves; only the approved text reaches the report; every step is refused when it must
 * be — by role, by stale version, by state, by a closed period — and then changes nothing.
 */
import { beforeAll, expect, it } from "vitest";
import { auditHead, verifyAudit } from "../store/audit.js";
import { loadBundle } from "../store/plans.js";
import { describeEachEngine } from "../testing/engines.js";
import { ACCOUNTS, OWNED, PLAN, seed } from "../testing/server.js";
import { type Account, findAccount } from "./accounts.js";
import { ConflictError, ForbiddenError, LockedError, ValidationError } from "./errors.js";
import { type StepInput, takeStep } from "./explanation-steps.js";
import { periodTasks, requireTask } from "./explanation-tasks.js";
import { closePeriod } from "./lifecycle.js";
import { updateRealisation } from "./realisations.js";
import { buildReport } from "./report.js";

const PERIOD = "2025-10";
const at = (minute: number) => new Date(Date.UTC(2025, 10, 3, 9, minute)).toISOString();

describeEachEngine("the explanation workflow", ({ store }) => {
  const accounts = {} as Record<keyof typeof ACCOUNTS, Account>;
  const tasks = async (account: Account, today = "2025-11-03") =>
    periodTasks(
      {
        db: store().db,
        bundle: await loadBundle(store().db, PLAN),
        organisation: "dienst-toeslagen",
        periodId: PERIOD,
        today,
      },
      account,
    );
  const task = async (account: Account) => requireTask(await tasks(account), OWNED, PERIOD);
  const step = async (account: Account, input: StepInput, minute: number) =>
    takeStep(
      store(),
      { planId: PLAN, periodId: PERIOD, organisation: "dienst-toeslagen" },
      await task(account),
      input,
      account,
      at(minute),
    );
  const reported = async () =>
    buildReport(await loadBundle(store().db, PLAN), PERIOD).model.explanations.find(
      (e) => e.indicatorId === OWNED,
    );

  beforeAll(async () => {
    await seed(store());
    for (const name of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) {
      const found = await findAccount(store().db, ACCOUNTS[name].email);
      if (!found) throw new Error(`no account ${name}`);
      accounts[name] = found;
    }
  });

  it("gives each exception a task; explanations imported with the plan count as approved", async () => {
    const before = await tasks(accounts.editor);
    expect(before.map((t) => [t.note, t.subject, t.state])).toEqual([
      [1, "burgerbelofte-1-ontevreden", "approved"],
      [2, "burgerbelofte-2-tevreden", "approved"],
      [3, "burgerbelofte-2-ontevreden", "approved"],
      [4, "burgerbelofte-3-tevreden", "approved"],
      [5, "geen-terugvordering", "approved"],
      [6, "inkoopbeheer-op-orde", "approved"],
    ]);
    expect(before[0]).toMatchObject({ due: "2025-11-14", daysLeft: 11, kind: "indicator" });
    expect(before[5]).toMatchObject({ kind: "intention" });
  });

  it("makes a task for the owner when their figure creates an exception", async () => {
    await updateRealisation(
      store(),
      { planId: PLAN, indicatorId: OWNED, periodId: PERIOD, value: 9, version: 1 },
      { actor: ACCOUNTS.owner.email, at: at(1) },
    );
    const mine = await task(accounts.owner);
    expect(mine).toMatchObject({
      subject: OWNED,
      state: "to-do",
      version: 0,
      owner: ACCOUNTS.owner.email,
      mayWrite: true,
      mayReview: false,
      markdown: "",
      approved: null,
      draft:
        "De realisatie over jan - okt is 9; de streefwaarde is < 8. Dat is 1 boven de streefwaarde.",
    });
    expect(mine.facts.map((f) => f.value).join(" ")).toMatch(/9/);
    expect(mine.row?.cells.map((c) => c.value)).toEqual(["1", "9"]);
    expect((await task(accounts.otherOwner)).mayWrite).toBe(false);
    expect((await task(accounts.editor)).mayReview).toBe(true);
  });

  it("refuses a submit with nothing written, and someone else's owner, changing nothing", async () => {
    const head = await auditHead(store().db);
    await expect(step(accounts.owner, { step: "submit", version: 0 }, 2)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      step(accounts.otherOwner, { step: "save", version: 0, markdown: "Niet van mij." }, 2),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await auditHead(store().db)).toBe(head);
  });

  it("saves a draft and submits it; the report keeps waiting for approval", async () => {
    const draft = await step(
      accounts.owner,
      { step: "save", version: 0, markdown: "Negen verstoringen, door de migratie." },
      3,
    );
    expect(draft).toMatchObject({ state: "draft", version: 1, updatedBy: ACCOUNTS.owner.email });
    await expect(step(accounts.owner, { step: "submit", version: 1 }, 4)).resolves.toMatchObject({
      state: "submitted",
      version: 2,
    });
    await expect(step(accounts.owner, { step: "approve", version: 2 }, 5)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect((await reported())?.markdown).toBeNull();
  });

  it("returns only with a comment, and refuses a stale version with the text as it is", async () => {
    await expect(
      step(accounts.editor, { step: "return", version: 2, comment: "  " }, 6),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await task(accounts.editor)).version).toBe(2);
    const returned = await step(
      accounts.editor,
      { step: "return", version: 2, comment: "Noem de maatregel." },
      7,
    );
    expect(returned).toMatchObject({ state: "returned", comment: "Noem de maatregel." });
    const stale = step(accounts.owner, { step: "save", version: 2, markdown: "Oud." }, 8);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({
      current: { state: "returned", version: 3, markdown: "Negen verstoringen, door de migratie." },
    });
  });

  it("approves the revised text, which the report then uses", async () => {
    const text = "Negen verstoringen, door de migratie. De maatregel: extra testen vooraf.";
    await step(accounts.owner, { step: "save", version: 3, markdown: text }, 9);
    await step(accounts.owner, { step: "submit", version: 4 }, 10);
    await expect(step(accounts.editor, { step: "approve", version: 5 }, 11)).resolves.toMatchObject(
      { state: "approved", version: 6, comment: "Noem de maatregel." },
    );
    expect((await reported())?.markdown).toBe(text);
    const trail = await store()
      .db.selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "explanation")
      .orderBy("seq")
      .execute();
    expect(trail.map((e) => e.action)).toEqual([
      "save-explanation",
      "submit-explanation",
      "return-explanation",
      "save-explanation",
      "submit-explanation",
      "approve-explanation",
    ]);
    expect((await verifyAudit(store().db)).ok).toBe(true);
  });

  it("keeps the approved text in the report while a change waits for review", async () => {
    await step(accounts.owner, { step: "save", version: 6, markdown: "Nieuwe tekst." }, 12);
    expect((await task(accounts.owner)).state).toBe("draft");
    expect((await reported())?.markdown).toMatch(/extra testen vooraf/);
  });

  it("locks the workflow with the period", async () => {
    await closePeriod(store(), PLAN, PERIOD, { actor: ACCOUNTS.editor.email, at: at(13) });
    const head = await auditHead(store().db);
    await expect(step(accounts.owner, { step: "submit", version: 7 }, 14)).rejects.toBeInstanceOf(
      LockedError,
    );
    expect(await auditHead(store().db)).toBe(head);
  });
});
