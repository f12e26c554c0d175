/**
 * Builds the one-file agent: agents/cli.ts and everything it imports (zod,
 * node-cron) bundled by esbuild into one CommonJS file that runs on a plain
 * Node 20 with no node_modules, plus the install helpers and the Windows
 * collection script (estatewatch-collect.ps1, generated from agents/windows/)
 * beside it. CommonJS, not ESM: Node starts a `.cjs` file without setting up
 * its ESM loader, a few ms of every scan.
 *
 *   npm run build:agent            → dist/agent/
 *   tsx scripts/build-agent.ts DIR → DIR/
 */
import { build, type Plugin } from 'esbuild';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLLECTION_SCRIPT_FILE, collectionScript } from '../agents/windows/collection-script.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const AGENT_BUNDLE = 'estatewatch-agent.cjs';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Each Node built-in the agent imports is loaded when the module that imports
 * it is first run, not at start-up: a --dry-run would otherwise load https,
 * tls and crypto for the hub it never calls (about 5 ms of CPU). A small
 * CommonJS module standing for each built-in turns the import into a
 * require() inside its importer's lazy initialiser.
 */
const lazyBuiltins: Plugin = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
      args.kind === 'import-statement' && BUILTINS.has(args.path) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

export async function buildAgent(outDir: string): Promise<string> {
  const outfile = path.join(outDir, AGENT_BUNDLE);
  await build({
    entryPoints: [path.join(ROOT, 'agents/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Strict from the first line, as the ESM bundle was. CommonJS has no import.meta: node-cron finds its
    // own file from import.meta.url, which is this one's. (esbuild keeps the entry's #! line first.)
    banner: { js: "'use strict'; var __agentFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__agentFileUrl' },
    // Smaller to copy to thousands of machines; names are kept so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    plugins: [lazyBuiltins],
    logLevel: 'warning',
  });
  fs.chmodSync(outfile, 0o755);
  fs.writeFileSync(path.join(outDir, COLLECTION_SCRIPT_FILE), collectionScript(), 'ascii');
  fs.cpSync(path.join(ROOT, 'agents/install'), path.join(outDir, 'install'), { recursive: true });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist/agent'));
  const file = await buildAgent(out);
  process.stdout.write(`built ${path.relative(process.cwd(), file)} (${Math.round(fs.statSync(file).size / 1024)} KiB), ${COLLECTION_SCRIPT_FILE} and install/ helpers\n`);
}
