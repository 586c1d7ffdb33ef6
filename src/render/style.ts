// The inline style sheet of the HTML view (no external asset).
import type { EntityType } from '../types.js';
import { PAGE_COLOUR, SUMMARY_BG, SUMMARY_INK, TEXT_COLOUR, TYPE_STYLES } from './colors.js';

const typeRules = (Object.entries(TYPE_STYLES) as [EntityType, (typeof TYPE_STYLES)[EntityType]][])
  .map(([t, s]) => `.t-${t}{background:${s.bg};border-bottom-color:${s.ink}}.t-${t}::after{color:${s.ink}}`)
  .join('\n');

/** The whole style sheet: layout, one rule per entity type, the summary marks, the tooltips, print. */
export const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:${PAGE_COLOUR};color:${TEXT_COLOUR};font:16px/1.6 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.35rem;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #c8c8c8;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
a{color:#0b4fa8}
:focus-visible{outline:3px solid #0b4fa8;outline-offset:2px}
.stats{color:#3d3d3d;margin:0}
nav.toc{margin:.4rem 0}
nav.toc a{margin-right:1rem}
.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.35rem .9rem}
.legend li{white-space:nowrap}
.key{padding:0 .3rem;border-bottom:2px solid;font-size:.8rem;font-weight:700;letter-spacing:.02em}
.key.sum-key{background:${SUMMARY_BG};border-bottom:3px double ${SUMMARY_INK};color:${SUMMARY_INK}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #d0d0d0;border-radius:6px;padding:1rem 1.2rem;line-height:1.9}
.ent{color:${TEXT_COLOUR};border-bottom:2px solid;border-radius:3px;padding:0 .1rem;position:relative;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.ent.cont{border-left:1px dashed}
section:has(.show-labels:checked) .ent:not(.cont)::after{content:attr(data-label);font-size:.62rem;font-weight:700;letter-spacing:.03em;margin-left:.2rem;vertical-align:.1em}
.ent:is(:hover,:focus-visible):not(:has(.ent:hover,.ent:focus-visible))::before{content:attr(data-tip);position:absolute;left:0;top:calc(100% + 4px);z-index:10;width:max-content;max-width:min(26rem,80vw);white-space:pre-line;background:#1f1f1f;color:#ffffff;font-size:.82rem;line-height:1.4;padding:.45rem .6rem;border-radius:5px;box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none}
.sum{background:${SUMMARY_BG};border-bottom:3px double ${SUMMARY_INK};box-decoration-break:clone;-webkit-box-decoration-break:clone}
.sum.head::before{content:"S" attr(data-rank) " ";color:${SUMMARY_INK};font-weight:700;font-size:.75rem}
.summary li{margin:.25rem 0}
table{border-collapse:collapse;width:100%;margin:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{white-space:nowrap}
dl.meeting{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.3rem 0}
dl.meeting dt{font-weight:700}
dl.meeting dd{margin:0}
.toggle{margin:.4rem 0;display:inline-flex;gap:.4rem;align-items:center}
.none{color:#555555;font-style:italic}
.error{color:#9b1c1c}
.doc{border-top:3px solid #888888;margin-top:2rem}
${typeRules}
@media print{.ent::before{display:none}.text{border:none}}
`;
