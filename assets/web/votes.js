// The vote on a phone: large cards, the dots or points left, a change of mind until the round
// closes, "J'ai fini". The whole ballot is sent after each change (the server replaces the
// previous one); one request at a time, each with its own key so that a retry counts once. A
// ballot the server could not take (no network, a server error) is kept on the phone and sent
// again with backoff; only a refusal (400, 404, 409, 413, 422: a rule of the vote, the round
// closed) gives it up, saying why.
// app.js tells this file when the séance view shows ("atelier:live") and when something
// changed ("atelier:changed"). Text goes in with textContent only, never as HTML.
"use strict";

(() => {
  const TOKEN = "atelier.token", PARTICIPANT = "atelier.participant";
  const WAITING = "En attente : envoi automatique dès que possible";
  const $ = (id) => document.getElementById(id);
  let round = null;     // the round as the server describes it
  let choices = {};     // this phone's ballot, as shown (may be ahead of the server)
  let saved = {};       // the ballot as the server has it
  let done = false;
  let results = null;
  let dirty = false, sending = false, timerId = null, status = "", error = "";
  let attempts = 0, retryId = null;  // the backoff after a failed send
  let expanded = false;  // the folded earlier results are shown

  function auth() { return { Authorization: `Bearer ${localStorage.getItem(TOKEN)}` }; }

  function newKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // exponential backoff with jitter: up to 1 s, 2 s, 4 s… 30 s, each drawn between half and
  // all of it, so that a room of phones that failed together does not come back together
  function retryDelay(attempt) {
    const ceiling = Math.min(30000, 1000 * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  // -- the ballot not yet acknowledged: kept on the phone (per participant) until the server
  // has it, with its key, so that a reload or a server outage loses nothing and counts once --
  function slot() {
    const who = localStorage.getItem(PARTICIPANT);
    return who ? `atelier.ballot.${who}` : null;
  }
  function pending() {
    const name = slot();
    return name ? JSON.parse(localStorage.getItem(name) || "null") : null;
  }
  function keep(ballot) {
    const name = slot();
    if (!name) return;
    if (ballot) localStorage.setItem(name, JSON.stringify(ballot));
    else localStorage.removeItem(name);
  }
  function forget(key) {  // this ballot is answered for good (unless a newer one replaced it)
    const waiting = pending();
    if (waiting && waiting.key === key) keep(null);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;  // text, never HTML
    return node;
  }

  function button(text, className, onclick, disabled) {
    const b = el("button", className, text);
    b.type = "button";
    b.disabled = !!disabled;
    b.onclick = onclick;
    return b;
  }

  // -- loading -------------------------------------------------------------------------------
  // one request at a time: a change heard while one is on its way asks once more after it; a
  // failed one (no network, server busy) is tried again with backoff and jitter, so a room of
  // phones told of the same vote never asks in step
  let loading = false, loadAgain = false, againHeard = false, loadAttempts = 0, loadRetry = null;
  async function load(heard) {
    if (loading || loadRetry) {  // on its way, or backing off: the next request is the latest
      loadAgain = true;
      againHeard = againHeard || !!heard;
      return;
    }
    loading = true;
    let failed = false;
    try { failed = await loadOnce(heard); } finally { loading = false; }
    const h = !!heard || againHeard;
    if (failed) {  // later, not at once, even if more changes were heard meanwhile
      loadAgain = againHeard = false;
      loadRetry = setTimeout(() => { loadRetry = null; load(h); }, retryDelay(loadAttempts++));
      return;
    }
    loadAttempts = 0;
    if (loadAgain) {
      loadAgain = againHeard = false;
      return load(h);
    }
  }

  async function loadOnce(heard) {  // true: failed for now (tried again later)
    if (!localStorage.getItem(TOKEN)) return false;
    let answer, body;
    try {
      answer = await fetch("/api/votes/current", { headers: auth(), cache: "no-store" });
      if (answer.status >= 500 || answer.status === 429) return true;  // keep what is shown
      if (!answer.ok) { round = null; render(); return false; }
      body = await answer.json();
    } catch (e) { return true; }  // offline: app.js says so
    const before = round, hadResults = !!results;
    const changedRound = !round || !body.round || body.round.id !== round.id;
    round = body.round;
    saved = body.choices || {};
    done = body.done;
    results = body.results;
    if (changedRound) expanded = false;
    // the round this page showed closes or its results come out while it is watched: show them
    else if (heard && round && !round.is_open && ((before.is_open) || (!hadResults && results))) {
      expanded = true;
    }
    if (changedRound || (!dirty && !sending)) { choices = clone(saved); dirty = false; error = ""; }
    const waiting = pending();
    if (waiting && round && waiting.round === round.id && round.is_open) {
      if (!dirty) choices = clone(waiting.choices);  // the latest change, not yet sent
      if (!sending) status = WAITING;
      render();
      if (!retryId) pump();
      return false;
    }
    if (waiting && (!round || waiting.round !== (round && round.id) || !round.is_open)) {
      keep(null);  // that round closed before the server could take it: it cannot count now
      if (round && waiting.round === round.id) {
        error = "Le vote a été clos avant l’envoi de votre dernier changement.";
      }
    }
    render();
    return false;
  }

  function clone(value) { return JSON.parse(JSON.stringify(value)); }
  // -- arithmetic ----------------------------------------------------------------------------
  function used() {
    return Object.values(choices).reduce((sum, n) => sum + (typeof n === "number" ? n : 0), 0);
  }
  function left() {
    if (round.kind === "dots") return round.dots - used();
    if (round.kind === "points") return round.budget - used();
    return null;
  }
  function graded() {
    if (round.kind === "majority") return round.items.filter((i) => i.key in choices).length;
    const keys = round.criteria.map((c) => c.key);
    return round.items.filter((i) => keys.every((k) => (choices[i.key] || {})[k])).length;
  }
  function complete() { return graded() === round.items.length; }

  function plural(n, one, many) { return `${n} ${n > 1 ? many : one}`; }

  function counterText() {
    const n = left();
    if (round.kind === "dots") {
      return n > 0 ? `${plural(n, "gommette restante", "gommettes restantes")}`
        : "Plus de gommettes : retirez-en une pour changer d’avis";
    }
    if (round.kind === "points") return `${plural(n, "point restant", "points restants")}`;
    const g = graded();
    return g === round.items.length ? "Bulletin complet ✓"
      : `${g} / ${round.items.length} ${round.kind === "majority" ? "notés" : "complets"}`;
  }

  // -- changing one's mind ---------------------------------------------------------------------
  function set(key, value) {
    if (!round || !round.is_open) return;
    // no dot, no point: nothing for that item; a grade of 0 ("À rejeter") is a grade
    const none = value === undefined || (value === 0 && (round.kind === "dots" || round.kind === "points"));
    if (none) delete choices[key]; else choices[key] = value;
    dirty = true;
    error = "";
    render();
    if (round.kind === "majority" || round.kind === "criteria") {
      if (!complete()) { status = "Notez chaque élément pour envoyer votre vote."; return render(); }
    }
    clearTimeout(timerId);
    timerId = setTimeout(send, 250);  // a few taps in a row go as one ballot
  }

  function stage() {  // the ballot as shown becomes the one to send (replacing an older one)
    if (!dirty || !round) return;
    keep({ round: round.id, key: newKey(), choices: clone(choices) });
    dirty = false;
  }

  function send() {
    stage();
    attempts = 0;
    return pump();
  }

  // one request at a time: the pending ballot, the same key on every retry (it counts once)
  async function pump() {
    const ballot = pending();
    if (sending || !ballot) return;
    clearTimeout(retryId);
    retryId = null;
    sending = true;
    status = "Envoi…";
    render();
    let again = false;
    try {
      let answer;
      try {
        answer = await fetch(`/api/votes/${ballot.round}/ballot`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...auth() },
          body: JSON.stringify({ key: ballot.key, choices: ballot.choices }),
        });
      } catch (e) {
        status = "En attente du réseau…";
        again = true;
        return;
      }
      const reply = await answer.json().catch(() => ({}));
      if (answer.ok) {
        forget(ballot.key);
        attempts = 0;
        saved = reply.choices;
        if (!dirty && !pending()) choices = clone(saved);
        status = pending() ? WAITING : "Vote enregistré ✓";
      } else if ([400, 404, 409, 413, 422].includes(answer.status)) {
        forget(ballot.key);  // refused for good (a rule of the vote, the round closed): say why
        attempts = 0;
        error = reply.message || "Ce vote a été refusé.";
        status = "";
        if (!pending()) { choices = clone(saved); dirty = false; }  // back to what the server has
        if (answer.status === 409) await load();
      } else {  // the server could not take it now (busy, database down…): kept, tried again
        status = WAITING;
        again = true;
      }
    } finally {
      sending = false;
      if (again) retryId = setTimeout(pump, retryDelay(attempts++));
      render();
      if (!again && pending()) pump();  // changed while this one was on its way
    }
  }

  function reconnected() {  // the network or the socket is back: try at once
    if (loadRetry && loadAttempts >= 3) {  // a long backoff (4 s or more) is cut short
      clearTimeout(loadRetry);
      loadRetry = null;
      loadAttempts = 0;
      load(true);
    }
    if (sending || !pending()) return;
    attempts = 0;
    pump();
  }

  async function finish() {
    const wanted = !done;
    if (dirty) { clearTimeout(timerId); stage(); }
    await pump();
    try {
      const answer = await fetch(`/api/votes/${round.id}/done`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth() },
        body: JSON.stringify({ done: wanted }),
      });
      const reply = await answer.json().catch(() => ({}));
      if (answer.ok) done = reply.done; else error = reply.message || "Refusé.";
    } catch (e) { error = "Pas de réseau : réessayez dans un instant."; }
    render();
  }

  // -- drawing -------------------------------------------------------------------------------
  // the open round's ballot comes first on the page (#vote); a closed round, with its results,
  // is folded at the end under "Résultats précédents" (#past), results before the ballot
  function render() {
    const box = $("vote"), past = $("past"), folded = $("past-body");
    if (!box) return;
    box.replaceChildren();
    folded.replaceChildren();
    const open = !!round && round.is_open;
    box.hidden = !open;
    past.hidden = !round || open;
    showPast();
    if (!round) return;
    const target = open ? box : folded;
    target.appendChild(el("p", "vote-kind", round.kind_label));
    target.appendChild(el("h2", "vote-title", round.title));
    if (!open) target.appendChild(el("p", "vote-closed", "Vote clos"));
    if (open) target.appendChild(el("p", left() === 0 ? "vote-left empty" : "vote-left", counterText()));
    if (round.kind === "dots" && open) {
      const extra = round.cap < round.dots ? ` · ${plural(round.cap, "gommette", "gommettes")} au plus par post-it` : "";
      target.appendChild(el("p", "muted small", `${plural(round.dots, "gommette", "gommettes")} en tout${extra}`));
    }
    if (error) {
      const p = el("p", "error", error);
      p.setAttribute("role", "alert");
      target.appendChild(p);
    }
    if (results && !open) target.appendChild(resultList());
    if (!open) target.appendChild(el("h3", "vote-mine", "Mon bulletin"));
    const list = el("div", "vote-cards");
    for (const item of round.items) list.appendChild(card(item, open));
    target.appendChild(list);
    if (open) {
      const said = el("p", "vote-status muted", status);
      said.setAttribute("role", "status");  // "Vote enregistré ✓" is heard, not only seen
      target.appendChild(said);
      target.appendChild(button(done ? "Je reprends mon vote" : "J’ai fini", "vote-done",
                                finish, sending));
      if (done) {
        target.appendChild(el("p", "vote-thanks",
                              "Merci ! Vous pouvez encore changer d’avis jusqu’à la clôture du vote."));
      }
      if (results) target.appendChild(resultList());  // live results, under the ballot
    }
  }

  function showPast() {
    const toggle = $("past-toggle");
    toggle.setAttribute("aria-expanded", expanded ? "true" : "false");
    $("past-body").hidden = !expanded;
  }

  function card(item, open) {
    const c = el("section", "vote-card");
    c.dataset.key = item.key;
    c.appendChild(el("p", "vote-label", item.label));
    const value = choices[item.key];
    const blockedOwn = item.own && round.kind === "dots" && round.own_allowed === false;
    if (item.own) c.appendChild(el("p", "vote-own", blockedOwn ? "Votre post-it (vote non permis)" : "Votre post-it"));
    if (round.kind === "dots") {
      const n = value || 0;
      const row = el("div", "vote-row");
      // each control says what it does and to which item (the label is the participant's text)
      const minus = button("−", "vote-minus", () => set(item.key, n - 1), !open || n === 0);
      minus.setAttribute("aria-label", `Retirer une gommette : ${item.label}`);
      row.appendChild(minus);
      const dots = el("span", "vote-dots");
      dots.setAttribute("role", "img");
      dots.setAttribute("aria-label", plural(n, "gommette", "gommettes"));
      dots.textContent = n ? "●".repeat(n) : "○";
      row.appendChild(dots);
      const plus = button("+", "vote-plus", () => set(item.key, n + 1),
                          !open || blockedOwn || n >= round.cap || left() <= 0);
      plus.setAttribute("aria-label", `Ajouter une gommette : ${item.label}`);
      row.appendChild(plus);
      c.appendChild(row);
      if (n) c.classList.add("chosen");
    } else if (round.kind === "points") {
      const n = value || 0;
      const row = el("div", "vote-row");
      const minus = button("−5", "vote-minus", () => set(item.key, Math.max(0, n - 5)), !open || n === 0);
      minus.setAttribute("aria-label", `Retirer 5 points : ${item.label}`);
      row.appendChild(minus);
      const points = el("span", "vote-points", `${n}`);
      points.setAttribute("role", "img");
      points.setAttribute("aria-label", plural(n, "point", "points"));
      row.appendChild(points);
      const plus = button("+5", "vote-plus", () => set(item.key, n + Math.min(5, left())),
                          !open || left() <= 0);
      plus.setAttribute("aria-label", `Ajouter 5 points : ${item.label}`);
      row.appendChild(plus);
      c.appendChild(row);
      const slider = el("input", "vote-slider");
      slider.type = "range";
      slider.min = "0";
      slider.max = String(round.budget);
      slider.value = String(n);
      slider.disabled = !open;
      slider.setAttribute("aria-label", `Points pour ${item.label}`);
      slider.oninput = () => {
        const wanted = Math.min(Number(slider.value), n + left());
        slider.value = String(wanted);
        set(item.key, wanted);
      };
      c.appendChild(slider);
      if (n) c.classList.add("chosen");
    } else if (round.kind === "majority") {
      const grades = el("div", "vote-grades");
      round.grades.forEach((label, g) => {
        const b = button(label, `grade grade-${g}${value === g ? " picked" : ""}`,
                         () => set(item.key, g), !open);
        b.setAttribute("aria-pressed", value === g ? "true" : "false");
        grades.appendChild(b);
      });
      c.appendChild(grades);
    } else {
      const mine = value || {};
      for (const crit of round.criteria) {
        c.appendChild(el("p", "vote-criterion", crit.label));
        const row = el("div", "vote-scores");
        for (let s = 1; s <= 5; s++) {
          const b = button(String(s), `score${mine[crit.key] === s ? " picked" : ""}`,
                           () => set(item.key, { ...(choices[item.key] || {}), [crit.key]: s }), !open);
          b.setAttribute("aria-label", `${crit.label} : ${s} sur 5`);
          row.appendChild(b);
        }
        c.appendChild(row);
      }
    }
    return c;
  }

  function resultList() {
    const wrap = el("section", "vote-results");
    wrap.appendChild(el("h2", "", "Résultats"));
    const best = Math.max(1, ...results.map((r) => r.score));
    const ol = el("ol", "");
    for (const line of results) {
      const li = el("li", line.tied ? "tied" : "");
      li.appendChild(el("span", "rank", line.tied ? `${line.rank} ex æquo` : `${line.rank}`));
      li.appendChild(el("span", "label", line.label));
      const shown = round.kind === "majority" ? line.detail.grade_label
        : round.kind === "criteria" ? line.score.toFixed(2) : String(line.score);
      li.appendChild(el("span", "score", shown));
      const bar = el("span", "bar");
      bar.style.width = `${Math.round(100 * Math.max(0, line.score) / best)}%`;
      li.appendChild(bar);
      ol.appendChild(li);
    }
    wrap.appendChild(ol);
    return wrap;
  }

  $("past-toggle").onclick = () => { expanded = !expanded; showPast(); };
  window.addEventListener("atelier:live", () => load(false));
  window.addEventListener("atelier:changed", (event) => {
    const message = event.detail || {};
    if (message.behind || (message.topics || []).includes("votes")) load(true);
  });
  window.addEventListener("atelier:reconnected", reconnected);  // app.js: online, socket back
  window.addEventListener("online", () => { if (dirty) send(); else reconnected(); });
})();
