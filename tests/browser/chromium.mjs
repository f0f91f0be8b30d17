// Launches the system's Chromium (Debian package `chromium`) through
// playwright-core. Playwright never downloads a browser here.
//
//   CHROMIUM  path of the Chromium executable (default /usr/bin/chromium)

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';

/** false when Chromium is there, else the reason to pass to node:test's `skip`. */
export const chromiumSkip = existsSync(CHROMIUM_PATH)
  ? false
  : `skipped: Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium package or set CHROMIUM)`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** One browser per test file, started on first use. */
export function lazyBrowser() {
  let promise = null;
  return {
    get() {
      if (!promise) promise = launchChromium();
      return promise;
    },
    async close() {
      if (!promise) return;
      try {
        await (await promise).close();
      } catch { /* launch failed: nothing to close */ }
    },
  };
}

const require = createRequire(import.meta.url);
let axeSource = null;
export function axeScript() {
  if (axeSource === null) axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core in the page (which must allow scripts) and returns its violations. */
export async function runAxe(page) {
  await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      - ${JSON.stringify(n.target)}${n.summary ? `\n        ${n.summary.replace(/\n/g, '\n        ')}` : ''}`)
        .join('\n');
      return `    ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}
