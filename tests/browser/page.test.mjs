// The web page of akhbar-serve in headless Chromium (issue #19), driven by
// puppeteer-core. run.sh starts the server over corpus/ plus one hostile
// article and gives: AKHBAR_URL (the server), AKHBAR_SCREENSHOTS (where the
// screenshots go), AKHBAR_CHROMIUM (the browser), AKHBAR_PROFILE_DIR (a
// fresh profile). Steps depend on each other (one browser, one page), so
// they run in order and the first failure stops the run.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const BASE = process.env.AKHBAR_URL;
const SHOTS = process.env.AKHBAR_SCREENSHOTS;
const CHROMIUM = process.env.AKHBAR_CHROMIUM || '/usr/bin/chromium';
const PROFILE = process.env.AKHBAR_PROFILE_DIR || mkdtempSync(path.join(tmpdir(), 'akhbar-chromium-'));
if (!BASE || !SHOTS) {
    console.error('page.test.mjs: AKHBAR_URL and AKHBAR_SCREENSHOTS must be set (run.sh sets them)');
    process.exit(2);
}

const QUERY = 'اتفاقات أبراهام';
const HOSTILE_TITLE = '<script>alert(1)</script>';
const HOSTILE_SOURCE = '" onmouseover="alert(4)';

let passed = 0;
let failed = 0;
function check(condition, what, detail = '') {
    if (condition) {
        passed += 1;
        console.log(`ok - ${what}`);
    } else {
        failed += 1;
        console.log(`not ok - ${what}${detail === '' ? '' : `: ${detail}`}`);
    }
}

