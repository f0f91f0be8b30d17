// The W3C Nu HTML checker (vnu.jar, on the machine's Java) over a set of
// pages given as HTML: returns the errors, each labelled with its page.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vnuJar from 'vnu-jar';

/** Throws a readable error when no Java runtime is installed. */
function requireJava() {
  const check = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) {
    throw new Error(
      'java not found: the Nu HTML checker (vnu.jar) needs a Java runtime (11 or newer). ' +
        'Install one (Debian: apt-get install default-jre-headless) and run again.' +
        (check.error ? ` (${check.error.message})` : ''),
    );
  }
}

/**
 * Checks `pages` ([{ label, html }]) and resolves to { errors: [text], warnings: n, warningTexts: [text] }.
 * Each error reads "label:line:column: message" with the offending extract.
 */
export function checkHtml(pages) {
  requireJava();
  const dir = mkdtempSync(join(tmpdir(), 'pamir-vnu-'));
  try {
    const byFile = new Map();
    pages.forEach((p, i) => {
      const slug = p.label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
      const file = join(dir, `${String(i).padStart(2, '0')}-${slug}.html`);
      writeFileSync(file, p.html);
      byFile.set(pathToFileURL(file).href, p.label);
    });
    const files = [...byFile.keys()].map((u) => fileURLToPath(u));
    const run = spawnSync('java', ['-jar', String(vnuJar), '--format', 'json', '--stdout', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 280_000,
    });
    if (run.error) throw new Error(`running vnu.jar failed: ${run.error.message}`);
    let report;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`vnu.jar (exit ${run.status}) did not print JSON.\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`);
    }
    const labelOf = (url) => {
      if (!url) return '(unknown page)';
      for (const [fileUrl, label] of byFile) if (url === fileUrl || decodeURI(url) === decodeURI(fileUrl) || url.endsWith(fileUrl.slice('file://'.length))) return label;
      return url;
    };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    const warnings = report.messages.filter((m) => m.subType === 'warning');
    const describe = (m) => `${labelOf(m.url)}${m.lastLine ? `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? ''}` : ''}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\n/g, '\\n')}` : ''}`;
    return {
      warnings: report.messages.length - errors.length,
      errors: errors.map(describe),
      warningTexts: warnings.map(describe),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
