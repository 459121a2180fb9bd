// The phone's view of the séance: it computes the countdown itself from the server's timer
// and its own clock corrected by the measured offset; it never counts ticks.
"use strict";

const $ = (id) => document.getElementById(id);
let offset = 0;        // server clock minus this phone's clock, in seconds
let bestTrip = Infinity;
let timer = null;      // the last timer received
let timerId = null;

function now() { return Date.now() / 1000 + offset; }

async function measureOffset() {
  const sent = Date.now() / 1000;
  const answer = await (await fetch("/api/time", { cache: "no-store" })).json();
  const received = Date.now() / 1000;
  const trip = received - sent;
  if (trip < bestTrip) {  // keep the estimate of the fastest exchange
    bestTrip = trip;
    offset = answer.server_now - (sent + received) / 2;
  }
}

function remaining() {
  if (!timer) return 0;
  if (timer.state === "running" && timer.deadline !== null) return timer.deadline - now();
  return timer.remaining;
}

function text(seconds) {
  let whole, sign = "";
  if (seconds > 0) { whole = Math.ceil(seconds - 1e-9); }
  else { whole = Math.floor(-seconds + 1e-9); if (whole > 0) sign = "−"; }
  const h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60), s = whole % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h ? `${sign}${h}:${two(m)}:${two(s)}` : `${sign}${two(m)}:${two(s)}`;
}

function render() {
  const box = $("countdown");
  if (!timer || timer.state === "ended") { box.textContent = "--:--"; return; }
  const left = remaining();
  box.textContent = text(left);
  box.className = "countdown" + (left <= 0 ? " overrun" : timer.state === "paused" ? " paused"
    : timer.state === "running" && left <= 120 ? " amber" : "");
  const labels = { ready: "Bientôt", running: timer.is_break ? "Pause" : "En cours",
                   paused: "En pause", ended: "Séance terminée" };
  $("state").textContent = left <= 0 && timer.state === "running" ? "Temps dépassé"
    : (labels[timer.state] || "");
  if (timerId) clearTimeout(timerId);
  if (timer.state === "running") {  // wake just after the displayed second changes
    const frac = left - Math.floor(left);
    timerId = setTimeout(render, (frac > 1e-6 ? frac : 1) * 1000 + 5);
  }
}

async function refresh() {
  try {
    const state = await (await fetch("/api/state", { cache: "no-store" })).json();
    $("network").hidden = true;
    $("heading").textContent = state.heading;  // text, never HTML
    $("phase").textContent = state.phase ? state.phase.title : "La séance n’a pas commencé";
    $("next").textContent = state.next_title ? `À suivre : ${state.next_title}` : "";
    timer = state.timer;
    render();
  } catch (error) {
    $("network").hidden = false;
  }
}

async function start() {
  for (let i = 0; i < 3; i++) {
    try { await measureOffset(); } catch (error) { $("network").hidden = false; }
  }
  await refresh();
  setInterval(refresh, 5000);
  setInterval(() => { measureOffset().catch(() => {}); }, 60000);
}

start();
