/** The schema, as migrations in order; each runs once per database, in a transaction. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { StoreDialect } from "./dialect.js";

function initial(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("organisations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("plans")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("plan_yaml", "text", (c) => c.notNull())
        .addColumn("imported_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("periods")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("period_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) =>
          c.notNull().check(sql`state in ('open', 'closed', 'published')`),
        )
        .addColumn("changed_at", "text")
        .addColumn("changed_by", "text")
        .addColumn("reason", "text")
        .addPrimaryKeyConstraint("periods_pk", ["plan_id", "period_id"])
        .execute();
      await db.schema
        .createTable("realisations")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("indicator_id", "text", (c) => c.notNull())
        .addColumn("period_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) =>
          c.notNull().check(sql`kind in ('number', 'assessment', 'missing')`),
        )
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("source", "text")
        .addColumn("sample_size", "integer")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("realisations_pk", ["plan_id", "indicator_id", "period_id"])
        .execute();
      await db.schema
        .createTable("explanations")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("period_id", "text", (c) => c.notNull())
        .addColumn("indicator_id", "text", (c) => c.notNull())
        .addColumn("markdown", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_by", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("explanations_pk", ["plan_id", "period_id", "indicator_id"])
        .execute();
      await db.schema
        .createTable("sections")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("period_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("heading", "text", (c) => c.notNull())
        .addColumn("markdown", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("sections_pk", ["plan_id", "period_id", "slug"])
        .execute();
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("roles")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "text", (c) =>
          c.notNull().check(sql`role in ('admin', 'editor', 'owner', 'viewer')`),
        )
        .addColumn("organisation_id", "text")
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sign_in_failures")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("window_start", "text", (c) => c.notNull())
        .addColumn("failures", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("entity", "text", (c) => c.notNull())
        .addColumn("entity_key", "text", (c) => c.notNull())
        .addColumn("before", "text")
        .addColumn("after", "text")
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable("published_reports")
        .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
        .addColumn("period_id", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("content", dialect.binaryType, (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("audit_head", "text", (c) => c.notNull())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("published_by", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("published_reports_pk", [
          "plan_id",
          "period_id",
          "format",
          "published_at",
        ])
        .execute();
    },
  };
}

/** The plan's intentions (intentions.yaml), kept beside its plan.yaml. */
const intentions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("plans").addColumn("intentions_yaml", "text").execute();
  },
};

/** The plan's register files (risks, findings, lawfulness), kept as written, as JSON by file name. */
const registers: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("plans").addColumn("registers_yaml", "text").execute();
  },
};

/**
 * The explanation workflow: an owner's working text per exception, its state and the editor's
 * comment, apart from `explanations`, which holds only approved texts — the ones reported.
 */
const explanationWorkflow: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("explanation_tasks")
      .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
      .addColumn("period_id", "text", (c) => c.notNull())
      .addColumn("subject_id", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) =>
        c.notNull().check(sql`state in ('to-do', 'draft', 'submitted', 'returned', 'approved')`),
      )
      .addColumn("markdown", "text", (c) => c.notNull())
      .addColumn("comment", "text")
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("reminded_at", "text")
      .addPrimaryKeyConstraint("explanation_tasks_pk", ["plan_id", "period_id", "subject_id"])
      .execute();
    await db.schema.alterTable("periods").addColumn("explanations_due", "text").execute();
  },
};

/** A blocked account signs in no more; null: not blocked. */
const userBlocking: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("users").addColumn("blocked_at", "text").execute();
  },
};

/** The plan's measurement history, with the previous year's waves folded in at import. */
const history: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("plans").addColumn("history_csv", "text").execute();
  },
};

/** How the computed figures came about (lineage.json), kept with the plan. */
const lineage: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("plans").addColumn("lineage_json", "text").execute();
  },
};

class CodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: StoreDialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      "0001-initial": initial(this.dialect),
      "0002-intentions": intentions,
      "0003-explanation-workflow": explanationWorkflow,
      "0004-user-blocking": userBlocking,
      "0005-registers": registers,
      "0006-history": history,
      "0007-lineage": lineage,
    };
  }
}

/** Brings the schema up to date; refuses, naming the migration, when one fails. */
export async function migrate(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const migrationTableSchema = await dialect.migrationSchema(db);
  const migrator = new Migrator({
    db,
    provider: new CodeMigrations(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${String(error)}`);
  }
}
