// The nerchinsk explorer: the map of a date (the server's SVG), with the project's own overlays
// (towns, de facto control, changed land, the clicked point) drawn on it in lon/lat through the
// map's frame, a date slider with the treaties marked, and the answers of the JSON API.
// No library, no build step: the page works offline from the server alone.
"use strict";

const DAY_MS = 86400000;
const SVG_NS = "http://www.w3.org/2000/svg"; // a namespace name, not an address: nothing is fetched from it
const state = { date: null, reading: null, facto: false, towns: true, point: null, from: null, to: null };
let meta = null;        // /api/meta: frame, events, readings, towns
let firstDay = 0;       // UTC milliseconds of the first date covered
let frameBox = null;    // the map's frame rectangle in SVG units: {x, y, w, h}
let mapSeq = 0, answerSeq = 0, changesGeo = null, controlGeo = null;
let playing = false;

const $ = (id) => document.getElementById(id);

// days as UTC milliseconds: JavaScript's Date is proleptic Gregorian, as the library's dates
function msOfIso(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}
function isoOfDay(i) { return new Date(firstDay + i * DAY_MS).toISOString().slice(0, 10); }
function dayOfIso(iso) { return Math.round((msOfIso(iso) - firstDay) / DAY_MS); }
function todayIso() { return new Date().toISOString().slice(0, 10); }
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
function fmtKm2(v) { return Math.round(v).toLocaleString("en-GB").replace(/,/g, "\u202f"); }
function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
const FILL = { russia: "#e8a990", china: "#f2d67e", joint: "#b9a5de", undetermined: "#d9c9a0", japan: "#f0b8c8", disputed: "#b8d8b0" };

async function api(path, params) {
  const q = new URLSearchParams(params).toString();
  const res = await fetch(`api/${path}?${q}`);
  const ctype = res.headers.get("content-type") || "";
  const body = ctype.includes("json") ? await res.json() : await res.text();
  return { ok: res.ok, status: res.status, body };
}

// ---- the URL: date, reading, layers, point and comparison, so a view can be shared ----
function readUrl() {
  const q = new URLSearchParams(location.search);
  const valid = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s || "");
  // a date outside the slider's span is brought inside it; an unknown reading is the default
  state.date = valid(q.get("date")) ? q.get("date") : "1859-12-31";
  if (state.date < meta.first_date) state.date = meta.first_date;
  if (state.date > todayIso()) state.date = todayIso();
  const reading = q.get("reading");
  state.reading = meta.readings.some((r) => r.id === reading) ? reading : meta.default_reading;
  state.facto = q.get("facto") === "1";
  state.towns = q.get("towns") !== "0";
  const lon = parseFloat(q.get("lon")), lat = parseFloat(q.get("lat"));
  state.point = Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : null;
  state.from = valid(q.get("from")) ? q.get("from") : null;
  state.to = valid(q.get("to")) ? q.get("to") : null;
}
function writeUrl() {
  const q = new URLSearchParams({ date: state.date });
  if (state.reading !== meta.default_reading) q.set("reading", state.reading);
  if (state.facto) q.set("facto", "1");
  if (!state.towns) q.set("towns", "0");
  if (state.point) { q.set("lon", state.point[0].toFixed(4)); q.set("lat", state.point[1].toFixed(4)); }
  if (state.from && state.to) { q.set("from", state.from); q.set("to", state.to); }
  history.replaceState(null, "", `?${q}`);
}

