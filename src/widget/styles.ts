// The widget's stylesheet, inside its Shadow DOM: the page's CSS cannot reach in, and `all: initial` on the host
// stops inherited fonts and colours. Brand colours arrive as the custom properties --p (primary) and --pt (its text).
export const CSS = `
:host{all:initial;position:fixed;z-index:2147483000;right:20px;bottom:20px;--p:#1f5eff;--pt:#fff;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24}
*{box-sizing:border-box;font:inherit}
[hidden]{display:none!important}
:focus-visible{outline:3px solid #f5a524;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--p);color:var(--pt);cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center;position:relative;float:right}
.launcher svg{width:26px;height:26px;fill:currentColor}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;
background:#c4320a;color:#fff;font-size:12px;line-height:20px;text-align:center}
.panel{position:absolute;right:0;bottom:72px;width:min(370px,calc(100vw - 40px));height:min(560px,calc(100vh - 110px));
background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}
.head{background:var(--p);color:var(--pt);padding:10px 10px 10px 16px;display:flex;align-items:center;gap:8px}
.head h2{margin:0;font-size:16px;font-weight:600;flex:1}
.icon{background:transparent;border:0;color:inherit;cursor:pointer;width:36px;height:36px;border-radius:8px;font-size:22px;line-height:1}
.status{padding:6px 16px;background:#fff4e5;color:#6b3a00;font-size:13px}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}
.list{display:flex;flex-direction:column;gap:8px}
.msg{max-width:85%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;
background:#fff;border:1px solid #e3e6ea;align-self:flex-start}
.msg.me{align-self:flex-end;background:var(--p);color:var(--pt);border-color:transparent}
.who{display:block;font-size:12px;opacity:.8;margin-bottom:2px}
.meta{display:block;font-size:11px;opacity:.8;margin-top:3px;text-align:right}
.quick{display:flex;flex-wrap:wrap;gap:6px}
.btn,.quick button{border:1px solid var(--p);background:#fff;color:var(--p);border-radius:16px;padding:6px 12px;cursor:pointer}
.btn.primary{background:var(--p);color:var(--pt)}
button:disabled{opacity:.55;cursor:default}
.typing{font-size:12px;color:#4b5460;padding:0 16px 6px;background:#f6f7f9}
.card{background:#fff;border:1px solid #e3e6ea;border-radius:12px;padding:10px;display:flex;flex-direction:column;gap:8px;margin:0}
.card p,.card legend{margin:0;padding:0}
.row{display:flex;gap:6px;justify-content:flex-end}
.stars{display:flex;gap:2px}
.stars button{font-size:24px;border:0;background:none;cursor:pointer;color:#9aa1ab;padding:0 2px}
.stars button[aria-pressed=true]{color:#d97706}
label{font-size:13px;display:flex;flex-direction:column;gap:3px}
input,textarea{border:1px solid #9aa1ab;border-radius:8px;padding:8px;color:#1b1f24;background:#fff;width:100%}
.compose{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6ea;align-items:flex-end;margin:0}
.compose textarea{resize:none;max-height:120px}
.foot{padding:0 10px 8px;text-align:center}
.link{background:none;border:0;color:#3d4652;text-decoration:underline;cursor:pointer;font-size:12px}
@media (prefers-reduced-motion:no-preference){.panel{animation:relais-in .15s ease-out}}
@keyframes relais-in{from{opacity:0;transform:translateY(8px)}}
`;
