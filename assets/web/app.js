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

// -- what the page shows: one panel at a time ------------------------------------------------
const PANELS = ["closed", "code-step", "join", "live"];
function show(panel) {
  if (!$(panel).hidden) return;
  const first = PANELS.every((id) => $(id).hidden);
  for (const id of PANELS) $(id).hidden = id !== panel;
  window.scrollTo(0, 0);  // a new panel starts at its top, not where the last form was left
  // after the first panel, a screen reader or the keyboard carries on from the new panel's
  // title (the control that had the focus has just been hidden), not from the page's top
  const title = $(panel).querySelector("h1");
  if (title && !first) {
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }
}

// -- outside a séance the server answers 409: the page says why and waits for it to open -----
let closed = null;  // "absent" or "ended" while the séance is not open
let waitId = null;

function showClosed(body) {
  closed = body.seance === "ended" ? "ended" : "absent";
  show("closed");
  $("heading").textContent = "";
  $("closed-title").textContent = closed === "ended"
    ? "La séance est terminée" : "La séance n’a pas commencé";
  $("closed-text").textContent = closed === "ended"
    ? "Merci de votre participation !"
    : "Gardez cette page ouverte : elle s’ouvrira d’elle-même au début de la séance.";
  if (waitId) clearTimeout(waitId);
  waitId = setTimeout(refresh, closed === "ended" ? 20000 : 4000);
}

// -- the séance's join code: in the QR code's address, or typed from the projector -----------
const CODE = "atelier.code";
let accepted = "";  // the code the server accepted (asked again with the state, never a wrong one)
const linked = new URLSearchParams(location.search).get("code");
if (linked) localStorage.setItem(CODE, linked);

function askCode(message) {
  show("code-step");
  $("code").value = localStorage.getItem(CODE) || "";
  $("code-error").textContent = message || "";
  $("code-error").hidden = !message;
  $("code-step").onsubmit = submitCode;
}

async function submitCode(event) {
  event.preventDefault();
  const typed = $("code").value.trim();
  if (!typed) return askCode("Indiquez le code affiché à l’écran.");
  localStorage.setItem(CODE, typed);
  $("code-button").disabled = true;
  try {
    await showJoin();
  } catch (error) {
    askCode("Pas de réseau pour l’instant : réessayez dans un instant.");
  } finally {
    $("code-button").disabled = false;
  }
}

// -- who this phone is: a token kept in the phone's storage --------------------------------
const TOKEN = "atelier.token", PENDING = "atelier.join", DEVICE = "atelier.device";

function randomId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function device() {  // this phone's own id, kept: the server limits check-ins per device
  let id = localStorage.getItem(DEVICE);
  if (!id) { id = randomId(); localStorage.setItem(DEVICE, id); }
  return id;
}

function key() {  // one key per check-in attempt, kept until it succeeds: retries count once
  let pending = localStorage.getItem(PENDING);
  if (!pending) {
    pending = randomId();
    localStorage.setItem(PENDING, pending);
  }
  return pending;
}

// the organisation is typed; the cadrage's partners are buttons that fill the field
function showPartners(partners) {
  const field = $("organisation"), list = $("partner-list");
  list.replaceChildren();
  for (const partner of partners) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "suggestion";
    chip.textContent = partner;  // text, never HTML
    chip.onclick = () => { field.value = partner; mark(); };
    list.appendChild(chip);
  }
  const mark = () => {
    for (const chip of list.children) {
      chip.setAttribute("aria-pressed", String(chip.textContent === field.value.trim()));
    }
  };
  field.oninput = mark;
  mark();
  $("partners").hidden = partners.length === 0;
}