// ---- projection: the map is equirectangular, so lon/lat map linearly onto its frame ----
function project(lon, lat) {
  const [lo0, la0, lo1, la1] = meta.frame;
  return [frameBox.x + (lon - lo0) / (lo1 - lo0) * frameBox.w, frameBox.y + (la1 - lat) / (la1 - la0) * frameBox.h];
}
function unproject(x, y) {
  const [lo0, la0, lo1, la1] = meta.frame;
  return [lo0 + (x - frameBox.x) / frameBox.w * (lo1 - lo0), la1 - (y - frameBox.y) / frameBox.h * (la1 - la0)];
}
function pathOfPolygon(rings) {
  return rings.map((ring) => ring.map(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join("") + "Z").join("");
}
function svgEl(name, attrs, text) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// ---- the map ----
async function loadMap() {
  const seq = ++mapSeq;
  $("map-status").textContent = "Loading the map…";
  const r = await api("map.svg", { date: state.date, reading: state.reading });
  if (seq !== mapSeq) return false;
  if (!r.ok) { $("map-status").textContent = r.body.error; return false; }
  const box = $("map");
  box.innerHTML = r.body.replace(/^<\?xml[^>]*>\s*/, "");
  const svg = box.querySelector("svg");
  const f = svg.querySelector("rect#frame");
  frameBox = { x: +f.getAttribute("x"), y: +f.getAttribute("y"), w: +f.getAttribute("width"), h: +f.getAttribute("height") };
  svg.addEventListener("click", onMapClick);
  $("map-status").textContent = "";
  if (state.facto) await loadControl(); else controlGeo = null;
  drawOverlays();
  return true;
}

function drawOverlays() {
  const svg = $("map").querySelector("svg");
  if (!svg || !frameBox) return;
  svg.querySelector("#overlay")?.remove();
  const g = svgEl("g", { id: "overlay", "clip-path": "url(#frame-clip)" });
  if (!svg.querySelector("#frame-clip")) {
    const clip = svgEl("clipPath", { id: "frame-clip" });
    clip.appendChild(svgEl("rect", { x: frameBox.x, y: frameBox.y, width: frameBox.w, height: frameBox.h }));
    svg.querySelector("defs").appendChild(clip);
    const pat = svgEl("pattern", { id: "facto-hatch", patternUnits: "userSpaceOnUse", width: 7, height: 7, patternTransform: "rotate(-45)" });
    pat.appendChild(svgEl("line", { x1: 0, y1: 0, x2: 0, y2: 7, stroke: "#222", "stroke-width": 1.4, "stroke-opacity": 0.55 }));
    svg.querySelector("defs").appendChild(pat);
  }
  if (changesGeo) {
    const cg = svgEl("g", { id: "changed" });
    for (const f of changesGeo.features) {
      const p = f.properties;
      const path = svgEl("path", { d: pathOfPolygon(f.geometry.coordinates), fill: "rgba(0,120,160,.18)", stroke: "#00789f", "stroke-width": 1.6 });
      path.appendChild(svgEl("title", {}, `${p.from_sovereign} → ${p.to_sovereign}: ${fmtKm2(p.area_km2)} km²`));
      cg.appendChild(path);
    }
    g.appendChild(cg);
  }
  if (controlGeo) {
    const fg = svgEl("g", { id: "facto" });
    // file order: the first area that applies wins, so draw the last first
    for (const f of [...controlGeo.features].reverse()) {
      const p = f.properties;
      const path = svgEl("path", { d: pathOfPolygon(f.geometry.coordinates), fill: "url(#facto-hatch)", stroke: "#333", "stroke-width": 1, "stroke-dasharray": "5 3" });
      path.appendChild(svgEl("title", {}, `${p.name}: held by ${p.controller} (${p.from} to ${p.to})`));
      fg.appendChild(path);
    }
    g.appendChild(fg);
  }
  if (state.towns) {
    const tg = svgEl("g", { id: "towns", "font-size": 12 });
    for (const t of meta.towns) {
      const [x, y] = project(t.lon, t.lat);
      const town = svgEl("g", { class: "town" });
      town.appendChild(svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.2, fill: "#222", stroke: "white", "stroke-width": 1.2 }));
      const left = ["Aigun", "Harbin"].includes(t.name);
      town.appendChild(svgEl("text", {
        x: (x + (left ? -6 : 6)).toFixed(1), y: (y + (t.name === "Blagoveshchensk" ? -5 : 4)).toFixed(1),
        "text-anchor": left ? "end" : "start", fill: "#111", stroke: "white", "stroke-width": 3, "paint-order": "stroke",
      }, t.name));
      town.appendChild(svgEl("title", {}, `${t.name}: ${t.source}`));
      tg.appendChild(town);
    }
    g.appendChild(tg);
  }
  if (state.point) {
    const [x, y] = project(state.point[0], state.point[1]);
    g.appendChild(svgEl("circle", { id: "pin", cx: x.toFixed(1), cy: y.toFixed(1), r: 6, fill: "#1463d6", stroke: "white", "stroke-width": 2.5 }));
  }
  svg.appendChild(g);
}

