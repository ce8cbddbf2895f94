"use strict";
// Every value from the server is put in the page as text (textContent), never as HTML, so call
// metadata cannot inject markup or script; the Content-Security-Policy forbids inline script too.
const state = { csrf: null, alerts: [], calls: [] };

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { credentials: "same-origin" });
  if (r.status === 401) { location.href = "/login"; throw new Error("signed out"); }
  return r.json();
}

function since(iso) {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
}

function words(wire) { return wire ? wire.replace(/_/g, " ") : ""; }

async function act(type, callId, alertId) {
  const body = JSON.stringify({ type, callId, alertId: alertId || null });
  const r = await fetch("/api/actions", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": state.csrf }, body });
  const result = await r.json();
  const out = document.getElementById("action-result");
  out.textContent = words(type) + " on " + callId + ": " + (result.outcome || "") +
    (result.detail ? " (" + result.detail + ")" : "");
  out.dataset.outcome = result.outcome || "";
  loadAlerts(); loadHistory();
}

function button(label, type, a, suggested) {
  const b = el("button", label, suggested ? "suggested" : "");
  b.type = "button";
  b.dataset.action = type;
  b.addEventListener("click", () => act(type, a.callId, type === "whisper" || type === "barge" ? null : a.alertId));
  return b;
}

function renderAlerts() {
  const body = document.querySelector("#alerts tbody");
  body.replaceChildren();
  document.getElementById("no-alerts").hidden = state.alerts.length > 0;
  for (const a of state.alerts) {
    const tr = el("tr");
    tr.dataset.alertId = a.alertId;
    tr.append(el("td", a.callId), el("td", a.team), el("td", words(a.kind) + " (" + a.severity + ")", "sev-" + a.severity),
      el("td", words(a.ladderStep), "step-" + (a.ladderStep || "")), el("td", a.evidence, "evidence"),
      el("td", since(a.openedAt), "open-for"), el("td", a.acknowledgedBy || "not yet", "acknowledged"));
    const buttons = el("td");
    const s = a.suggestions || [];
    buttons.append(button("Acknowledge", "acknowledge", a), button("Claim", "claim", a), button("Whisper", "whisper", a, s.includes("whisper")),
      button("Barge", "barge", a, s.includes("barge")), button("Transfer", "transfer", a),
      button("Resolve", "resolve", a), button("False alarm", "false_alarm", a));
    tr.append(buttons);
    body.append(tr);
  }
}

function meter(m) {
  const box = el("div", null, "meter");
  if (!m) { box.append(el("span", "no speech yet", "empty")); return box; }
  const bar = el("span", null, "bar" + (m.raised ? " raised" : ""));
  const fill = el("span");
  fill.style.width = Math.round(Math.min(1, Math.max(0, m.score)) * 100) + "%";
  bar.append(fill);
  bar.setAttribute("role", "meter");
  bar.setAttribute("aria-valuemin", "0");
  bar.setAttribute("aria-valuemax", "1");
  bar.setAttribute("aria-valuenow", String(m.score));
  box.append(bar, el("span", Math.round(m.levelDbfs) + " dB", "level"));
  box.dataset.score = String(m.score);
  box.dataset.at = m.at;
  return box;
}

function metersOf(call) {
  const m = call.meters || {};
  return { customer: m.customer || m.CUSTOMER, agent: m.agent || m.AGENT };
}

function renderCalls() {
  const body = document.querySelector("#calls tbody");
  body.replaceChildren();
  document.getElementById("no-calls").hidden = state.calls.length > 0;
  for (const c of state.calls) {
    const tr = el("tr");
    tr.dataset.callId = c.callId;
    const caller = el("td", c.callerMasked || "unknown");
    if (c.repeatCaller) caller.append(el("div", "repeat caller: " + c.repeatCaller, "repeat"));
    const m = metersOf(c);
    const customer = el("td"); customer.append(meter(m.customer)); customer.className = "meter-customer";
    const agent = el("td"); agent.append(meter(m.agent)); agent.className = "meter-agent";
    const details = el("td");
    for (const [k, v] of Object.entries(c.metadata || {})) details.append(el("div", k + ": " + v, "meta"));
    const report = el("button", "Report"); report.type = "button";
    report.addEventListener("click", () => showReport(c.callId));
    details.append(report);
    tr.append(el("td", c.callId), el("td", (c.team || "") + (c.queue ? " / " + c.queue : "")), el("td", c.agentId),
      caller, el("td", words(c.ladderStep) || "calm", "step-" + (c.ladderStep || "")), customer, agent, details);
    body.append(tr);
  }
}

async function loadAlerts() { state.alerts = await getJson("/api/alerts"); renderAlerts(); }
async function loadCalls() { state.calls = await getJson("/api/calls"); renderCalls(); }

async function loadHistory() {
  const q = new URLSearchParams({ limit: "100" });
  const call = document.getElementById("filter-call").value.trim();
  const what = document.getElementById("filter-what").value.trim();
  if (call) q.set("callId", call);
  if (what) q.set("what", what);
  const entries = await getJson("/api/history?" + q);
  const body = document.querySelector("#history tbody");
  body.replaceChildren();
  for (const e of entries) {
    const tr = el("tr");
    tr.append(el("td", new Date(e.at).toLocaleTimeString()), el("td", e.callId), el("td", e.team),
      el("td", e.what, "what"), el("td", e.actor), el("td", e.detail));
    body.append(tr);
  }
}

function chart(series) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 600 150");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Score of each leg over the call");
  let end = 1;
  for (const points of Object.values(series)) for (const p of points) end = Math.max(end, p[0]);
  const colours = { customer: "#b3261e", agent: "#1f4f8f" };
  let row = 0;
  for (const [leg, points] of Object.entries(series)) {
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("fill", "none");
    line.setAttribute("stroke", colours[leg] || "#333");
    line.setAttribute("stroke-width", "2");
    line.setAttribute("points", points.map(p => (p[0] / end * 580 + 10).toFixed(1) + "," +
      (140 - Math.min(1, Math.max(0, p[1])) * 130).toFixed(1)).join(" "));
    svg.append(line);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "14"); label.setAttribute("y", String(16 + 14 * row++));
    label.setAttribute("fill", colours[leg] || "#333");
    label.textContent = leg;
    svg.append(label);
  }
  return svg;
}