const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: PROFILE,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const dialogs = [];
const pageErrors = [];
try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // captureBeyondViewport: false, or Chromium draws a right-to-left page
    // shifted by the width it adds for the capture.
    const shot = (name) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, captureBeyondViewport: false });
    const noOverflow = async (what) => {
        const { scroll, client } = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        }));
        check(scroll <= client, `${what}: nothing wider than the window`, `${scroll} > ${client}`);
    };

    // The home page: Arabic, right to left, a form that works without script.
    await page.goto(`${BASE}/`, { waitUntil: 'load' });
    const root = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.body).direction,
        scripts: document.scripts.length,
    }));
    check(root.lang === 'ar' && root.dir === 'rtl' && root.direction === 'rtl',
        'home page is Arabic, right to left', JSON.stringify(root));
    check(root.scripts === 0, 'the page runs no script', `${root.scripts} script elements`);
    await shot('home.png');

    // A search typed and submitted as a person does.
    await page.type('input[name=q]', QUERY);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    check(new URL(page.url()).searchParams.get('q') === QUERY, 'the form sends q', page.url());
    const hits = await page.$$eval('li.hit', (items) => items.map((li) => ({
        marks: li.querySelectorAll('mark').length,
        direction: getComputedStyle(li).direction,
        snippetDirection: getComputedStyle(li.querySelector('.snippet') ?? li).direction,
        right: li.getBoundingClientRect().right,
        titleRight: li.querySelector('a.title').getBoundingClientRect().right,
    })));
    check(hits.length === 5, 'five results', `${hits.length}`);
    check(hits.every((h) => h.marks > 0), 'every result has <mark> highlights',
        JSON.stringify(hits.map((h) => h.marks)));
    check(hits.every((h) => h.direction === 'rtl' && h.snippetDirection === 'rtl'),
        'results are laid out right to left', JSON.stringify(hits.map((h) => h.direction)));
    // Right to left for the eye too: each title starts at its box's right edge.
    check(hits.every((h) => h.right - h.titleRight < 40), 'titles hug the right edge',
        JSON.stringify(hits.map((h) => h.right - h.titleRight)));
    await noOverflow('search page');
    await shot('search.png');

    // The day chart: one bar per day of the month, each a link to its day.
    const bars = await page.$$eval('svg.chart a.bar', (as) => as.map((a) => ({
        key: a.dataset.key, count: Number(a.dataset.count), title: a.querySelector('title')?.textContent,
    })));
    const firstDay = bars.length > 0 ? new Date(`${bars[0].key}T00:00:00Z`) : null;
    const daysInMonth = firstDay ? new Date(Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth() + 1, 0)).getUTCDate() : -1;
    check(bars.length === daysInMonth, 'one bar per day of the month', `${bars.length} bars, ${daysInMonth} days`);
    // "6 نوفمبر 2025: مقالان": the day's number, and the count (a digit from 3 on).
    check(bars.every((b) => b.title && b.title.startsWith(`${Number(b.key.slice(8))} `) &&
        (b.count < 3 || b.title.includes(String(b.count)))), 'each bar has a tooltip: its day and count',
    JSON.stringify(bars.map((b) => b.title)));
    const day = bars.find((b) => b.count > 0);
    check(day !== undefined, 'a bar counts some articles');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
        page.click(`svg.chart a.bar[data-key="${day.key}"]`)]);
    const filtered = new URL(page.url()).searchParams;
    check(filtered.get('from') === day.key && filtered.get('to') === day.key && filtered.get('q') === QUERY,
        'the bar filters to its day, the query kept', page.url());
    const dates = await page.$$eval('li.hit time.date', (ts) => ts.map((t) => t.getAttribute('datetime')));
    check(dates.length === day.count && dates.every((d) => d === day.key),
        `the list holds the ${day.count} result(s) of ${day.key} only`, JSON.stringify(dates));
    await shot('day.png');

    // The article view: the text as written, the query's words marked.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('li.hit a.title')]);
    check(new URL(page.url()).pathname.startsWith('/read/'), 'the title opens the article view', page.url());
    const view = await page.evaluate(() => ({
        marks: document.querySelectorAll('article .text mark').length,
        paragraphs: document.querySelectorAll('article .text p').length,
        direction: getComputedStyle(document.querySelector('article .text p')).direction,
    }));
    check(view.marks > 0 && view.paragraphs > 1 && view.direction === 'rtl',
        'the article is shown in paragraphs, right to left, its matches marked', JSON.stringify(view));
    await noOverflow('article view');
    await shot('article.png');

    // The hostile article: its markup shows as the characters it is made of.
    await page.goto(`${BASE}/?q=alert`, { waitUntil: 'load' });
    const hostile = await page.evaluate(() => {
        const hit = document.querySelector('li.hit');
        return {
            title: hit?.querySelector('a.title')?.textContent,
            source: hit?.querySelector('.source')?.textContent,
            scripts: document.scripts.length,
            images: document.images.length,
            handlers: [...document.querySelectorAll('*')].filter((e) => e.hasAttribute('onmouseover') || e.hasAttribute('onerror')).length,
        };
    });
    check(hostile.title === HOSTILE_TITLE, 'a <script> title shows as text', JSON.stringify(hostile.title));
    check(hostile.source === HOSTILE_SOURCE, 'a quoted source stays inside its element', JSON.stringify(hostile.source));
    check(hostile.scripts === 0 && hostile.images === 0 && hostile.handlers === 0,
        'no script, image or handler made it into the page', JSON.stringify(hostile));
    if (hostile.source !== undefined) {
        await page.hover('li.hit .source');
    }
    await shot('hostile-search.png');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('li.hit a.title')]);
    const hostileView = await page.evaluate(() => ({
        title: document.querySelector('h1')?.textContent,
        text: document.querySelector('article .text')?.textContent,
        links: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
        scripts: document.scripts.length,
        images: document.images.length,
    }));
    check(hostileView.title === HOSTILE_TITLE && hostileView.text.includes('<img src=x onerror=alert(3)>'),
        'the article view shows the markup as text', JSON.stringify(hostileView));
    check(hostileView.links === 0 && hostileView.scripts === 0 && hostileView.images === 0,
        'a javascript: url is no link', JSON.stringify(hostileView));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await shot('hostile-article.png');
} catch (error) {
    failed += 1;
    console.log(`not ok - the run stopped: ${error.stack ?? error}`);
} finally {
    await browser.close();
}
// Checked however far the steps went.
check(dialogs.length === 0, 'no alert dialog fired', JSON.stringify(dialogs));
check(pageErrors.length === 0, 'no script error on any page', JSON.stringify(pageErrors));
console.log(`screenshots in ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
