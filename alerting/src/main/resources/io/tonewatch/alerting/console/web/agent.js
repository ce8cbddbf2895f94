"use strict";
// The agent's page: the current ladder step of the agent's own call, in words, and a button to
// acknowledge the cue. Server values are shown as text only.
const CUES = {
  agent_cue: "The customer's voice is raised. Stay calm and do not answer in kind.",
  second_warning: "Still raised: give the second warning. Your supervisor is told.",
  whisper_suggested: "Your supervisor may join you unheard (whisper).",
  barge_suggested: "Your supervisor may join the call.",
  agent_voice_raised: "Your supervisor has been told about this call."
};
let csrf = null;
let current = null;

async function getJson(url) {
  const r = await fetch(url, { credentials: "same-origin" });
  if (r.status === 401) { location.href = "/login"; throw new Error("signed out"); }
  return r.json();
}

async function refresh() {
  const [calls, alerts] = await Promise.all([getJson("/api/calls"), getJson("/api/alerts")]);
  const cue = document.getElementById("cue");
  const ack = document.getElementById("ack");
  const call = calls[0];
  current = alerts.find(a => call && a.callId === call.callId && !a.acknowledgedBy) || null;
  if (!call) { cue.textContent = "No call in progress."; ack.hidden = true; return; }
  cue.textContent = call.ladderStep ? (CUES[call.ladderStep] || call.ladderStep) : "Call " + call.callId + ": calm.";
  cue.className = call.ladderStep ? "step-" + call.ladderStep : "";
  ack.hidden = !current;
}

async function start() {
  const me = await getJson("/api/me");
  csrf = me.csrf;
  document.getElementById("logout-csrf").value = csrf;
  document.getElementById("who").textContent = me.user;
  document.getElementById("ack").addEventListener("click", async () => {
    if (!current) return;
    await fetch("/api/actions", { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ type: "acknowledge", callId: current.callId, alertId: current.alertId }) });
    refresh();
  });
  const source = new EventSource("/api/events");
  const live = document.getElementById("live");
  source.addEventListener("hello", () => { live.textContent = "live"; live.classList.add("on"); });
  source.addEventListener("change", refresh);
  await refresh();
}

start();
