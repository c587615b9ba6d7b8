/** A PDF read back with a real parser (Mozilla's pdf.js, see pdf-text.mjs): pages, text runs and printed lines. */
import { execFileSync } from 'child_process';
import path from 'path';

export interface PdfText {
  numPages: number;
  pages: { runs: { text: string; x: number; y: number }[]; lines: string[][] }[];
}

// pdf.js ships only as ES modules, which jest's CommonJS runtime cannot load: it runs in Node itself.
export const readPdf = (pdf: Buffer): PdfText =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], {
      input: pdf,
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8')
  );
