// The network test: a few pings to the laptop, then the median round trip is reported to it.
// Served by the test server only (app/server/netcheck.py); nothing leaves the local network.
"use strict";

const PINGS = 5;

function visitKey() {
  // random, for this visit only: lets the laptop count a phone once if it tests again
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const key = visitKey();

function show(title, detail, kind) {
  const heading = document.getElementById("title");
  heading.textContent = title;  // text, never markup
  heading.className = kind || "";
  document.getElementById("detail").textContent = detail;
}

async function measure() {
  const times = [];
  for (let i = 0; i < PINGS; i += 1) {
    const start = performance.now();
    const answer = await fetch(`/api/reseau/ping?n=${i}&t=${Date.now()}`, { cache: "no-store" });
    await answer.json();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function run() {
  const again = document.getElementById("again");
  again.hidden = true;
  show("Mesure en cours…", "Le téléphone échange quelques messages avec l’ordinateur.");
  try {
    const median = await measure();
    const answer = await fetch("/api/reseau/report", {
      method: "POST",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key, round_trip_ms: Math.round(median * 10) / 10 }),
    });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    const body = await answer.json();
    show(
      "Ça marche !",
      `Ce téléphone joint l’ordinateur de l’animatrice (aller-retour : ${Math.round(body.round_trip_ms)} ms). ` +
        "Le jour de l’atelier, les participants pourront le rejoindre de la même façon.",
      "ok",
    );
  } catch (error) {
    show(
      "La mesure n’a pas abouti",
      "Le réseau a coupé pendant le test. Vérifiez le Wi-Fi du téléphone, puis refaites le test.",
      "error",
    );
  }
  again.hidden = false;
}

document.getElementById("again").addEventListener("click", run);
run();
