import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { ApiError, api, type BundleFile, type ImportSummary } from "./api.js";
import { type Language, TEXTS } from "./texts.js";

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "checking" }
  | { readonly kind: "preview"; readonly files: BundleFile[]; readonly summary: ImportSummary }
  | { readonly kind: "problems"; readonly problems: readonly string[] }
  | { readonly kind: "imported"; readonly summary: ImportSummary };

type Texts = (typeof TEXTS)[Language];

/**
 * The chosen files with their paths inside the bundle. A folder's files come as
 * `folder/plan.yaml`: the bundle is what is inside the chosen folder. Hidden files (`.DS_Store`)
 * are the computer's, not the plan's.
 */
async function bundleFiles(list: FileList): Promise<BundleFile[]> {
  const chosen = [...list].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  const tops = new Set(chosen.map((c) => (c.path.includes("/") ? c.path.split("/")[0] : "")));
  const folder = tops.size === 1 && !tops.has("") ? `${[...tops][0]}/` : "";
  const inBundle = chosen
    .map((c) => ({ file: c.file, path: c.path.slice(folder.length) }))
    .filter((c) => !c.path.split("/").some((part) => part.startsWith(".")));
  return Promise.all(inBundle.map(async (c) => ({ path: c.path, content: await c.file.text() })));
}

function problemsOf(error: unknown, t: Texts): string[] {
  if (error instanceof ApiError) {
    if (error.status === 403) return [t.notAllowed];
    const listed = error.problem.problems as string[] | undefined;
    if (listed) return listed;
  }
  return [error instanceof Error ? error.message : String(error)];
}

function Summary({ summary, t }: { summary: ImportSummary; t: Texts }) {
  return (
    <dl className="summary">
      <dt>{t.planId}</dt>
      <dd>{summary.id}</dd>
      <dt>{t.organisation}</dt>
      <dd>{summary.organisation}</dd>
      <dt>{t.year}</dt>
      <dd>{summary.year}</dd>
      <dt>{t.periods}</dt>
      <dd>{summary.periods.map((p) => `${p.label} (${p.id})`).join(", ")}</dd>
      <dt>{t.indicatorCount}</dt>
      <dd>{summary.indicators}</dd>
      <dt>{t.realisationCount}</dt>
      <dd>{summary.realisations}</dd>
      <dt>{t.explanationCount}</dt>
      <dd>{summary.explanations}</dd>
      <dt>{t.sectionCount}</dt>
      <dd>{summary.sections}</dd>
    </dl>
  );
}

function Preview(props: {
  summary: ImportSummary;
  t: Texts;
  onImport: (replace: boolean) => void;
}) {
  const { summary, t, onImport } = props;
  const [replace, setReplace] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="import-preview" aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading" ref={heading} tabIndex={-1}>
        {summary.title}
      </h2>
      <Summary summary={summary} t={t} />
      {summary.warnings.length > 0 && (
        <>
          <h3>{t.importWarnings}</h3>
          <ul>
            {summary.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t.nothingStoredYet}</p>
      {summary.replaces && (
        <p>
          <label>
            <input
              type="checkbox"
              checked={replace}
              onChange={(e) => setReplace(e.target.checked)}
            />{" "}
            {t.replaceExisting(summary.id)}
          </label>
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={summary.replaces && !replace}
        onClick={() => onImport(replace)}
      >
        {summary.replaces ? t.replaceConfirm : t.importConfirm}
      </button>
    </section>
  );
}

/**
 * Importing a plan bundle in two steps: the chosen folder is checked by the server and described
 * (or every problem listed), with nothing stored; then, on the user's word, imported.
 */
export function ImportPanel(props: { language: Language; onImported: (plan: string) => void }) {
  const { language, onImported } = props;
  const t = TEXTS[language];
  const [state, setState] = useState<State>({ kind: "idle" });

  async function check(event: ChangeEvent<HTMLInputElement>) {
    const list = event.target.files;
    if (!list || list.length === 0) return;
    setState({ kind: "checking" });
    const files = await bundleFiles(list);
    try {
      setState({ kind: "preview", files, summary: await api.importPlan(files, "preview") });
    } catch (error) {
      setState({ kind: "problems", problems: problemsOf(error, t) });
    }
  }

  async function store(files: BundleFile[], replace: boolean) {
    try {
      const summary = await api.importPlan(files, replace ? "replace" : "import");
      setState({ kind: "imported", summary });
      onImported(summary.id);
    } catch (error) {
      setState({ kind: "problems", problems: problemsOf(error, t) });
    }
  }

  return (
    <section className="import" aria-labelledby="import-heading">
      <h1 id="import-heading">{t.importHeading}</h1>
      <p>{t.importIntro}</p>
      <div className="choose">
        <label htmlFor="import-folder">{t.importFolder}</label>
        <input id="import-folder" type="file" webkitdirectory="" multiple onChange={check} />
        <label htmlFor="import-files">{t.importFiles}</label>
        <input
          id="import-files"
          type="file"
          multiple
          accept=".yaml,.yml,.csv,.md"
          onChange={check}
        />
      </div>
      <div aria-live="polite">
        {state.kind === "checking" && <p>{t.importChecking}</p>}
        {state.kind === "problems" && (
          <div role="alert" className="error">
            <p>{t.importProblems}</p>
            <ul className="problems">
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {state.kind === "imported" && (
          <p role="status" className="done">
            {t.imported(state.summary.title)}
          </p>
        )}
      </div>
      {state.kind === "preview" && (
        <Preview
          summary={state.summary}
          t={t}
          onImport={(replace) => void store(state.files, replace)}
        />
      )}
    </section>
  );
}
