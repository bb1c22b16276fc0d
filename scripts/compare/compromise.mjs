// Runs the JavaScript library compromise over a folder of plain-text articles in one process,
// asking for what tidings also finds (people, places, quotations, dates), and prints articles
// per second and CPU seconds, for a side-by-side with `tidings bench` on the same folder.
//
//   node compromise.mjs [--json] [--repeat N] [--no-dates] FOLDER...
//
// --no-dates leaves out the dates plugin, by far the slowest part.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import dates from 'compromise-dates';


const args = process.argv.slice(2);
let asJSON = false;
let repeat = 1;
let withDates = true;
const folders = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') asJSON = true;
  else if (args[i] === '--no-dates') withDates = false;
  else if (args[i] === '--repeat') repeat = Math.max(1, parseInt(args[++i], 10) || 1);
  else folders.push(args[i]);
}
if (withDates) nlp.plugin(dates);
if (folders.length === 0) {
  console.error('usage: node compromise.mjs [--json] [--repeat N] [--no-dates] FOLDER...');
  process.exit(2);
}

const texts = [];
for (const f of folders) {
  const paths = statSync(f).isDirectory()
    ? readdirSync(f).filter((n) => !n.startsWith('.')).sort().map((n) => join(f, n))
    : [f];
  for (const p of paths) texts.push(readFileSync(p, 'utf8'));
}

// warm up the library's lazy loading on one article, outside the timing
nlp(texts[0] || 'Warm up.').people().out('array');

const counts = { people: 0, places: 0, quotations: 0, dates: 0 };
let bytes = 0;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let r = 0; r < repeat; r++) {
  for (const text of texts) {
    const doc = nlp(text);
    counts.people += doc.people().out('array').length;
    counts.places += doc.places().out('array').length;
    counts.quotations += doc.quotations().out('array').length;
    if (withDates) counts.dates += doc.dates().get().length;
    bytes += Buffer.byteLength(text);
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const articles = texts.length * repeat;
const report = {
  library: withDates ? 'compromise+dates' : 'compromise',
  articles,
  seconds,
  cpu_seconds: cpuSeconds,
  articles_per_second: articles / seconds,
  articles_per_cpu_second: articles / cpuSeconds,
  mb_per_second: bytes / 1e6 / seconds,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  found: counts,
};
if (asJSON) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`${report.library}: ${articles} articles in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
  console.log(`  ${report.articles_per_second.toFixed(1)} articles/s, ${report.articles_per_cpu_second.toFixed(1)} articles per CPU second`);
  console.log(`  found ${counts.people} people, ${counts.places} places, ${counts.quotations} quotations, ${counts.dates} dates`);
}
