// `npm run lint:firefox`: addons.mozilla.org's own linter (web-ext lint) on the Firefox build.
// Fails on any error, and on any warning that is not one of the explained ones below (see the
// README, "Firefox"). A warning is recognised by its code and the code around it, not by the
// chunk's file name, which changes with every build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BUILD = resolve('.output/firefox-mv3');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Library code that assigns HTML, none of it reachable with text from a page or a provider. */
const EXPLAINED = [
  {
    why: '@mozilla/readability (read-page.js) restores its own copy of the page or copies <noscript> markup inside a detached clone',
    matches: (finding: Finding, around: string) => finding.file === 'read-page.js' && /_attempts|_isSingleImage/.test(around),
  },
  {
    why: "highlight.js core's highlightElement(), bundled by lowlight but never called: code is highlighted as a syntax tree",
    matches: (_: Finding, around: string) => around.includes('dataset.highlighted="yes"'),
  },
  {
    why: 'decode-named-character-reference (micromark) decodes "&name;" in a detached <i> and reads its textContent',
    matches: (_: Finding, around: string) => /innerHTML=\w+;const \w+=\w+\.textContent/.test(around) && around.includes('"&"+'),
  },
  {
    why: "micromark's document().write(): a parser method, not the DOM's document.write",
    matches: (finding: Finding) => /document\(\)\.write/.test(finding.message),
  },
  {
    why: "react-dom applying a dangerouslySetInnerHTML prop, which our code never uses (Biome's noDangerouslySetInnerHtml)",
    matches: (_: Finding, around: string) => around.includes('case"dangerouslySetInnerHTML"'),
  },
];

function codeAround(finding: Finding): string {
  if (!finding.file || !finding.line) return '';
  const line = readFileSync(join(BUILD, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 150);
}

function lint(): { errors: Finding[]; warnings: Finding[]; notices: Finding[] } {
  try {
    return JSON.parse(execFileSync('npx', ['web-ext', 'lint', '--source-dir', BUILD, '--output', 'json'], { encoding: 'utf8' }));
  } catch (error) {
    // web-ext exits non-zero when it finds errors; its report is still on stdout.
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout);
  }
}

const report = lint();
const unexplained: Finding[] = [];
for (const warning of report.warnings) {
  const around = codeAround(warning);
  const explained = EXPLAINED.find((entry) => entry.matches(warning, around));
  if (explained) console.log(`  explained  ${warning.code} ${warning.file}:${warning.line} — ${explained.why}`);
  else unexplained.push(warning);
}
for (const finding of [...report.errors, ...unexplained]) {
  console.log(`✗ ${finding.code} ${finding.file ?? ''}${finding.line ? `:${finding.line}` : ''} — ${finding.message}`);
}
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`,
);
if (report.errors.length || unexplained.length) process.exit(1);