async function showJoin() {
  const code = localStorage.getItem(CODE);
  if (!code) return askCode();
  const checked = await fetch("/api/code", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code }),
  });
  if (checked.status === 409) return showClosed(await checked.json());
  if (!checked.ok) return askCode((await checked.json()).message || "Code refusé.");
  accepted = code;  // the state may be asked with it (a refused code is not sent again)
  $("code").value = code;  // kept with the form: the check-in sends it
  const answer = await fetch("/api/choices", { cache: "no-store",
                                               headers: { "X-Atelier-Code": accepted } });
  if (answer.status === 409) return showClosed(await answer.json());
  const choices = await answer.json();
  showPartners(choices.partners);
  const categories = $("categories");
  categories.replaceChildren();
  for (const [value, label] of Object.entries(choices.categories)) {
    const row = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio"; radio.name = "category"; radio.value = value;
    row.appendChild(radio);
    row.appendChild(document.createTextNode(label));
    categories.appendChild(row);
  }
  show("join");
  $("join").onsubmit = submitJoin;
  await refresh();
}

function fail(message) {
  $("join-error").textContent = message;
  $("join-error").hidden = false;
}

async function submitJoin(event) {
  event.preventDefault();
  const name = $("name").value.trim();
  const picked = document.querySelector("input[name=category]:checked");
  const organisation = $("organisation").value.trim();
  if (!name) return fail("Indiquez un nom ou un pseudonyme.");
  if (!picked) return fail("Choisissez à quel titre vous venez.");
  $("join-button").disabled = true;
  try {
    const answer = await fetch("/api/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name, organisation, category: picked.value,
                             consent_named: $("consent").checked, key: key(),
                             device: device(), code: localStorage.getItem(CODE) || "" }),
    });
    const body = await answer.json();
    if (answer.status === 409) return showClosed(body);
    if (body.code === "code_invalide") return askCode(body.message);
    if (!answer.ok) return fail(body.message || "L’enregistrement a échoué.");
    localStorage.setItem(TOKEN, body.token);
    localStorage.removeItem(PENDING);
    localStorage.removeItem(CODE);  // checked in: the token is enough from now on
    if (linked) history.replaceState(null, "", location.pathname);
    await showLive();
  } catch (error) {
    fail("Pas de réseau pour l’instant : réessayez dans un instant.");
  } finally {
    $("join-button").disabled = false;
  }
}

async function showLive() {
  const token = localStorage.getItem(TOKEN);
  if (token) {
    const answer = await fetch("/api/me", { headers: { Authorization: `Bearer ${token}` } });
    if (answer.status === 409) return showClosed(await answer.json());
    if (answer.status === 401) { localStorage.removeItem(TOKEN); return showJoin(); }
    if (answer.ok) {
      const me = await answer.json();
      $("me").textContent = `Vous êtes enregistré·e : ${me.name}`;
      localStorage.setItem(PARTICIPANT, String(me.id));  // names what this phone keeps unsent
      adoptOldOutbox();
    }
  } else {
    return showJoin();
  }
  show("live");
  window.dispatchEvent(new Event("atelier:live"));  // votes.js shows the open vote
  renderNotes();
  await refresh();
  await flush();
  listen();
}

// -- post-its: written into an outbox on the phone first, sent when the network allows -------
// The outbox is kept in the phone's storage under this participant's id (not the token), so
// a reload, a lost network or a server outage loses nothing; each post-it keeps its key, so a
// retry counts once. Only a refusal of the post-it itself gives it up: its text goes back into
// the field with the reason. Anything else (no network, 5xx, 429, 409…) waits and is tried
// again with backoff and jitter, at once when the network or the socket comes back.
const PARTICIPANT = "atelier.participant", OLD_OUTBOX = "atelier.outbox";
const REFUSED = [400, 413, 422];  // the post-it is wrong: retrying would not help
let sent = [];  // this phone's post-its as the server has them
let trouble = "";  // why the outbox waits: "network", "server" or ""

