/** The report's style sheet: screen and A4 print; colour only ever repeats what text says. */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --rule: #b8b8b8; --accent: #154273; --miss: #8b1a1a; --behind: #7a4b00; --ok: #1e5c2e; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", Arial, sans-serif; color: var(--ink); line-height: 1.5; max-width: 62rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; color: var(--accent); margin: 0 0 1.5rem; }
h2 { font-size: 1.3rem; color: var(--accent); margin: 2rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.organisation { color: var(--muted); margin: 0; }
table.indicators { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.4rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
tr.group th { background: #eef2f7; font-weight: 600; }
tr.group.depth-0 th { background: #dde5ef; }
th.depth-1, tr.group.depth-1 th { padding-left: 1.2rem; }
th.depth-2, tr.group.depth-2 th { padding-left: 2rem; }
th.depth-3 { padding-left: 2.8rem; }
tbody th[scope="row"] { font-weight: normal; width: 30%; }
td.target { min-width: 8rem; }
td.value { white-space: nowrap; text-align: right; }
td.note { text-align: center; font-weight: 700; }
td.status { white-space: nowrap; }
tr.status-not-met td.status { color: var(--miss); font-weight: 600; }
tr.status-behind-plan td.status { color: var(--behind); font-weight: 600; }
tr.status-met td.status { color: var(--ok); }
td.source { color: var(--muted); font-size: 0.85rem; }
a { color: var(--accent); }
.legend { font-size: 0.85rem; color: var(--muted); }
.note-number { display: inline-block; min-width: 1.6rem; height: 1.6rem; border-radius: 0.8rem; background: var(--accent); color: #fff; text-align: center; margin-right: 0.4rem; font-size: 0.95rem; line-height: 1.6rem; }
dl.facts { display: flex; flex-wrap: wrap; gap: 0.2rem 1.5rem; margin: 0 0 0.75rem; font-size: 0.9rem; }
dl.facts div { display: flex; gap: 0.4rem; }
dl.facts dt { color: var(--muted); }
dl.facts dt::after { content: ":"; }
dl.facts dd { margin: 0; font-weight: 600; }
div.chart { margin: 0.25rem 0 0.75rem; }
div.chart svg { width: 19rem; max-width: 100%; height: auto; }
.missing { font-style: italic; color: var(--miss); }
.draft { border-left: 4px solid var(--miss); padding: 0 0.8rem; }
.draft strong { color: var(--miss); }
.footnotes { font-size: 0.85rem; }
.footnotes-sep { border: 0; border-top: 1px solid var(--rule); width: 30%; margin-left: 0; }
@media print {
  @page { size: A4; margin: 18mm 15mm 20mm; }
  html { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; font-size: 1rem; }
  thead { display: table-header-group; }
  tr, dl.facts, div.chart { break-inside: avoid; }
  h1, h2, h3, tr.group, .explanation > h3, dl.facts { break-after: avoid; }
  table.indicators { font-size: 8.5pt; }
  th, td { padding: 0.2rem 0.3rem; }
  td.target { min-width: 0; }
  td.status { white-space: normal; min-width: 5rem; }
  td.source { font-size: 7pt; }
  .footnote-backref { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
