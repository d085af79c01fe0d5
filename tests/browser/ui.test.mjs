// End-to-end tests of the newsgraph web UI in headless Chromium.
// Run by scripts/browser-tests.sh, which starts `newsgraph serve` on the demo
// data plus a hostile fixture and sets NEWSGRAPH_URL and TEST_OUTPUT.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const BASE = process.env.NEWSGRAPH_URL ?? "http://127.0.0.1:8080";
const OUT = process.env.TEST_OUTPUT ?? "./test-output";
const SHOTS = join(OUT, "screenshots");

let context;
let userDataDir;
// Everything that would show a script ran: dialogs, page errors, and the
// marker the hostile fixture's code would set.
const incidents = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  userDataDir = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  context.on("page", watch);
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

function watch(page) {
  page.on("dialog", async (d) => {
    incidents.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on("pageerror", (e) => incidents.push(`page error: ${e.message}`));
}

async function open(path) {
  const page = await context.newPage();
  watch(page);
  const response = await page.goto(BASE + path);
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test("home page shows the counts and the most mentioned actors", async () => {
  const page = await open("/");
  const documents = await page.locator(".stat b").first().textContent();
  assert.ok(Number(documents) >= 4, `documents: ${documents}`);
  assert.ok((await page.locator("table.actors-table tbody tr").count()) > 0);
  await shot(page, "home");
  await page.close();
});

test("search finds an article and opens it", async () => {
  const page = await open("/");
  await page.fill("header input[name=q]", "fisheries");
  await page.press("header input[name=q]", "Enter");
  await page.waitForURL(/\/search\?q=fisheries/);
  const results = page.locator("ul.search-results > li");
  assert.ok((await results.count()) >= 1, "no search result");
  assert.ok((await page.locator("ul.search-results mark").count()) >= 1, "no highlighted match");
  await shot(page, "search");
  await results.first().locator("a.doc-link").click();
  await page.waitForURL(/\/documents\//);
  assert.ok((await page.locator("#article-text .hl").count()) > 0);
  await page.close();
});

test("article highlights show speaker, source chain and event code on click", async () => {
  const page = await open("/documents/harbor-talks");
  const text = page.locator("#article-text");
  assert.match(await text.textContent(), /Busan/);
  const quotes = page.locator("#article-text .hl.quote");
  const entities = page.locator("#article-text .hl.ent");
  assert.ok((await quotes.count()) > 0, "no quote highlighted");
  assert.ok((await entities.count()) > 0, "no entity highlighted");
  // Hover text names the speaker.
  const title = await quotes.first().getAttribute("title");
  assert.match(title, /quote — /);
  await quotes.first().click();
  const popover = page.locator("#popover");
  await popover.waitFor({ state: "visible" });
  assert.match(await popover.textContent(), /direct|indirect|partial/);
  await shot(page, "article-popover");
  // An event trigger shows its CAMEO code.
  const events = page.locator("#article-text .hl.event");
  if ((await events.count()) > 0) {
    await events.first().click();
    assert.match(await popover.textContent(), /\b\d{3,4}\b/);
  }
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "hidden" });
  await shot(page, "article");
  await page.close();
});

test("click through: article → speaker → actor graph", async () => {
  const page = await open("/documents/harbor-talks");
  // A quote whose popover links to a speaker the store knows quotes of
  // (speakers that are not resolved to an actor have no speaker page).
  const quotes = page.locator("#article-text .hl.quote");
  let speakerLink = null;
  for (let i = 0; i < (await quotes.count()) && !speakerLink; i++) {
    await quotes.nth(i).click();
    const link = page.locator("#popover a.speaker").first();
    if ((await link.count()) > 0) {
      const listing = await page.request.get(BASE + (await link.getAttribute("href")));
      if ((await listing.text()).includes("quote-item")) speakerLink = link;
    }
    if (!speakerLink) await page.keyboard.press("Escape");
  }
  assert.ok(speakerLink, "no quote with a speaker link");
  const speaker = (await speakerLink.textContent()).trim();
  await speakerLink.click();
  await page.waitForURL(/\/quotes\?speaker=/);
  assert.equal((await page.locator("h1").textContent()).trim(), `Quotes by ${speaker}`);
  assert.ok((await page.locator("ul.quotes-list > li").count()) >= 1, "speaker page lists no quote");
  await shot(page, "speaker");
  const graphLink = page.locator("a.graph-link");
  if ((await graphLink.count()) > 0) {
    await graphLink.first().click();
  } else {
    await page.click("header nav a[href='/graph']");
  }
  await page.waitForURL(/\/graph/);
  const svg = page.locator("svg.network");
  await svg.waitFor();
  const nodes = await svg.locator("a.node").count();
  const edges = await svg.locator("line.edge").count();
  assert.ok(nodes >= 2, `nodes: ${nodes}`);
  assert.ok(edges >= 1, `edges: ${edges}`);
  // Edge colours run from red (conflict) to green (cooperation).
  const strokes = await svg.locator("line.edge").evaluateAll((ls) => ls.map((l) => l.getAttribute("stroke")));
  assert.ok(strokes.every((s) => /^#[0-9a-f]{6}$/.test(s)), strokes.join(","));
  await shot(page, "graph");
  // A node opens the actor's timeline.
  await svg.locator("a.node").first().click();
  await page.waitForURL(/\/actors\//);
  assert.match(await page.locator("h2").first().textContent(), /Timeline of events/);
  await shot(page, "timeline");
  await page.close();
});

test("actor graph date filter narrows the period", async () => {
  const page = await open("/graph");
  const all = await page.locator("svg.network line.edge").count();
  await page.fill("input[name=from]", "2025-05-01");
  await page.fill("input[name=to]", "2025-05-31");
  await page.click("form.filters button[type=submit]");
  await page.waitForURL(/from=2025-05-01/);
  const may = await page.locator("svg.network line.edge").count();
  assert.ok(may <= all, `${may} edges in May, ${all} in all`);
  await shot(page, "graph-may");
  await page.close();
});

test("the network has one node per country, and Japan's page gathers its quotes and events", async () => {
  const page = await open("/graph");
  const svg = page.locator("svg.network");
  await svg.waitFor();
  const labels = await svg.locator("a.node text").allTextContents();
  const count = (name) => labels.filter((l) => l === name).length;
  for (const country of ["Canada", "Japan", "Armenia"]) {
    assert.equal(count(country), 1, `${country}: ${labels.join(", ")}`);
  }
  for (const spelling of ["Ottawa", "Japanese", "Yerevan", "Sudanese officials"]) {
    assert.equal(count(spelling), 0, `${spelling} is drawn as its own node: ${labels.join(", ")}`);
  }
  // An edge between two countries opens its events with their evidence.
  const canadaSudan = page.locator("table.pairs-table tbody tr", { hasText: "Canada" }).filter({ hasText: "Sudan" }).first();
  const eventsPage = await page.request.get(BASE + (await canadaSudan.locator("a.pair-events").getAttribute("href")));
  assert.match(await eventsPage.text(), /50,000 tonnes of wheat/);
  assert.ok((await svg.locator("a.edge-link line.edge").count()) >= 1, "no edge links to its events");
  // Ottawa counts for Canada: its actor page lists the spelling
  const canada = await page.request.get(BASE + (await svg.locator("a.node", { hasText: "Canada" }).getAttribute("href")));
  assert.match(await canada.text(), /Ottawa/);
  await svg.locator("a.node", { hasText: "Japan" }).first().click();
  await page.waitForURL(/\/actors\//);
  assert.equal((await page.locator("h1").textContent()).trim(), "Japan");
  const events = await page.locator("ol.timeline > li").count();
  assert.ok(events >= 2, `Japan's events: ${events}`);
  const speakers = await page.locator("ul.quotes-list a.speaker").allTextContents();
  assert.ok(speakers.includes("Kenji Watanabe"), `speakers: ${speakers.join(", ")}`);
  assert.ok(speakers.some((s) => /foreign ministry/i.test(s)), `speakers: ${speakers.join(", ")}`);
  assert.match(await page.locator(".actor-names").textContent(), /Japanese/);
  await shot(page, "actor-japan");
  await page.close();
});

test("a person named two ways in two articles has one page", async () => {
  const page = await open("/actors?q=Obama");
  const rows = page.locator("table.actors-table tbody tr");
  assert.equal(await rows.count(), 1, "one actor for Barack Obama and President Obama");
  await rows.first().locator("a").first().click();
  await page.waitForURL(/\/actors\/\d+/);
  assert.equal((await page.locator("h1").textContent()).trim(), "Barack Obama");
  const seen = await page.locator(".actor-names").textContent();
  assert.match(seen, /Barack Obama/);
  assert.match(seen, /Obama \d/);
  assert.match(await page.locator(".meta").first().textContent(), /2 stories/);
  assert.match(await page.locator("ul.quotes-list").textContent(), /Your voices matter/);
  await shot(page, "actor-person");
  await page.close();
});

test("a claim and its denial in another story show side by side", async () => {
  const page = await open("/");
  await page.click("header nav a[href='/contradictions']");
  await page.waitForURL(/\/contradictions/);
  const items = page.locator("ul.contradictions-list > li.contradiction-item");
  assert.equal(await items.count(), 1, "one claim paired with its denial");
  const item = items.first();
  assert.match(await item.locator(".claim-text").textContent(), /Moldova asked Romania for air defence systems/);
  assert.match(await item.locator(".claim").textContent(), /two Western officials/);
  assert.match(await item.locator(".denial-text").textContent(), /denied a report/);
  assert.match(await item.locator(".denial").textContent(), /MDA/);
  // the unrelated agreement between the same countries is not linked
  assert.equal(await page.locator("a.doc-link[href='/documents/unrelated']").count(), 0);
  await shot(page, "contradictions");
  // the claim's article opens from the pair
  await item.locator(".claim a.doc-link").click();
  await page.waitForURL(/\/documents\/claim/);
  assert.match(await page.locator("#article-text").textContent(), /Western officials/);
  await page.close();
});

test("hostile article text shows as text and runs nothing", async () => {
  const page = await open("/documents/hostile-markup");
  const text = await page.locator("#article-text").textContent();
  assert.ok(text.includes('<script>window.__pwned = "script";</script>'), "script tag not shown as text");
  assert.ok(text.includes("<img src=x onerror="), "img tag not shown as text");
  assert.equal(await page.locator("#article-text script, #article-text img, #article-text svg, #article-text b").count(), 0);
  assert.equal(await page.locator("img").count(), 0, "an <img> element exists");
  // Clicking highlights clones their sidebar entries into the popover: still inert.
  const hls = page.locator("#article-text .hl");
  for (let i = 0; i < Math.min(await hls.count(), 10); i++) {
    await hls.nth(i).click();
    await page.keyboard.press("Escape");
  }
  // The stored url is javascript:… and must not become a link.
  assert.equal(await page.locator("a[href^='javascript:']").count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "hostile code ran");
  assert.deepEqual(incidents, []);
  await shot(page, "hostile");
  await page.close();
});

test("no page raised an error or a dialog", () => {
  assert.deepEqual(incidents, []);
});