async function showReport(callId) {
  const r = await fetch("/api/reports/" + encodeURIComponent(callId), { credentials: "same-origin" });
  const section = document.getElementById("report");
  section.hidden = false;
  if (!r.ok) {
    document.getElementById("report-note").textContent = "No incident report: this call did not escalate.";
    document.getElementById("report-chart").replaceChildren();
    document.getElementById("report-meta").replaceChildren();
    document.getElementById("report-timeline").replaceChildren();
    return;
  }
  const report = await r.json();
  document.getElementById("report-title").textContent = "Incident report: " + report.callId;
  document.getElementById("report-note").textContent = report.crmNote;
  document.getElementById("report-chart").replaceChildren(chart(report.scoreSeries || {}));
  const meta = document.getElementById("report-meta");
  meta.replaceChildren();
  for (const [k, v] of Object.entries(report.metadata || {})) meta.append(el("dt", k), el("dd", v));
  const timeline = document.getElementById("report-timeline");
  timeline.replaceChildren();
  for (const e of report.timeline) {
    timeline.append(el("li", new Date(e.at).toLocaleTimeString() + " " + e.what + " (" + e.actor + ") " + e.detail));
  }
}

function listen() {
  const live = document.getElementById("live");
  const source = new EventSource("/api/events");
  source.addEventListener("hello", () => { live.textContent = "live"; live.classList.add("on"); });
  source.addEventListener("change", ev => {
    const topics = JSON.parse(ev.data).topics;
    if (topics.includes("alert") || topics.includes("history")) { loadAlerts(); loadHistory(); }
    if (topics.includes("call") || topics.includes("meter") || topics.includes("alert")) loadCalls();
  });
  source.onerror = () => { live.textContent = "reconnecting"; live.classList.remove("on"); };
}

async function start() {
  const me = await getJson("/api/me");
  state.csrf = me.csrf;
  document.getElementById("logout-csrf").value = me.csrf;
  document.getElementById("who").textContent = me.user + " (" + me.role + ")";
  document.getElementById("history-filter").addEventListener("submit", ev => { ev.preventDefault(); loadHistory(); });
  listen();
  await Promise.all([loadAlerts(), loadCalls(), loadHistory()]);
  setInterval(() => {
    for (const a of state.alerts) {
      const cell = document.querySelector('tr[data-alert-id="' + CSS.escape(a.alertId) + '"] .open-for');
      if (cell) cell.textContent = since(a.openedAt);
    }
  }, 1000);
}

start();