function onMapClick(ev) {
  const svg = ev.currentTarget;
  const pt = svg.createSVGPoint();
  pt.x = ev.clientX; pt.y = ev.clientY;
  const p = pt.matrixTransform(svg.getScreenCTM().inverse());
  if (p.x < frameBox.x || p.y < frameBox.y || p.x > frameBox.x + frameBox.w || p.y > frameBox.y + frameBox.h) return;
  state.point = unproject(p.x, p.y);
  writeUrl();
  drawOverlays();
  loadAnswer();
}

// ---- the answer at the clicked point ----
async function loadAnswer() {
  if (!state.point) return;
  const seq = ++answerSeq;
  const [lon, lat] = state.point;
  const r = await api("at", { lon: lon.toFixed(4), lat: lat.toFixed(4), date: state.date, reading: state.reading });
  if (seq !== answerSeq) return;
  const head = `<h2>At ${lat.toFixed(3)}°N ${lon.toFixed(3)}°E on ${longDate(state.date)}</h2>`;
  if (!r.ok) {
    $("answer").innerHTML = `${head}<p class="error" id="answer-error">${esc(r.body.error)}</p>`;
    return;
  }
  const a = r.body;
  const c = a.control;
  const facto = c.area
    ? `${esc(c.controller)} <span class="hint">(${esc(c.reason)}${c.claimed_by ? `; claimed by ${esc(c.claimed_by)}` : ""})</span>`
    : `${esc(c.controller)} <span class="hint">(de jure: no control area applies)</span>`;
  let sure;
  if (a.certain) {
    sure = `<span class="sure">certain</span>`;
  } else {
    const o = a.other_side;
    const why = o.why === "space"
      ? `within the ${esc(o.line)} line's accuracy of ${o.accuracy_km} km (${o.distance_km} km away)`
      : `between the signing and the entry into force of the ${esc(o.treaty)} (${o.from} to ${o.to})`;
    sure = `<span class="unsure">not certain</span>: it may be ${esc(o.sovereign)} (${esc(o.status)}), ${why}`;
  }
  $("answer").innerHTML = `${head}
    <p class="status" id="answer-status"><span class="chip" style="background:${FILL[a.status] || "#ccc"}"></span>${esc(a.status)}: ${esc(a.sovereign)}</p>
    <dl>
      <dt>de jure</dt><dd id="answer-sovereign">${esc(a.sovereign)}</dd>
      <dt>treaty</dt><dd>${esc(a.treaty)}</dd>
      <dt>de facto</dt><dd id="answer-facto">${facto}</dd>
      <dt>nearest line</dt><dd>${esc(a.nearest_line)}, ${a.distance_km.toFixed(1)} km</dd>
      <dt>certainty</dt><dd id="answer-certainty">${sure}</dd>
    </dl>`;
}

// ---- de facto control ----
async function loadControl() {
  const r = await api("control", { date: state.date, reading: state.reading });
  controlGeo = r.ok ? r.body : null;
  const list = $("facto-list");
  if (!controlGeo) { list.innerHTML = ""; return; }
  list.innerHTML = controlGeo.features.length
    ? "<strong>De facto on this date:</strong>" + controlGeo.features.map((f) =>
      `<p><span class="sw facto"></span>${esc(f.properties.name)}: ${esc(f.properties.controller)}</p>`).join("")
    : "<p class=\"hint\">No area of de facto control on this date: the holders are the de jure ones.</p>";
}

// ---- comparison of two dates ----
async function loadChanges() {
  if (!(state.from && state.to)) { changesGeo = null; $("changes").innerHTML = ""; drawOverlays(); return; }
  $("changes").innerHTML = `<p class="hint">Comparing…</p>`;
  const r = await api("changes", { from: state.from, to: state.to, reading: state.reading });
  if (!r.ok) { changesGeo = null; $("changes").innerHTML = `<p class="error">${esc(r.body.error)}</p>`; drawOverlays(); return; }
  changesGeo = r.body;
  const groups = new Map();
  for (const f of changesGeo.features) {
    const p = f.properties;
    const key = `${p.from_sovereign} → ${p.to_sovereign}`;
    const g = groups.get(key) || { km2: 0, pieces: 0, from: p.from, to: p.to };
    g.km2 += p.area_km2; g.pieces += 1;
    groups.set(key, g);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].km2 - a[1].km2).map(([k, g]) =>
    `<tr><td>${esc(k)} <span class="hint">(${g.from} → ${g.to}, ${g.pieces} piece${g.pieces > 1 ? "s" : ""})</span></td><td class="km2">${fmtKm2(g.km2)} km²</td></tr>`).join("");
  $("changes").innerHTML = groups.size
    ? `<table id="changes-table"><tr><th>${longDate(state.from)} → ${longDate(state.to)}</th><th>area</th></tr>${rows}</table>`
    : `<p class="hint">Nothing changed hands between ${longDate(state.from)} and ${longDate(state.to)}.</p>`;
  drawOverlays();
}

