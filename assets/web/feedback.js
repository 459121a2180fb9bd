// End-of-séance feedback on a phone: in the séance's closing phase, a 1-to-5 rating with large
// smileys and two optional sentences (500 characters each). The answer is kept on the phone
// with its key until the server has it, so a retry after a network loss counts once; a new
// answer replaces the previous one. app.js tells this file when the séance view shows
// ("atelier:live") and when something changed ("atelier:changed"). Text goes in with
// textContent only, never as HTML.
"use strict";

(() => {
  const TOKEN = "atelier.token", PENDING = "atelier.feedback";
  const LIMIT = 500;
  const SVG = "http://www.w3.org/2000/svg";
  const LABELS = ["Pas du tout satisfait·e", "Peu satisfait·e", "Moyennement satisfait·e",
                  "Satisfait·e", "Très satisfait·e"];
  const SHORT = ["Pas du tout", "Peu", "Moyen", "Bien", "Très bien"];
  const COLOURS = ["#b91c1c", "#ea580c", "#ca8a04", "#65a30d", "#15803d"];
  const $ = (id) => document.getElementById(id);
  let open = false;       // the séance is in its closing phase
  let mine = null;        // this phone's answer as the server has it
  let editing = false;    // the form shows although an answer was given
  let rating = 0, status = "", error = "", sending = false;

  function auth() { return { Authorization: `Bearer ${localStorage.getItem(TOKEN)}` }; }
  function pending() { return JSON.parse(localStorage.getItem(PENDING) || "null"); }

  function newKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;  // text, never HTML
    return node;
  }

  // exponential backoff with jitter (up to 1 s, 2 s, 4 s… 30 s, each drawn between half and
  // all of it): the phones of a room that failed together do not come back together
  function retryDelay(attempt) {
    const ceiling = Math.min(30000, 1000 * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  // -- a smiley drawn as SVG: no emoji font needed, the same on every phone ------------------
  function face(n) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 48 48");
    svg.setAttribute("aria-hidden", "true");
    const part = (tag, attrs) => {
      const node = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      svg.appendChild(node);
    };
    part("circle", { cx: 24, cy: 24, r: 21, fill: COLOURS[n - 1] });
    part("circle", { cx: 16.5, cy: 19, r: 3, fill: "#fff" });
    part("circle", { cx: 31.5, cy: 19, r: 3, fill: "#fff" });
    const bend = [-7, -3.5, 0, 4, 8][n - 1];  // the mouth: a frown to a wide smile
    part("path", { d: `M14 ${31 - bend / 2} Q24 ${31 + bend * 1.5} 34 ${31 - bend / 2}`,
                   fill: "none", stroke: "#fff", "stroke-width": 3.5, "stroke-linecap": "round" });
    return svg;
  }

  // -- loading -------------------------------------------------------------------------------
  async function load() {
    if (!localStorage.getItem(TOKEN)) return;
    let answer;
    try {
      answer = await fetch("/api/feedback", { headers: auth(), cache: "no-store" });
    } catch (e) { return; }  // offline: app.js says so
    if (!answer.ok) { open = false; return render(); }
    const body = await answer.json();
    const wasOpen = open;
    open = body.open;
    mine = body.mine;
    if (open && !wasOpen && !editing) rating = mine ? mine.rating : 0;
    render();
    if (open && pending()) send();  // written before the network went away
  }

  // -- sending -------------------------------------------------------------------------------
  function submit() {
    if (!rating) { error = "Choisissez une note de 1 à 5."; return render(); }
    const keep = $("feedback-keep").value.trim(), improve = $("feedback-improve").value.trim();
    localStorage.setItem(PENDING, JSON.stringify({ key: newKey(), rating, keep, improve }));
    error = "";
    send();
  }

  async function send() {
    const answer = pending();
    if (sending || !answer) return;
    sending = true;
    status = "Envoi…";
    render();
    try {
      for (let attempt = 0; ; attempt++) {
        let reply;
        try {
          reply = await fetch("/api/feedback", {
            method: "POST",
            headers: { "Content-Type": "application/json", ...auth() },
            body: JSON.stringify(answer),  // the same key on a retry: it counts once
          });
        } catch (e) {
          status = "En attente du réseau…";
          render();
          await new Promise((r) => setTimeout(r, retryDelay(attempt)));
          continue;
        }
        const body = await reply.json().catch(() => ({}));
        if (!reply.ok && ![400, 409, 413, 422].includes(reply.status)) {
          status = "En attente : envoi automatique dès que possible";  // 5xx, 429…: kept
          render();
          await new Promise((r) => setTimeout(r, retryDelay(attempt)));
          continue;
        }
        localStorage.removeItem(PENDING);
        if (reply.ok) {
          mine = body;
          editing = false;
          status = "";
        } else {
          error = body.message || "Cette réponse a été refusée.";
          status = "";
          if (reply.status === 409) open = false;
        }
        break;
      }
    } finally {
      sending = false;
      render();
    }
  }

  // -- drawing -------------------------------------------------------------------------------
  function render() {
    const box = $("feedback");
    if (!box) return;
    box.hidden = !open;
    if (!open) { box.replaceChildren(); delete box.dataset.shown; return; }
    if (mine && !editing && !pending()) return thanks(box);
    if (box.dataset.shown === "form") return refreshForm();  // keep what is being typed
    box.replaceChildren();
    box.dataset.shown = "form";
    box.appendChild(el("h2", "feedback-title", "Votre avis sur la séance"));
    const scale = el("div", "feedback-scale");
    scale.setAttribute("role", "radiogroup");
    scale.setAttribute("aria-label", "Votre note, de 1 à 5");
    for (let n = 1; n <= 5; n++) {
      const b = el("button", "feedback-face");
      b.type = "button";
      b.dataset.rating = String(n);
      b.setAttribute("role", "radio");
      b.setAttribute("aria-label", `${n} sur 5 : ${LABELS[n - 1]}`);
      b.appendChild(face(n));
      b.appendChild(el("span", "feedback-face-label", SHORT[n - 1]));
      b.onclick = () => { rating = n; error = ""; refreshForm(); };
      scale.appendChild(b);
    }
    box.appendChild(scale);
    box.appendChild(el("p", "feedback-picked muted"));
    const prefill = pending() || mine || { keep: "", improve: "" };
    box.appendChild(area("feedback-keep", "Ce que je retiens", prefill.keep));
    box.appendChild(area("feedback-improve", "Ce qui pourrait être amélioré", prefill.improve));
    const err = el("p", "error feedback-error");
    err.setAttribute("role", "alert");
    box.appendChild(err);
    box.appendChild(el("p", "feedback-status muted"));
    const send = el("button", "feedback-send", "Envoyer mon avis");
    send.type = "button";
    send.onclick = submit;
    box.appendChild(send);
    refreshForm();
  }

  function area(id, label, value) {
    const wrap = el("div", "feedback-field");
    const l = el("label", "", label);
    l.htmlFor = id;
    l.appendChild(el("span", "feedback-optional", " (facultatif)"));
    const t = el("textarea");
    t.id = id;
    t.maxLength = LIMIT;
    t.rows = 3;
    t.value = value || "";
    const count = el("p", "muted small feedback-count", `${t.value.length} / ${LIMIT}`);
    t.oninput = () => { count.textContent = `${t.value.length} / ${LIMIT}`; };
    wrap.append(l, t, count);
    return wrap;
  }

  function refreshForm() {
    const box = $("feedback");
    for (const b of box.querySelectorAll(".feedback-face")) {
      const picked = Number(b.dataset.rating) === rating;
      b.classList.toggle("picked", picked);
      b.setAttribute("aria-checked", picked ? "true" : "false");
    }
    box.querySelector(".feedback-picked").textContent = rating
      ? `${rating} / 5 — ${LABELS[rating - 1]}` : "Touchez un visage pour noter la séance.";
    const err = box.querySelector(".feedback-error");
    err.textContent = error;
    err.hidden = !error;
    box.querySelector(".feedback-status").textContent = status;
    box.querySelector(".feedback-send").disabled = sending;
  }

  function thanks(box) {
    box.replaceChildren();
    box.dataset.shown = "thanks";
    box.appendChild(el("h2", "feedback-title", "Merci pour votre avis !"));
    const row = el("div", "feedback-given");
    row.appendChild(face(mine.rating));
    row.appendChild(el("p", "", `Votre note : ${mine.rating} / 5 — ${LABELS[mine.rating - 1]}`));
    box.appendChild(row);
    for (const [label, said] of [["Ce que je retiens", mine.keep],
                                 ["Ce qui pourrait être amélioré", mine.improve]]) {
      if (!said) continue;
      box.appendChild(el("p", "feedback-said-label muted small", label));
      box.appendChild(el("p", "feedback-said", said));
    }
    if (error) box.appendChild(el("p", "error", error));
    const again = el("button", "feedback-edit", "Modifier ma réponse");
    again.type = "button";
    again.onclick = () => { editing = true; rating = mine.rating; render(); };
    box.appendChild(again);
  }

  window.addEventListener("atelier:live", load);
  window.addEventListener("atelier:changed", (event) => {
    const message = event.detail || {};
    const topics = message.topics || [];
    if (message.behind || topics.includes("timer") || topics.includes("agenda")) load();
  });
  window.addEventListener("online", () => { if (pending()) send(); });
})();
