/**
 * Reads a PDF from stdin with Mozilla's pdf.js and prints its text as JSON: the page count and,
 * per page, the text runs with their positions and the lines they form. It runs as its own Node
 * process because pdf.js ships only as ES modules, which jest's CommonJS runtime cannot load.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));

const pdf = await getDocument({ data, verbosity: 0 }).promise;
const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  const runs = content.items
    // pdf.js adds whitespace-only items for gaps between runs; they are not printed text.
    .filter((item) => 'str' in item && item.str.trim() !== '')
    .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5], font: item.fontName }));
  // Runs on one baseline (within half a point) are one printed line, read left to right.
  const byLine = new Map();
  for (const run of runs) {
    const key = Math.round(run.y * 2) / 2;
    byLine.set(key, [...(byLine.get(key) ?? []), run]);
  }
  const lines = [...byLine.entries()].sort(([a], [b]) => b - a).map(([, line]) => line.sort((a, b) => a.x - b.x).map((run) => run.text));
  pages.push({ runs, lines });
}
const fonts = [];
process.stdout.write(JSON.stringify({ numPages: pdf.numPages, pages, fonts }));