// ---- the date ----
let mapTimer = null;
function setDate(iso, { now = false } = {}) {
  state.date = iso;
  $("slider").value = dayOfIso(iso);
  $("date-input").value = iso;
  $("date-label").textContent = longDate(iso);
  writeUrl();
  clearTimeout(mapTimer);
  const go = () => { loadMap(); loadAnswer(); };
  if (now) go(); else mapTimer = setTimeout(go, 120);
}

async function play() {
  playing = !playing;
  $("play").innerHTML = playing ? "&#10074;&#10074; Pause" : "&#9654; Play";
  const last = +$("slider").max;
  if (playing && +$("slider").value >= last) setDate(isoOfDay(0), { now: true });
  while (playing) {
    const next = Math.min(+$("slider").value + 365, last);
    state.date = isoOfDay(next);
    $("slider").value = next;
    $("date-input").value = state.date;
    $("date-label").textContent = longDate(state.date);
    writeUrl();
    await loadMap();
    loadAnswer();
    await new Promise((r) => setTimeout(r, 150));
    if (next >= last) { playing = false; $("play").innerHTML = "&#9654; Play"; }
  }
}

function buildSlider() {
  const last = dayOfIso(todayIso());
  const slider = $("slider");
  slider.max = last;
  $("date-input").max = todayIso();
  $("from").max = todayIso();
  $("to").max = todayIso();
  const list = $("treaty-marks"), marks = $("marks");
  let prevPct = -100, low = false;
  for (const e of meta.events) {
    const i = dayOfIso(e.date);
    list.appendChild(new Option(e.name, i));
    const b = document.createElement("button");
    b.type = "button";
    const pct = (i / last) * 100;
    low = pct - prevPct < 4 ? !low : false;
    prevPct = pct;
    b.className = low ? "low" : "";
    b.style.left = `${pct}%`;
    b.textContent = e.date.slice(0, 4);
    b.title = `${e.name}, ${longDate(e.date)}: ${e.text}`;
    b.addEventListener("click", () => setDate(e.date, { now: true }));
    marks.appendChild(b);
  }
}

async function main() {
  const r = await api("meta", {});
  meta = r.body;
  firstDay = msOfIso(meta.first_date);
  readUrl();
  for (const rd of meta.readings) {
    // the name up to its first clause: "Little Gorbitsa (Shilka tributary); river islands ..."
    const short = rd.name.split(/[;(]/)[0].trim();
    const o = new Option(`${rd.id.replace("_", " ")}: ${short}`, rd.id);
    o.title = rd.name;
    $("reading").appendChild(o);
  }
  $("reading").value = state.reading;
  $("facto").checked = state.facto;
  $("towns").checked = state.towns;
  buildSlider();
  $("from").value = state.from || "1857-12-31";
  $("to").value = state.to || "1861-12-31";

  $("slider").addEventListener("input", (ev) => setDate(isoOfDay(+ev.target.value)));
  $("date-input").addEventListener("change", (ev) => { if (ev.target.value && ev.target.value >= meta.first_date) setDate(ev.target.value, { now: true }); });
  $("play").addEventListener("click", play);
  $("reading").addEventListener("change", (ev) => { state.reading = ev.target.value; writeUrl(); loadMap(); loadAnswer(); loadChanges(); });
  $("facto").addEventListener("change", async (ev) => {
    state.facto = ev.target.checked; writeUrl();
    if (state.facto) await loadControl(); else { controlGeo = null; $("facto-list").innerHTML = ""; }
    drawOverlays();
  });
  $("towns").addEventListener("change", (ev) => { state.towns = ev.target.checked; writeUrl(); drawOverlays(); });
  $("compare-go").addEventListener("click", () => { state.from = $("from").value; state.to = $("to").value; writeUrl(); loadChanges(); });
  $("compare-clear").addEventListener("click", () => { state.from = state.to = null; writeUrl(); loadChanges(); });

  setDate(state.date, { now: true });
  if (state.from && state.to) loadChanges();
}

main();
