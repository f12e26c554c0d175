/**
 * Generates the shipped rules/lifecycle/<product>.yaml from the endoflife.date
 * snapshot in ../shared/data/endoflife (see its README), with the generator in
 * src/lifecycle-data/ that `estatewatch data update` also runs on a hub.
 *
 * Usage: tsx scripts/generate-lifecycle-rules.ts [dataDir] [outDir]
 * A file marked `generated: false` is hand-written and never overwritten.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isHandWritten } from '../src/lifecycle-data/compose-rule-sources.js';
import { generateLifecycleRules, type LeftOut } from '../src/lifecycle-data/generate-rules.js';
import { readEolData } from '../src/lifecycle-data/read-eol-data.js';

const LEFT_OUT_START = '<!-- left-out:start -->';
const LEFT_OUT_END = '<!-- left-out:end -->';

/** The generated table of products left out, between the markers in rules/README.md. */
export function leftOutTable(leftOut: readonly LeftOut[]): string {
  const rows = leftOut.map((l) => `| \`${l.product}\` | ${l.title.replace(/\|/g, '\\|')} | ${l.why} |`);
  return [LEFT_OUT_START, '| product | title | why it has no rule |', '| --- | --- | --- |', ...rows, LEFT_OUT_END].join('\n');
}

function writeLeftOut(readme: string, leftOut: readonly LeftOut[]): void {
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(LEFT_OUT_START);
  const end = text.indexOf(LEFT_OUT_END);
  if (start < 0 || end < 0) throw new Error(`${readme} has no ${LEFT_OUT_START} … ${LEFT_OUT_END} section`);
  writeFileSync(readme, `${text.slice(0, start)}${leftOutTable(leftOut)}${text.slice(end + LEFT_OUT_END.length)}`);
}

function main(argv: readonly string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = resolve(argv[0] ?? join(root, '..', 'shared', 'data', 'endoflife'));
  const outDir = resolve(argv[1] ?? join(root, 'rules', 'lifecycle'));
  const { files, leftOut } = generateLifecycleRules(readEolData(dataDir).products);
  let written = 0;
  for (const { file, text } of files) {
    const path = join(outDir, file);
    if (existsSync(path) && isHandWritten(readFileSync(path, 'utf8'))) {
      console.warn(`skipped ${file}: marked generated: false (hand-written)`);
      continue;
    }
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }
  writeLeftOut(join(outDir, '..', 'README.md'), leftOut);
  console.log(`lifecycle rules: ${written} file(s) written to ${outDir} from ${dataDir}; ${files.length} products with rules, ${leftOut.length} left out (rules/README.md)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
