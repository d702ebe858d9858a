/**
 * npm run pdf [-- --only 2026-kazakhstan] [--site <built site>] [--out <folder>]
 * npm run pdf -- --bundle "2026/kazakhstan/education,…" --out bundle.pdf   (src/pdf/bundle.ts)
 *
 * Prints every chapter of the built site to a tagged, bookmarked PDF through the print stylesheet
 * in Chromium (src/pdf/generate.ts). By default each PDF goes to public/pdf/ (which the next
 * build copies into the site, where the chapter page links to it) and into <site>/pdf/, so the
 * site already built offers it at once. With --out, PDFs go to that folder only and the site is
 * left untouched (the tests use this).
 *
 * Reads OUT_DIR (the built site, default dist), BASE_PATH (checked against the build),
 * CONTENT_DIR (editions.yaml, for the publisher) and CHROMIUM_PATH (src/quality/chromium.ts).
 * A failure that stops the job is one sentence and exit code 2; DEBUG=1 also prints its cause.
 * A chapter that fails to print is reported, the others are printed, and the exit code is 1.
 */
import { runCommand } from '../src/lib/command.ts';
import { printBundle } from '../src/pdf/bundle.ts';
import { formatSize } from '../src/pdf/chapters.ts';
import { chapterLine, PDF_OPTIONS, PDF_USAGE, pdfOutDirs, summary } from '../src/pdf/command-line.ts';
import { generatePdfs, PdfSetupError } from '../src/pdf/generate.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

await runCommand({ name: 'pdf', refusedStatus: 2, onFault: 'PDFs already written are whole. ' }, async () => {
  const { values } = parseArguments({ options: PDF_OPTIONS }, PDF_USAGE);
  if (values.help) {
    console.log(PDF_USAGE);
    return;
  }
  if (values.bundle !== undefined) {
    if (!values.out?.endsWith('.pdf')) throw new PdfSetupError(`--bundle needs --out <file.pdf>, the PDF to write.\n${PDF_USAGE}`);
    const count = values.bundle.split(',').filter(Boolean).length;
    console.log(`Printing a bundle of ${count} ${count === 1 ? 'section' : 'sections'} from ${values.site}/…`);
    const report = await printBundle({ site: values.site, selection: values.bundle, out: values.out, base: process.env['BASE_PATH'] });
    for (const s of report.sections) console.log(`  page ${s.page}: ${s.title}`);
    console.log(`Bundle: ${report.file} (${report.pages} pages, ${formatSize(report.bytes)}) in ${report.seconds.toFixed(1)} s.`);
    return;
  }
  const outDirs = pdfOutDirs(values.site, values.out);
  const report = await generatePdfs({
    site: values.site,
    outDirs,
    only: values.only,
    contentDir: CONTENT_DIR,
    base: process.env['BASE_PATH'],
    onChapter(result, index, total) {
      if (result.ok) console.log(chapterLine(result, index, total));
      else console.error(chapterLine(result, index, total));
    },
  });
  const { made, failed } = summary(report, outDirs);
  console.log(made);
  if (failed) {
    console.error(failed);
    process.exitCode = 1;
    return;
  }
  if (!values.out) console.log('Run `npm run build` again for the chapter pages to link to their PDFs with their sizes.');
});
