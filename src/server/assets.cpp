#include "server/assets.h"

namespace provcheck::server {

// The reader's selection: the byte offsets of a mouse selection in the
// source's text layer. Each run of text is a <span data-b data-e> holding
// the layer's bytes [b, e); an offset inside a run is b plus the UTF-8
// length of the characters before it, and the end of a run is e (so a CRLF
// that the HTML parser turned into LF still ends at the right byte).
const std::string_view k_desk_js = R"js('use strict';
(function () {
  var enc = new TextEncoder();
  function run(node) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    return el && el.closest ? el.closest('span[data-b]') : null;
  }
  function runAfter(container, offset, forward) {
    var kids = container.childNodes, i;
    if (forward) {
      for (i = offset; i < kids.length; i++) if (kids[i].nodeType === 1 && kids[i].hasAttribute('data-b')) return [kids[i], 'b'];
    } else {
      for (i = offset - 1; i >= 0; i--) if (kids[i].nodeType === 1 && kids[i].hasAttribute('data-e')) return [kids[i], 'e'];
    }
    return null;
  }
  function byteAt(node, offset, isEnd) {
    var r = run(node);
    if (node.nodeType === 3 && r) {
      if (offset >= node.data.length) return +r.getAttribute('data-e');
      return +r.getAttribute('data-b') + enc.encode(node.data.slice(0, offset)).length;
    }
    if (r) return +r.getAttribute(offset === 0 ? 'data-b' : 'data-e');
    var found = runAfter(node, offset, !isEnd) || runAfter(node, offset, isEnd);
    return found ? +found[0].getAttribute('data-' + found[1]) : null;
  }
  function update() {
    var text = document.getElementById('text');
    var bar = document.getElementById('pinbar');
    if (!text || !bar) return;
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { bar.classList.add('hidden'); return; }
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { bar.classList.add('hidden'); return; }
    var b = byteAt(range.startContainer, range.startOffset, false);
    var e = byteAt(range.endContainer, range.endOffset, true);
    if (b === null || e === null || e <= b) { bar.classList.add('hidden'); return; }
    document.getElementById('sel-start').value = b;
    document.getElementById('sel-end').value = e;
    var shown = sel.toString().replace(/\s+/g, ' ');
    document.getElementById('sel-preview').textContent =
        '\u201c' + (shown.length > 90 ? shown.slice(0, 90) + '\u2026' : shown) + '\u201d (bytes ' + b + '\u2013' + e + ')';
    bar.classList.remove('hidden');
  }
  document.addEventListener('mouseup', update);
  document.addEventListener('keyup', update);
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) { var bar = document.getElementById('pinbar'); if (bar) bar.classList.add('hidden'); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var hit = document.getElementById('hit');
    if (hit && location.hash === '#hit') hit.scrollIntoView({block: 'center'});
  });
})();
)js";