function outboxName() {
  const who = localStorage.getItem(PARTICIPANT);
  return who ? `atelier.outbox.${who}` : null;
}
function outbox() {
  const name = outboxName();
  return name ? JSON.parse(localStorage.getItem(name) || "[]") : [];
}
function saveOutbox(items) {
  const name = outboxName();
  if (name) localStorage.setItem(name, JSON.stringify(items));
}
function adoptOldOutbox() {  // written by an earlier version of this page, before the id was known
  const old = JSON.parse(localStorage.getItem(OLD_OUTBOX) || "[]");
  if (!old.length || !outboxName()) return;
  saveOutbox([...outbox(), ...old]);
  localStorage.removeItem(OLD_OUTBOX);
}
function auth() { return { Authorization: `Bearer ${localStorage.getItem(TOKEN)}` }; }

function newKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// exponential backoff with jitter: up to 1 s, 2 s, 4 s… 30 s, each drawn between half and all
// of it, so that two thousand phones that failed together do not come back together
function retryDelay(attempt) {
  const ceiling = Math.min(30000, 1000 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function renderNotes() {
  const list = $("mine");
  list.replaceChildren();
  const waiting = outbox();
  const item = (text, status, pending) => {
    const li = document.createElement("li");
    if (pending) li.className = "pending";
    li.appendChild(document.createTextNode(text));  // text, never HTML
    const small = document.createElement("span");
    small.className = "status";
    small.textContent = status;
    li.appendChild(small);
    list.appendChild(li);
  };
  const why = trouble === "server" ? "en attente : envoi automatique dès que possible"
    : "en attente du réseau";
  for (const note of sent) item(note.text, "envoyé ✓", false);
  for (const note of waiting) item(note.text, why, true);
}

function refused(text, message) {  // back into the field, never lost: the reason beside it
  const field = $("note");
  const typed = field.value.trim();
  field.value = typed ? `${text}\n\n${typed}` : text;
  $("note-count").textContent = `${field.value.length} / 280`;
  $("note-error").textContent = message || "Ce post-it a été refusé.";
  $("note-error").hidden = false;
}

let flushing = false, attempts = 0, retryId = null;
async function flush(now) {
  // while backing off, only a reconnection (now) or the backoff's own timer tries again: the
  // socket's news and the slow poll, heard by every phone at once, do not
  if (flushing || !localStorage.getItem(TOKEN) || (retryId && !now)) return;
  clearTimeout(retryId);
  retryId = null;
  flushing = true;
  let failed = false;
  try {
    for (const note of outbox()) {  // one at a time, in the order written
      let answer;
      try {
        answer = await fetch("/api/notes", {
          method: "POST",
          headers: { "Content-Type": "application/json", ...auth() },
          body: JSON.stringify({ text: note.text, key: note.key }),  // the same key each time
        });
      } catch (error) { failed = "network"; break; }  // no network: the rest waits with it
      if (answer.ok || REFUSED.includes(answer.status)) {
        if (!answer.ok) refused(note.text, (await answer.json().catch(() => ({}))).message);
        saveOutbox(outbox().filter((item) => item.key !== note.key));
        attempts = 0;
        continue;
      }
      failed = "server";  // busy, database down, séance paused…: kept, tried again later
      break;
    }
    trouble = failed || "";
    const mine = await fetch("/api/notes/mine", { headers: auth(), cache: "no-store" });
    if (mine.ok) sent = await mine.json();
  } catch (error) {
    // offline: what is in the outbox stays there
  } finally {
    flushing = false;
    renderNotes();
    if (failed) retryId = setTimeout(() => { retryId = null; flush(); }, retryDelay(attempts++));
    else if (outbox().length) flush();  // written while this round was on its way
  }
}

function reconnected() {  // the network or the socket is back: try at once, from the start
  attempts = 0;
  if (outbox().length) flush(true);
  window.dispatchEvent(new Event("atelier:reconnected"));  // votes.js
}

function send() {
  const text = $("note").value.trim();
  $("note-error").hidden = true;
  if (!text) return;
  if (!outboxName()) return refused(text, "Pas encore de réseau : réessayez dans un instant.");
  saveOutbox([...outbox(), { key: newKey(), text }]);  // kept on the phone before anything
  $("note").value = "";
  $("note-count").textContent = "0 / 280";
  renderNotes();
  flush(true);
}

$("send").onclick = send;
$("note").oninput = () => { $("note-count").textContent = `${$("note").value.length} / 280`; };
window.addEventListener("online", reconnected);

// one /api/state request at a time: changes heard meanwhile ask once more after it; a failed
// one is tried again with backoff and jitter (not every phone of the room at the same instant)
let refreshing = null, refreshAgain = false, stateAttempts = 0, stateRetry = null;
async function refresh() {
  if (refreshing) { refreshAgain = true; return refreshing; }
  clearTimeout(stateRetry);
  stateRetry = null;
  refreshing = (async () => {
    let failed;
    do { refreshAgain = false; failed = await refreshOnce(); } while (refreshAgain);
    if (failed) stateRetry = setTimeout(refresh, retryDelay(stateAttempts++));
    else stateAttempts = 0;
  })();
  try { await refreshing; } finally { refreshing = null; }
}

async function refreshOnce() {  // true: no answer this time (tried again later)
  try {
    // the workshop is shown to a phone checked in, or holding the code; to others, nothing
    const token = localStorage.getItem(TOKEN);
    const headers = token ? { Authorization: `Bearer ${token}` }
      : accepted ? { "X-Atelier-Code": accepted } : {};
    const answer = await fetch("/api/state", { cache: "no-store", headers });
    const state = await answer.json();
    $("network").hidden = true;
    if (answer.status === 409) return showClosed(state);
    if (!answer.ok) return false;  // a code refused: the code step says why
    if (closed) {  // the séance opened: in we go (not awaited: it asks for the state too)
      closed = null;
      showLive().catch(() => { $("network").hidden = false; });
      return false;
    }
    $("heading").textContent = state.heading;  // text, never HTML
    $("phase").textContent = state.phase ? state.phase.title : "La séance n’a pas commencé";
    $("next").textContent = state.next_title ? `À suivre : ${state.next_title}` : "";
    timer = state.timer;
    render();
  } catch (error) {
    $("network").hidden = false;
    return true;
  }
  return false;
}

// -- told when something changed: one websocket, reconnected after sleep or Wi-Fi loss -------
let lastSeq = 0, socket = null, retry = 1000;

function listen() {
  const token = localStorage.getItem(TOKEN);
  if (!token || socket || closed) return;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}&since=${lastSeq}`);
  socket.onopen = reconnected;
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    retry = 1000;
    $("network").hidden = true;
    // the phase and the clock: only when they may have changed (a vote is votes.js's own)
    const topics = message.topics || [];
    if (message.behind || ["timer", "agenda", "workshop"].some((t) => topics.includes(t))) refresh();
    if (message.type === "changed" || message.behind) flush();
    window.dispatchEvent(new CustomEvent("atelier:changed", { detail: message }));  // votes.js
    lastSeq = Math.max(lastSeq, message.seq || 0);
  };
  socket.onclose = () => {
    socket = null;
    if (closed) return;  // reopened by showLive when the séance opens
    refresh();  // refused because the séance just ended? the page says so at once
    setTimeout(listen, retry / 2 + Math.random() * (retry / 2));  // back off, not in step
    retry = Math.min(retry * 2, 15000);
  };
}

async function start() {
  for (let i = 0; i < 3; i++) {
    try { await measureOffset(); } catch (error) { $("network").hidden = false; }
  }
  try {
    await refresh();  // the heading and the phase, or why the séance is not open
    if (!closed) await showLive();
  } catch (error) { $("network").hidden = false; }
  // the socket brings changes at once; this slow poll is only a safety net
  setInterval(() => { refresh(); flush(); }, 15000);
  setInterval(() => { measureOffset().catch(() => {}); }, 60000);
}

start();
