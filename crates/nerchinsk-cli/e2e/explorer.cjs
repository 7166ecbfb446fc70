// The explorer in a browser: Playwright (playwright-core) drives Debian's headless Chromium
// against a running `nerchinsk serve`. It opens the page, moves the date slider to 1859, clicks
// near Khabarovsk (135.07E 48.48N), reads "joint" in the answer, checks the URL keeps the view,
// the de facto layer, the comparison of two dates and a point at sea, and saves a screenshot.
//
//   node crates/nerchinsk-cli/e2e/explorer.cjs http://127.0.0.1:PORT/ docs/explorer.png
//
// playwright-core is found through NODE_PATH (.ci/serve.sh installs it in target/e2e).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const base = process.argv[2];
const screenshot = process.argv[3];
if (!base || !screenshot) {
  console.error("usage: explorer.cjs BASE_URL SCREENSHOT.png");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(what, ok, detail) {
  if (ok) { passed += 1; console.log(`ok - ${what}`); } else { failed += 1; console.log(`FAILED - ${what}: ${detail}`); }
}

/// The client position of a lon/lat point on the map, through the map's own frame rectangle.
async function screenPoint(page, lon, lat) {
  return page.evaluate(([lon, lat]) => {
    const svg = document.querySelector("#map svg");
    const f = svg.querySelector("rect#frame");
    const meta = window.__explorerFrame;
    const [lo0, la0, lo1, la1] = meta;
    const x = +f.getAttribute("x") + (lon - lo0) / (lo1 - lo0) * +f.getAttribute("width");
    const y = +f.getAttribute("y") + (la1 - lat) / (la1 - la0) * +f.getAttribute("height");
    const p = svg.createSVGPoint();
    p.x = x; p.y = y;
    const s = p.matrixTransform(svg.getScreenCTM());
    return { x: s.x, y: s.y };
  }, [lon, lat]);
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nerchinsk-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=en-GB"],
    viewport: { width: 1440, height: 1130 },
    deviceScaleFactor: 1,
    locale: "en-GB",
  });
  const errors = [];
  const offsite = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    // a 422 (a point at sea) is an answer the page shows, not an error of the page
    page.on("console", (m) => { if (m.type() === "error" && !m.text().includes("422")) errors.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
    await page.goto(base, { waitUntil: "networkidle" });
    await page.waitForSelector("#map svg rect#frame");
    await page.evaluate(async () => {
      window.__explorerFrame = (await (await fetch("api/meta")).json()).frame;
    });
    check("the map is drawn", await page.locator("#map svg #territories path").count() > 0, "no territory path");
    check("the treaties are marked on the slider", await page.locator("#marks button").count() >= 9, "fewer than 9 marks");
    check("the towns are drawn", await page.locator("#towns .town").count() === 9, "not 9 towns");

    // the slider to 31 December 1859: fill() sets a range input's value and fires input
    const day = await page.evaluate(() => {
      const first = new Date(0); first.setUTCFullYear(1689, 8, 8);
      const d = new Date(0); d.setUTCFullYear(1859, 11, 31);
      return Math.round((d - first) / 86400000);
    });
    await page.locator("#slider").fill(String(day));
    await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent.includes("31 December 1859"));
    check("the slider moves the map to 1859", true, "");
    check("the date is in the URL", page.url().includes("date=1859-12-31"), page.url());

    // a click near Khabarovsk
    const p = await screenPoint(page, 135.07, 48.48);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector("#answer-status");
    const status = await page.locator("#answer-status").innerText();
    check("Khabarovsk in 1859 is joint", /\bjoint\b/.test(status), status);
    const answer = await page.locator("#answer").innerText();
    check("the answer names the treaty", answer.includes("Treaty of Aigun"), answer);
    check("the answer says how certain it is", /not certain|certain/.test(answer), answer);
    check("the answer names the nearest line", answer.includes("amur_lower"), answer);
    check("the point is in the URL", /lon=135\.0\d*&lat=48\.4\d*/.test(page.url()), page.url());

    // the comparison of two dates (1857 to 1861 by default): Aigun's and Peking's land
    await page.locator("#compare-go").click();
    await page.waitForSelector("#changes-table");
    const changes = await page.locator("#changes-table").innerText();
    check("the comparison lists the land that changed hands", /Qing Empire → Russian Empire/.test(changes) && /km²/.test(changes), changes);
    check("the changed land is drawn", await page.locator("#changed path").count() > 0, "no path");
    await page.locator("#compare-clear").click();

    // the picture for the README: 1859, Khabarovsk clicked
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot, fullPage: false });
    check("the screenshot is saved", fs.statSync(screenshot).size > 50000, "small file");

    // a shared URL opens the same view
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared, { waitUntil: "networkidle" });
    await other.waitForSelector("#answer-status");
    check("a shared URL opens the same date and point", /\bjoint\b/.test(await other.locator("#answer-status").innerText()), shared);
    await other.close();

    // de facto: Manchukuo in 1940 at Harbin
    await page.locator("#date-input").fill("1940-01-01");
    await page.locator("#date-input").dispatchEvent("change");
    await page.locator("#facto").check();
    await page.waitForSelector("#facto path");
    const h = await screenPoint(page, 126.65, 45.75);
    await page.mouse.click(h.x, h.y);
    // the date change re-asks for the previous point first: wait for the answer at Harbin itself
    await page.waitForFunction(() => {
      const head = document.querySelector("#answer h2")?.textContent ?? "";
      const m = head.match(/At ([\d.]+)°N ([\d.]+)°E/);
      return head.includes("1940") && m && Math.abs(+m[1] - 45.75) < 0.2 && Math.abs(+m[2] - 126.65) < 0.2;
    });
    await page.waitForSelector("#answer-facto");
    const facto = await page.locator("#answer-facto").innerText();
    check("the de facto holder of Harbin in 1940 is Manchukuo", facto.includes("Manchukuo"), facto);

    // a reading: the Great Gorbitsa moves the 1700 answer at 120.3E 53.8N
    await page.locator("#date-input").fill("1700-12-31");
    await page.locator("#date-input").dispatchEvent("change");
    await page.locator("#reading").selectOption("great_gorbitsa");
    const g = await screenPoint(page, 120.3, 53.8);
    await page.mouse.click(g.x, g.y);
    await page.waitForFunction(() => document.querySelector("#answer-sovereign")?.textContent.includes("Tsardom of Russia"));
    check("the great_gorbitsa reading answers Tsardom of Russia", true, "");

    // at sea: the server's message, not an answer
    const sea = await screenPoint(page, 134.0, 42.6);
    await page.mouse.click(sea.x, sea.y);
    await page.waitForSelector("#answer-error");
    check("a point at sea says so", (await page.locator("#answer-error").innerText()).includes("at sea"), "");

    // a treaty's mark on the slider goes to its date
    await page.locator("#marks button", { hasText: "1727" }).click();
    await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent.includes("31 August 1727"));
    check("a treaty's mark goes to its date", page.url().includes("date=1727-08-31"), page.url());

    // play: the date moves on by itself
    const before = await page.locator("#slider").inputValue();
    await page.locator("#play").click();
    await page.waitForFunction((b) => +document.querySelector("#slider").value > +b + 700, before);
    await page.locator("#play").click();
    check("play moves the date", true, "");

    check("no script errors", errors.length === 0, errors.join("; "));
    check("nothing is fetched from another host", offsite.length === 0, offsite.join(", "));
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log(`browser: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