const std::string_view k_desk_css = R"css(:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#fff;--panel:#f6f7f9;--ok:#1f7a3a;
--info:#1c6491;--warn:#9a5b00;--err:#b3261e;--mark:#fff0a8;--pin:#ffe9a8}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--fg);background:var(--bg)}main{max-width:1240px;margin:0 auto;padding:8px 20px 90px}
header.top{background:#1d2330;color:#fff}header.top .inner{max-width:1240px;margin:0 auto;padding:10px 20px;display:flex;
align-items:center;gap:22px}.brand{font-weight:700;font-size:17px}header nav a{color:#c9cfda;margin-right:16px;text-decoration:none}
header nav a.active,header nav a:hover{color:#fff;border-bottom:2px solid #8fb8ff}form.find{margin-left:auto}
form.find input{padding:4px 8px;border-radius:4px;border:1px solid #556;background:#2a3142;color:#fff;width:220px}
h1{font-size:22px;margin:18px 0 6px}h2{font-size:18px;margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15.5px;margin:0 0 6px}h4{font-size:13px;margin:8px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
a{color:var(--info)}code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}.muted{color:var(--muted)}
.count{color:var(--muted);font-weight:normal;font-size:.85em}.meta{color:var(--muted);margin:0 0 6px}.hint{font-size:13px}
.flash{padding:8px 12px;border-radius:6px;white-space:pre-wrap}.flash.error{background:#fbe9e7;color:var(--err);font-weight:600}
.flash.notice{background:#e6f4ea;color:var(--ok)}.reason{font-size:17px}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--panel)}td.num,th.num{text-align:right}table.sources{width:100%}
.badge{display:inline-block;padding:0 7px;border-radius:10px;font-size:12.5px;font-weight:600;white-space:nowrap;background:#e8eaee}
.st-intact,.st-moved,.state-as_captured{background:#e6f4ea;color:var(--ok)}.st-normalized{background:#e4f0f8;color:var(--info)}
.st-modified,.state-changed{background:#fff4e0;color:var(--warn)}
.st-figure_changed,.st-ambiguous,.st-missing,.st-source_missing,.state-unusable{background:#fbe9e7;color:var(--err)}
.sev{font-size:12px;text-transform:uppercase;font-weight:700;letter-spacing:.03em}.sev-error{color:var(--err)}
.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}.sev-ok{color:var(--ok)}
details.add{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:8px 0}
details.add summary{cursor:pointer;font-weight:600}
form.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px 16px;margin:10px 0}
form.grid label{display:flex;flex-direction:column;font-size:13px;color:var(--muted);gap:2px}
form.grid .wide{grid-column:1/-1}form.grid small{font-size:11.5px}
input,textarea,button{font:inherit;color:var(--fg)}input[type=text],input[type=url],input[type=number],input[type=search],textarea{
padding:5px 8px;border:1px solid #b8c0cc;border-radius:4px;background:#fff}textarea[readonly]{background:#fffbe6}
button{padding:5px 14px;border-radius:5px;border:1px solid #1c6491;background:#1c6491;color:#fff;cursor:pointer}
button.danger{background:var(--err);border-color:var(--err)}.actions{display:flex;gap:14px;align-items:center}
ul.notes{margin:0;padding-left:18px;font-size:13px;color:var(--warn)}
.reader{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:24px;align-items:start}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.65 Georgia,"Noto Serif",serif;background:#fff;border:1px solid var(--line);
border-radius:6px;padding:18px 22px;max-width:80ch}
.text .pin{background:var(--pin);border-bottom:2px solid #e0b000}.text .fig{text-decoration:underline dotted #1c6491 2px;
text-underline-offset:3px;cursor:help}.text .hit{background:#cfe6ff;outline:1px solid #7fb2ec}
.text ::selection{background:#b7d4ff}
aside.margin{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow-y:auto}aside.margin h2{margin-top:0}
.pincard{border:1px solid var(--line);border-left:4px solid #e0b000;border-radius:5px;padding:6px 10px;margin:0 0 8px;font-size:13.5px}
.pincard p{margin:4px 0 0}.pincard .jump{float:right;font-size:12px}
.pinbar{position:fixed;left:50%;bottom:18px;transform:translateX(-50%);background:#1d2330;color:#fff;padding:8px 12px;
border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.25);display:flex;gap:12px;align-items:center;max-width:90vw;z-index:5}
.pinbar .preview{font-size:13px;color:#dfe4ee;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:60vw}
.pinbar button{white-space:nowrap;flex:none}.hidden{display:none}
.verdict{font-size:16px;font-weight:600;padding:8px 14px;border-radius:6px;margin:10px 0}.verdict.bad{background:#fbe9e7;color:var(--err)}
.verdict.warn{background:#fff4e0;color:var(--warn)}.verdict.good{background:#e6f4ea;color:var(--ok)}
article{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:10px 14px;margin:10px 0}
article.f-error{border-left-color:var(--err)}article.f-warning{border-left-color:var(--warn)}article.f-info{border-left-color:var(--info)}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:14px}
blockquote{margin:4px 0;white-space:pre-wrap;padding:6px 10px;border-radius:4px;background:var(--panel)}
blockquote.old{border-left:3px solid var(--err)}blockquote.new{border-left:3px solid var(--ok)}
.context mark{background:var(--mark);outline:1px solid #e0c200}
.diff{white-space:pre-wrap;background:var(--panel);border-radius:4px;padding:6px 10px;margin:6px 0;font-size:14px}
del{background:#fbe0de;color:#8c1d18;text-decoration:line-through}ins{background:#dcf3e1;color:#0f5a27;text-decoration:none}
del+ins,ins+del{margin-left:3px}.where{font-size:13px;color:var(--muted)}.claim-text{font-style:italic}.claim-text.big{font-size:18px}
form.accept,form.accept-all{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin:6px 0}
label.confirm{font-size:13.5px;color:var(--err);font-weight:600}
.conflict .why{font-weight:600}tr.in-conflict td{background:#fdf1f0}.flag-text{color:var(--err);font-size:12px;font-weight:700}
figure{margin:6px 0;overflow-x:auto}svg.timeline{max-width:100%;height:auto;font:12px system-ui,sans-serif}
svg .plot{fill:#fbfcfd;stroke:var(--line)}svg .grid{stroke:#e7eaf0}svg .tick{fill:var(--muted)}
svg .mark circle{fill:var(--info);stroke:#fff;stroke-width:1.5}svg .mark line{stroke:var(--info);stroke-width:3;opacity:.55}
svg .mark.drift circle{fill:var(--warn)}svg .mark.conflict circle{fill:var(--err);stroke:#5c0f0a;stroke-width:2}
svg .mark.conflict line{stroke:var(--err)}svg .label{fill:var(--fg);font-size:11px}svg .flag{fill:var(--err);font-weight:700;font-size:14px}
.legend{font-size:13px;color:var(--muted)}.unit{color:var(--muted)}.scroll{overflow-x:auto}
details{border-bottom:1px solid var(--line);padding:4px 0}details summary{cursor:pointer}
ol.results li{margin:0 0 12px}.snippet{margin:2px 0}.snippet b{background:var(--mark)}
.figchip{display:inline-block;font-size:12px;background:#e4f0f8;color:var(--info);border-radius:8px;padding:0 6px;margin-right:4px}
.searchform input{width:380px}
@media (max-width:900px){.reader{grid-template-columns:1fr}.sides{grid-template-columns:1fr}}
)css";

}  // namespace provcheck::server
