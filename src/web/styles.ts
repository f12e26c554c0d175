/** The hub's one stylesheet, served from /static/app.css (no CDN, no build step). */
export const APP_CSS = `
:root { --ink:#1d2733; --muted:#5b6776; --line:#d7dde4; --bg:#f4f6f8; --nhs:#005eb8;
  --supported:#007f3b; --ending-soon:#b35c00; --extended-support:#8a4b00; --unsupported:#c0152f; --unknown:#5b6776;
  --surface:#fff; --surface-2:#eef1f4; --link:#005eb8; --focus:#1d2733; --notice:#fff7e0; --warn:#fff4e5;
  /* Form controls' edges: at least 3:1 against the page and the panels (WCAG 1.4.11). */
  --control:#687482; --button:#005eb8; --button-ink:#fff; }
/* Dark colours on screen only: a PDF or a printout stays dark ink on white. Charts keep their white sheet (their SVG draws in fixed ink). */
@media screen and (prefers-color-scheme: dark) {
  :root { color-scheme:dark; --ink:#e3e8ee; --muted:#a9b4c0; --line:#3a4654; --bg:#101820; --nhs:#004a94;
    --surface:#17212b; --surface-2:#212d39; --link:#8fc3ff; --focus:#ffd54a; --notice:#3b3000; --warn:#3d2600; --control:#8d99a6;
    /* NHS blue is too dark to mark a button's edge on a dark page: a light blue with dark ink instead. */
    --button:#8fc3ff; --button-ink:#0b1a2a; }
}
* { box-sizing: border-box; }
a { color:var(--link); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; } header :focus-visible { outline-color:#fff; }
/* The skip link: off screen until it takes the focus, the first thing Tab reaches. */
.skip-link { position:absolute; left:.5rem; top:-4rem; z-index:10; background:#fff; color:#003087; font-weight:700; padding:.5rem 1rem; border:3px solid #1d2733; border-radius:4px; }
.skip-link:focus { top:.5rem; } main:focus { outline:none; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color:var(--ink); background:var(--bg); }
header { background:var(--nhs); color:#fff; padding:.6rem 1.2rem; display:flex; gap:1.5rem; align-items:center; flex-wrap:wrap; }
header a { color:#fff; text-decoration:none; font-weight:600; }
header .brand { font-size:1.15rem; margin-right:1rem; }
header a[aria-current], header details.here > summary { text-decoration:underline; text-decoration-thickness:3px; text-underline-offset:.35em; }
ul.site-nav { list-style:none; margin:0; padding:0; display:flex; flex-wrap:wrap; gap:.4rem 1.4rem; align-items:center; }
ul.site-nav > li { position:relative; }
ul.site-nav summary { cursor:pointer; font-weight:600; list-style:none; white-space:nowrap; } ul.site-nav summary::-webkit-details-marker { display:none; }
ul.site-nav summary::after { content:"\\25BE" / ""; margin-left:.3rem; } ul.site-nav details[open] > summary::after { content:"\\25B4" / ""; }
ul.site-nav details ul { position:absolute; top:calc(100% + .6rem); left:-.6rem; z-index:5; min-width:12rem; list-style:none; margin:0; padding:.3rem 0;
  background:var(--surface); border:1px solid var(--line); border-radius:6px; box-shadow:0 4px 14px rgba(0,0,0,.25); }
ul.site-nav details ul a { display:block; padding:.45rem .9rem; color:var(--link); white-space:nowrap; }
ul.site-nav details ul :focus-visible { outline-color:var(--focus); outline-offset:-3px; }
header form { margin-left:auto; }
header button { background:transparent; color:#fff; border:1px solid #fff; border-radius:4px; padding:.2rem .7rem; cursor:pointer; }
main { max-width:1200px; margin:1.2rem auto; padding:0 1.2rem; }
h1 { font-size:1.6rem; margin:.2rem 0 1rem; } h2 { font-size:1.2rem; margin:1.6rem 0 .6rem; }
.panel { background:var(--surface); border:1px solid var(--line); border-radius:6px; padding:1rem 1.2rem; margin-bottom:1rem; }
.headline { font-size:1.25rem; } .muted { color:var(--muted); } .small { font-size:.85rem; }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(170px, 1fr)); gap:.8rem; }
.card { background:var(--surface); border:1px solid var(--line); border-left:6px solid var(--line); border-radius:6px; padding:.7rem .9rem; text-decoration:none; color:inherit; }
.card .n { font-size:1.8rem; font-weight:700; display:block; }
.card.supported { border-left-color:var(--supported); } .card.ending-soon { border-left-color:var(--ending-soon); }
.card.extended-support { border-left-color:var(--extended-support); } .card.unsupported { border-left-color:var(--unsupported); } .card.unknown { border-left-color:var(--unknown); }
.bar { display:block; width:100%; height:22px; border:1px solid var(--line); border-radius:4px; background:var(--surface); }
.bar .supported { fill:var(--supported); } .bar .ending-soon { fill:var(--ending-soon); } .bar .extended-support { fill:var(--extended-support); }
.bar .unsupported { fill:var(--unsupported); } .bar .unknown { fill:var(--unknown); }
/* Each swatch repeats its bar segment's white marks (status-bar.tsx): dots, stripes, cross-hatch, a line, so no two statuses differ by colour alone. */
.dot.supported { background:var(--supported); } .dot.ending-soon { background:radial-gradient(#fff 0 1px, transparent 1.5px) 0 0 / 5px 5px, var(--ending-soon); }
.dot.extended-support { background:repeating-linear-gradient(-45deg, var(--extended-support) 0 3px, #fff 3px 4.5px); }
.dot.unsupported { background:repeating-linear-gradient(45deg, transparent 0 3px, #fff 3px 4.5px), repeating-linear-gradient(-45deg, var(--unsupported) 0 3px, #fff 3px 4.5px); }
.dot.unknown { background:linear-gradient(transparent 45%, #fff 45% 60%, transparent 60%), var(--unknown); }
.legend { display:flex; gap:1rem; flex-wrap:wrap; margin:.4rem 0 0; font-size:.85rem; }
.dot { display:inline-block; width:1rem; height:1rem; border-radius:2px; margin-right:.3rem; vertical-align:-1px; }
/* A table wider than the window scrolls inside its own box, never the page (WCAG 1.4.10 reflow). */
.table-scroll { overflow-x:auto; }
table { width:100%; border-collapse:collapse; background:var(--surface); border:1px solid var(--line); }
th, td { text-align:left; padding:.45rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--surface-2); font-size:.85rem; text-transform:uppercase; letter-spacing:.03em; color:var(--muted); }
td.num, th.num { text-align:right; }
.badge { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.8rem; font-weight:600; color:#fff; white-space:nowrap; }
.badge.supported { background:var(--supported); } .badge.ending-soon { background:var(--ending-soon); } .badge.extended-support { background:var(--extended-support); }
.badge.unsupported { background:var(--unsupported); } .badge.unknown { background:var(--unknown); }
.reason { font-size:.85rem; color:var(--muted); max-width:44rem; overflow-wrap:anywhere; }
form.filters { display:flex; gap:.6rem; flex-wrap:wrap; align-items:end; margin-bottom:.8rem; } form.filters > * { max-width:100%; }
label { display:block; font-size:.85rem; color:var(--muted); }
input, select { max-width:100%; font:inherit; padding:.35rem .5rem; border:1px solid var(--control); border-radius:4px; background:var(--surface); color:var(--ink); }
button { font:inherit; color:var(--ink); background:var(--surface); border:1px solid var(--control); border-radius:4px; padding:.3rem .75rem; cursor:pointer; }
button.primary, a.button.primary { font:inherit; background:var(--button); color:var(--button-ink); border:0; border-radius:4px; padding:.45rem 1rem; cursor:pointer; }
a.button { display:inline-block; text-decoration:none; }
.login { max-width:360px; margin:3rem auto; } .login input { width:100%; margin-bottom:.8rem; }
.error { color:var(--unsupported); font-weight:600; } .warning-line { border-left:4px solid #b34700; background:var(--warn); padding:.4rem .7rem; } .notice { background:var(--notice); border:1px solid #e0c070; padding:.6rem .9rem; border-radius:4px; }
dl.facts { display:grid; grid-template-columns:max-content minmax(0, 1fr); gap:.2rem 1rem; margin:0; } dl.facts dt { color:var(--muted); }
.pager { margin:.6rem 0; display:flex; gap:1rem; } .pager a.csv { margin-left:auto; }
code.secret { font-size:1rem; background:var(--surface-2); padding:.3rem .5rem; display:inline-block; word-break:break-all; }
.sev { display:inline-block; padding:.05rem .5rem; border-radius:4px; font-size:.8rem; font-weight:700; white-space:nowrap; border:2px solid transparent; print-color-adjust:exact; -webkit-print-color-adjust:exact; }
.sev-critical { background:#5c0a1e; color:#fff; } .sev-high { background:#b34700; color:#fff; } .sev-medium { background:#f0e442; color:#1d2733; border-color:#8a7d00; }
.sev-low { background:#d6ecfa; color:#1d2733; border-color:#0072b2; } .sev-info { background:#fff; color:#1d2733; border-color:#9aa5b1; }
.card.sev-card-critical { border-left-color:#5c0a1e; } .card.sev-card-high { border-left-color:#b34700; } .card.sev-card-medium { border-left-color:#c9bd2c; }
.card.sev-card-low { border-left-color:#0072b2; } .card.sev-card-info { border-left-color:#9aa5b1; }
tr.overdue td { background:var(--warn); } tr.overdue td:first-child { box-shadow:inset 6px 0 0 #b34700; }
.overdue-flag { display:inline-block; font-size:.78rem; font-weight:700; border:2px dashed #b34700; border-radius:4px; padding:0 .35rem; white-space:nowrap; }
.overdue-panel { border:2px solid #b34700; background:var(--warn); }
fieldset.severities { border:1px solid var(--line); border-radius:4px; padding:.2rem .6rem; margin:0; } fieldset.severities legend { font-size:.85rem; color:var(--muted); }
label.inline { display:inline; margin-right:.5rem; color:var(--ink); }
textarea { font:inherit; width:100%; padding:.35rem .5rem; border:1px solid var(--control); background:var(--surface); color:var(--ink); border-radius:4px; margin-bottom:.5rem; }
.actions { display:grid; grid-template-columns:repeat(auto-fit, minmax(260px, 1fr)); gap:.8rem; align-items:start; }
form.action input:not([type=hidden]) { width:100%; margin-bottom:.5rem; }
ul.notes { list-style:none; padding:0; } ul.notes li { background:var(--surface); border:1px solid var(--line); border-radius:6px; padding:.5rem .8rem; margin-bottom:.5rem; }
.note-text, td.changes { white-space:pre-wrap; overflow-wrap:anywhere; }
.risk { display:inline-block; min-width:1.6rem; text-align:center; font-weight:700; border:2px solid #1d2733; border-radius:4px; padding:0 .3rem; print-color-adjust:exact; -webkit-print-color-adjust:exact; }
/* Light fills in either colour scheme, so dark ink on them. */
.risk-1, .risk-2, .risk-3, .risk-4, .risk-5 { color:#1d2733; } .risk-1 { background:#d9f0d3; } .risk-2 { background:#eef6c8; } .risk-3 { background:#fff3b0; } .risk-4 { background:#ffd1a6; } .risk-5 { background:#f6b3b3; }
table.matrix { width:auto; margin-bottom:1rem; } table.matrix caption { text-align:left; font-size:.85rem; color:var(--muted); padding:.3rem 0; }
table.matrix td { text-align:center; min-width:6.5rem; border:1px solid var(--line); print-color-adjust:exact; -webkit-print-color-adjust:exact; }
table.matrix td .rating { font-size:1.1rem; font-weight:700; display:block; }
table.matrix td.initial { outline:3px dashed #1d2733; outline-offset:-4px; } table.matrix td.residual { outline:3px solid #1d2733; outline-offset:-4px; }
.marker { display:block; font-size:.75rem; font-weight:700; text-transform:uppercase; letter-spacing:.03em; }
.rerating-flag { display:inline-block; font-size:.78rem; font-weight:700; border:2px solid #0072b2; border-radius:4px; padding:0 .35rem; white-space:nowrap; }
tr.overdue td .overdue-flag, dd .overdue-flag { background:var(--surface); }
.tabs { display:flex; gap:1.2rem; } .tabs a[aria-current=page] { font-weight:700; text-decoration:none; border-bottom:3px solid var(--nhs); }
ul.links { list-style:none; padding:0; } ul.links li { margin-bottom:.3rem; } form.inline-form { display:inline; margin-left:.6rem; }
form.action button + button { margin-left:.4rem; } form.action input[type=checkbox] { width:auto; margin:0 .3rem .5rem 0; } details.panel summary { cursor:pointer; font-weight:600; }
figure.trajectory { margin:0; background:#fff; color:#1d2733; border:1px solid var(--line); border-radius:6px; padding:.6rem; }
.trajectories { display:grid; grid-template-columns:repeat(auto-fit, minmax(min(320px, 100%), 1fr)); gap:.8rem; margin-bottom:1rem; }
figure.trajectory svg { width:100%; height:auto; }
figure.trajectory .axis { stroke:#5b6776; stroke-width:1; }
figure.trajectory .tick { font-size:11px; fill:#5b6776; }
figure.trajectory .target { stroke:#1d2733; stroke-width:1.5; stroke-dasharray:2 3; }
figure.trajectory polyline.traj-actual { stroke:#1d2733; stroke-width:2.5; }
figure.trajectory polyline.traj-planned { stroke:#005eb8; stroke-width:2; }
figure.trajectory circle.traj-actual { fill:#1d2733; }
figure.trajectory rect.traj-planned { fill:#fff; stroke:#005eb8; stroke-width:1.5; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; } form.bulk fieldset { border:0; padding:0; margin:0 0 .4rem; } td.select, th.select { width:2rem; }
.print-log section.hazard-print { margin-top:2rem; } 
@media print { .no-print, header, form.filters, .pager, .actions, details.panel, .tabs, form.inline-form { display:none; } tr.overdue td { background:#fff; } body { background:#fff; } section.hazard-print { break-before:page; } }
.chart-grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap:.8rem; margin-bottom:1rem; }
figure.chart { margin:0; background:#fff; color:#1d2733; border:1px solid var(--line); border-radius:6px; padding:.6rem; break-inside:avoid; }
figure.chart svg { width:100%; height:auto; } figure.chart figcaption { font-size:.85rem; font-weight:600; }
.board-report .summary .headline { font-size:1.35rem; font-weight:700; } .summary-list li { margin-bottom:.35rem; }
.summary-list li.warning { font-weight:700; border:2px solid #b34700; background:var(--warn); padding:.3rem .5rem; list-style:none; margin-left:-1.2rem; }
a.figure { font-weight:700; } table.compact { width:auto; min-width:24rem; } tr.total td { font-weight:700; }
.board-report section { break-inside:auto; } .board-report h2 { break-after:avoid; } .board-report table { break-inside:auto; } .board-report tr { break-inside:avoid; }
.seal code { overflow-wrap:anywhere; } p code { overflow-wrap:anywhere; }
/* Evidence rows fit the window, all their columns: smaller type, and a long unbroken word (a full machine name, a build) wraps anywhere. */
table.evidence { font-size:.9rem; } table.evidence th, table.evidence td { padding:.4rem .35rem; } table.evidence th { letter-spacing:0; } table.evidence td.long { overflow-wrap:anywhere; min-width:6rem; } table.evidence.wide { font-size:.8rem; } table.evidence.wide th, table.evidence.wide td { padding:.35rem .2rem; } table.evidence.wide th { overflow-wrap:anywhere; }
/* A phone: facts stack under their names, and the navigation's menus open in the header's flow instead of over the page. */
@media (max-width: 40rem) {
  dl.facts { grid-template-columns:minmax(0, 1fr); } dl.facts dd { margin:0 0 .4rem; }
  ul.site-nav details ul { position:static; box-shadow:none; margin-top:.4rem; }
}
@page { size:A4; margin:15mm 12mm; }
@media print { .no-print { display:none; } main { max-width:none; margin:0; padding:0; } .table-scroll { overflow:visible; } .chart-grid { display:block; } figure.chart { margin-bottom:4mm; } section.charts > h2 { break-before:page; } a.figure { color:inherit; text-decoration:underline; }
  .panel, table, figure.chart { border-color:#999; } .board-report { font-size:11pt; } }
`;
