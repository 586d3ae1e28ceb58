import type { CheckFinding, CheckResult } from "./check-api.js";
import type { TEXTS } from "./texts.js";

type Texts = (typeof TEXTS)[keyof typeof TEXTS];

function FindingList(props: { heading: string; findings: readonly CheckFinding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <>
      <h4>{props.heading}</h4>
      <ul>
        {props.findings.map((f) => (
          <li key={`${f.file}:${f.line}:${f.stated}`}>
            <code>
              {f.file}:{f.line}
            </code>{" "}
            {f.message}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What the check before publishing found, with the choice to publish anyway or not. */
export function CheckFindings(props: {
  result: CheckResult;
  t: Texts;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { result, t, busy, onConfirm, onCancel } = props;
  return (
    <div role="alertdialog" aria-labelledby="controle-kop" className="check-findings">
      <h3 id="controle-kop">{t.checkHeading}</h3>
      <p>{t.checkIntro}</p>
      <FindingList heading={t.checkMismatches} findings={result.mismatches} />
      <FindingList heading={t.checkUnverifiable} findings={result.unverifiable} />
      <p>
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {t.publishAnyway}
        </button>{" "}
        <button type="button" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </p>
    </div>
  );
}
