/**
 * Generates rules/lifecycle/<product>.yaml from the endoflife.date snapshot in
 * ../shared/data/endoflife (see its README). What cannot come from the data —
 * how real inventories name each product, which version scheme reads them, how
 * Windows builds and editions map to cycles — is in RECIPES below.
 *
 * Usage: tsx scripts/generate-lifecycle-rules.ts [dataDir] [outDir]
 * A file marked `generated: false` is hand-written and never overwritten.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { DateValue, MatchEntry } from '../src/rules/lifecycle-schema.js';
import { compareVersions, toComponents } from '../src/lifecycle/version-components.js';

export interface EolRelease {
  cycle: string;
  label?: string;
  releaseDate: string | null;
  support: DateValue;
  eol: DateValue;
  extendedSupport: DateValue;
  latest?: string | null;
}

export interface EolProduct {
  product: string;
  title: string;
  permalink: string;
  sourceCommit: string;
  columns?: Record<string, string | boolean> | null;
  releases: EolRelease[];
}

interface CycleShape {
  versions?: string[];
  edition?: string;
  minVersion?: string;
  note?: string;
}

interface Recipe {
  slug: string;
  kind: 'os' | 'software';
  title?: string;
  scheme?: 'windows-build' | 'java' | 'office' | 'dotnetfx' | 'mssql';
  match: MatchEntry[];
  /** Why the data's extended-support column does not count as extended support here. */
  ignoreExtended?: string;
  notes?: string;
  /** Ships as part of Windows: never better supported than the OS it runs on. */
  osComponent?: boolean;
  /** Versions/edition/floor for one release; null drops it. Default: versions [cycle]. */
  shape?: (r: EolRelease) => CycleShape | null;
}

export interface GeneratedFile {
  file: string;
  text: string;
}

const DISTRO = ['dpkg', 'rpm', 'apk'] as MatchEntry['sources'];
const pkg = (name: string, upstream = false): MatchEntry => (upstream ? { name, sources: DISTRO, upstream } : { name, sources: DISTRO });

// Windows editions (EditionID + product name). Pro Education and Pro for
// Workstations follow the shorter Home/Pro timeline, so "Education" must lead.
const WIN_IOT_LTSC = '^IoTEnterpriseS|\\bIoT Enterprise LTSC\\b';
const WIN_LTSC = 'EnterpriseS|\\bLTS[BC]\\b';
const WIN_ENTERPRISE = '^(IoT)?(Enterprise|Education)N?\\b|Windows 1[01] (IoT )?(Enterprise|Education)\\b';

function windowsClient(r: EolRelease): CycleShape {
  const parts = (r.latest ?? '').split('.');
  const versions = parts[0] === '10' ? [parts.slice(0, 3).join('.')] : [parts.slice(0, 2).join('.')];
  // XP Professional x64 is 5.2 but shares XP's end of support.
  if (r.cycle === '5-sp3') versions.push('5.2');
  const edition = /-iot-lts$/.test(r.cycle)
    ? WIN_IOT_LTSC
    : /-e-lts$/.test(r.cycle)
      ? WIN_LTSC
      : /-e$/.test(r.cycle)
        ? WIN_ENTERPRISE
        : /-iot$/.test(r.cycle)
          ? '\\bIoT'
          : undefined;
  return edition ? { versions, edition } : { versions };
}

/** Server 2016+ share builds with Windows 10/11 SAC releases: the year in the name picks the LTSC cycle. */
function windowsServer(r: EolRelease): CycleShape {
  const parts = (r.latest ?? '').split('.');
  if (parts[0] !== '10') return { versions: [parts.slice(0, 2).join('.')] };
  const versions = [parts.slice(0, 3).join('.')];
  return /^\d{4}$/.test(r.cycle) ? { versions, edition: `\\b${r.cycle}\\b` } : { versions };
}

/** Service-pack floors by build: Microsoft KB321185 "SQL Server versions and builds". */
const SQL_FLOORS: Readonly<Record<string, string>> = {
  '13.0-sp3-acp': '13.0.7000', '13.0-sp3': '13.0.6300', '13.0-sp2': '13.0.5026', '13.0-sp1': '13.0.4001',
  '12.0-sp3': '12.0.6024', '12.0-sp2': '12.0.5000', '12.0-sp1': '12.0.4100',
  '11.0-sp4': '11.0.7001', '11.0-sp3': '11.0.6020', '11.0-sp2': '11.0.5058', '11.0-sp1': '11.0.3000',
  '10.50-sp3': '10.50.6000', '10.50-sp2': '10.50.4000', '10.50-sp1': '10.50.2500',
  '10.0-sp4': '10.0.6000', '10.00-sp3': '10.0.5500', '10.00-sp2': '10.0.4000', '10.00-sp1': '10.0.2531',
  '9.0-sp4': '9.0.5000', '9.00-sp3': '9.0.4035', '9.00-sp2': '9.0.3042', '9.0-sp1': '9.0.2047',
};

function sqlServer(r: EolRelease): CycleShape {
  const base = (r.cycle.split('-')[0] ?? r.cycle).split('.').map((p) => p.replace(/^0+(?=\d)/, '')).join('.');
  const floor = SQL_FLOORS[r.cycle];
  return floor ? { versions: [base], minVersion: floor } : { versions: [base] };
}

function officeShape(r: EolRelease): CycleShape {
  const year = r.cycle.split('-')[0] ?? r.cycle;
  return r.cycle.endsWith('-ltsc') ? { versions: [year], edition: '\\bLTSC\\b' } : { versions: [year] };
}

const IE11_NOTE = 'on Windows Server and LTSC/LTSB editions IE 11 stays serviced with the OS; this rule judges the retired desktop browser';

export const RECIPES: readonly Recipe[] = [
  { slug: 'windows', kind: 'os', title: 'Microsoft Windows (client)', scheme: 'windows-build', shape: windowsClient,
    match: [{ name: '^(Microsoft )?Windows (XP|Vista|7|8|8\\.1|10|11|2000)\\b' }],
    notes: 'Builds pick the feature release; Enterprise/Education (-e), LTSC (-e-lts, -iot-lts) and Home/Pro (-w, the fallback) are told apart by EditionID and product name.' },
  { slug: 'windows-server', kind: 'os', scheme: 'windows-build', shape: windowsServer,
    match: [{ name: '^(Microsoft )?Windows Server\\b' }],
    notes: 'Server 2016+ share builds with Windows 10/11; the year in the product name picks the LTSC cycle, names without a year fall to the SAC/AC cycle.' },
  { slug: 'ubuntu', kind: 'os', match: [{ name: '^Ubuntu\\b' }] },
  { slug: 'debian', kind: 'os', match: [{ name: '^Debian\\b' }] },
  { slug: 'rhel', kind: 'os', match: [{ name: '^(Red Hat Enterprise Linux|RHEL)\\b' }] },
  { slug: 'centos', kind: 'os', match: [{ name: '^CentOS( Linux)?$' }] },
  { slug: 'rocky-linux', kind: 'os', match: [{ name: '^Rocky Linux\\b' }] },
  { slug: 'almalinux', kind: 'os', match: [{ name: '^AlmaLinux\\b' }] },
  { slug: 'oracle-linux', kind: 'os', match: [{ name: '^Oracle Linux\\b' }] },
  { slug: 'macos', kind: 'os', match: [{ name: '^(macOS|Mac OS X|OS X)\\b' }] },
  { slug: 'office', kind: 'software', scheme: 'office', shape: officeShape,
    match: [
      { name: '^Microsoft Office (Professional( Plus)?|Standard|Home (and|&) (Business|Student)|Small Business|Enterprise|Ultimate|Basic|Mondo|LTSC (Professional Plus|Standard)|(for Mac )?(2000|2002|2003|2007|2008|2010|2011|2013|2016|2019|2021|2024))\\b' },
      { name: '^Microsoft (Visio|Project) (Professional|Standard)\\b' },
    ],
    notes: 'Office 2016 and later all report 16.0.x; the year in the display name decides, and 16.0 without a year is left unknown. Microsoft 365 Apps has its own hand-written rule.' },
  { slug: 'mssqlserver', kind: 'software', scheme: 'mssql', shape: sqlServer,
    match: [{ name: '^Microsoft SQL Server (2000|2005|2008( R2)?|2012|2014|2016|2017|2019|2022|2025)( \\((64|32)-bit\\))?$' }],
    notes: 'Only the engine entry matches (not Management Studio, Native Client or setup files, whose versions differ). Service packs are told apart by build floors from Microsoft KB321185.' },
  { slug: 'dotnetfx', kind: 'software', scheme: 'dotnetfx', shape: (r) => ({ versions: [r.cycle.split('-')[0] ?? r.cycle] }), osComponent: true,
    match: [{ name: '^Microsoft \\.NET Framework \\d' }],
    notes: 'From 4.5.2 on, and for 3.5 SP1, .NET Framework is a component of Windows: its support also ends with the OS it is installed on (osComponent).' },
  { slug: 'dotnet', kind: 'software',
    match: [
      { name: '^Microsoft (\\.NET( Core)? (Runtime|SDK|Host|Host FX Resolver|AppHost Pack|Targeting Pack|Toolset)|ASP\\.NET Core|Windows Desktop Runtime)\\b' },
      pkg('^(dotnet|aspnetcore)-(runtime|sdk|host|hostfxr|targeting-pack|apphost-pack)(-\\d+\\.\\d+)?$'),
    ] },
  { slug: 'oracle-jdk', kind: 'software', scheme: 'java',
    match: [
      { name: '^Java(\\(TM\\))? (SE (Development Kit|Runtime Environment) )?\\d+\\b' },
      { name: '^jdk-?\\d+(\\.\\d+)*$', sources: ['rpm'], upstream: true },
    ],
    notes: 'Oracle JDK/JRE: `eol` is the end of Premier Support, `extendedSupport` Oracle Extended Support (paid).' },
  { slug: 'eclipse-temurin', kind: 'software', scheme: 'java',
    match: [{ name: '^Eclipse Temurin\\b' }, pkg('^temurin-\\d+-(jdk|jre)$', true)] },
  { slug: 'red-hat-build-of-openjdk', kind: 'software', scheme: 'java',
    match: [pkg('^java-(\\d+|1\\.8\\.0)-openjdk(-headless|-devel)?$'), { name: '^Red Hat build of OpenJDK\\b' }] },
  { slug: 'python', kind: 'software',
    match: [{ name: '^Python \\d+\\.\\d+' }, pkg('^python(\\d+(\\.\\d+)?)?(-minimal|-libs)?$')],
    notes: 'The Windows installer reports 3.12.3 as "3.12.3150.0"; the 3.12 prefix still fits.' },
  { slug: 'nodejs', kind: 'software', match: [{ name: '^Node\\.js\\b' }, pkg('^nodejs$')],
    ignoreExtended: 'the data\'s "Commercial Support" column is a third-party offer, not the OpenJS Foundation\'s, so it is not counted as extended support' },
  { slug: 'php', kind: 'software', match: [{ name: '^PHP \\d' }, pkg('^php(\\d+(\\.\\d+)?)?(-[a-z0-9]+)?$')] },
  { slug: 'openssl', kind: 'software',
    match: [{ name: '^(Win(32|64) )?OpenSSL\\b' }, pkg('^(openssl|openssl-libs|libssl\\d[\\d.]*[a-z]*|libcrypto\\d[\\d.]*)$')],
    notes: '`extendedSupport` is OpenSSL\'s own paid premium support.' },
  { slug: 'chrome', kind: 'software', match: [{ name: '^Google Chrome\\b(?! (Frame|Helper|Remote))' }, pkg('^google-chrome-(stable|beta|unstable)$', true)],
    notes: 'Each major is supported only until the next ships (about four weeks). A version newer than the snapshot fits no cycle and stays unknown. Google\'s own .deb/.rpm follow upstream.' },
  { slug: 'firefox', kind: 'software', match: [{ name: '^Mozilla Firefox\\b' }, { name: '^Firefox$', sources: ['macos'] }, pkg('^firefox(-esr)?$')],
    notes: 'ESR majors (e.g. 115, 128, 140) carry the ESR end date; a newer-than-snapshot version stays unknown.' },
  { slug: 'internet-explorer', kind: 'software', osComponent: true, match: [{ name: '^(Windows )?Internet Explorer\\b' }],
    shape: (r) => (r.cycle.includes('-') ? null : r.cycle === '11' ? { versions: ['11'], note: IE11_NOTE } : { versions: [r.cycle] }),
    notes: 'The LTSC/Server/Embedded variants depend on the OS edition, which a software verdict does not see, so they are left out.' },
  { slug: 'apache-http-server', kind: 'software', match: [{ name: '^Apache HTTP Server\\b' }, pkg('^(apache2|apache2-bin|httpd|httpd-core)$')] },
  { slug: 'nginx', kind: 'software', match: [{ name: '^nginx\\b' }, pkg('^nginx(-[a-z]+)?$')] },
  { slug: 'tomcat', kind: 'software', match: [{ name: '^Apache Tomcat\\b' }, pkg('^tomcat\\d*(-[a-z]+)?$')] },
  { slug: 'postgresql', kind: 'software',
    match: [
      { name: '^PostgreSQL \\d' },
      // PGDG's own RPMs carry the major in the name; RHEL's are plain "postgresql-server".
      { name: '^postgresql\\d+(-server|-libs|-contrib)?$', sources: ['rpm'], upstream: true },
      pkg('^postgresql(-\\d+(\\.\\d+)?)?(-(server|client|libs|contrib))?$'),
      pkg('^postgresql-(client|contrib|server-dev|plpython3)-\\d+$'),
    ] },
  { slug: 'mysql', kind: 'software',
    match: [
      { name: '^MySQL Server \\d' },
      { name: '^mysql-community-server(-core)?$', sources: DISTRO, upstream: true },
      pkg('^mysql-server(-core)?(-\\d+\\.\\d+)?$'),
    ] },
];

const DEFAULT_HEADINGS = { support: 'Active Support', eol: 'Security Support', extendedSupport: 'Extended Support' } as const;
type Column = keyof typeof DEFAULT_HEADINGS;

/** endoflife.date shows eol by default and hides support/extendedSupport unless `columns` says otherwise. */
function heading(data: EolProduct, column: Column): string | null {
  const value = data.columns?.[column];
  if (value === undefined) return column === 'eol' ? DEFAULT_HEADINGS.eol : null;
  if (value === false) return null;
  return value === true ? DEFAULT_HEADINGS[column] : value;
}

function orderCycles<T extends { versions?: string[]; edition?: string; minVersion?: string }>(cycles: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const c of cycles) {
    const key = (c.versions ?? []).join('|');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  // Within one version group the specific cycle must come first, because the first fit wins.
  const floor = (c: T) => toComponents(c.minVersion ?? '');
  return [...groups.values()].flatMap((g) =>
    [...g].sort((a, b) => Number(a.edition === undefined) - Number(b.edition === undefined) || compareVersions(floor(b), floor(a))),
  );
}

function buildRule(recipe: Recipe, data: EolProduct): Record<string, unknown> {
  const extended = recipe.ignoreExtended ? null : heading(data, 'extendedSupport');
  const support = heading(data, 'support');
  const cycles = data.releases.flatMap((r) => {
    const shape = recipe.shape ? recipe.shape(r) : { versions: [r.cycle] };
    if (!shape) return [];
    return [{
      cycle: r.cycle,
      ...(r.label ? { label: r.label } : {}),
      ...shape,
      releaseDate: r.releaseDate,
      support: support ? r.support : null,
      eol: r.eol,
      extendedSupport: extended ? r.extendedSupport : null,
    }];
  });
  const notes = [recipe.notes, recipe.ignoreExtended && `Extended support ignored: ${recipe.ignoreExtended}.`].filter(Boolean).join(' ');
  return {
    product: recipe.slug,
    title: recipe.title ?? data.title,
    kind: recipe.kind,
    generated: true,
    source: { name: 'endoflife.date', url: data.permalink, commit: data.sourceCommit, license: 'MIT' },
    labels: { ...(support ? { support } : {}), eol: heading(data, 'eol') ?? DEFAULT_HEADINGS.eol, ...(extended ? { extendedSupport: extended } : {}) },
    ...(notes ? { notes } : {}),
    ...(recipe.osComponent ? { osComponent: true } : {}),
    match: recipe.match,
    ...(recipe.scheme ? { version: { scheme: recipe.scheme } } : {}),
    cycles: orderCycles(cycles),
  };
}

const FLOW_KEYS = new Set(['source', 'labels', 'version', 'versions', 'sources']);
const PATTERN_KEYS = new Set(['name', 'vendor', 'family', 'edition']);

function render(rule: Record<string, unknown>, data: EolProduct): string {
  const doc = new Document(rule);
  doc.commentBefore = [
    ' generated by scripts/generate-lifecycle-rules.ts from endoflife.date',
    ` (${data.permalink}, endoflife-date/endoflife.date commit ${data.sourceCommit}, MIT, (c) endoflife.date contributors);`,
    ' do not edit by hand; edit the script and run `npm run rules:generate`.',
  ].join('\n');
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value))) pair.value.flow = true;
      if (PATTERN_KEYS.has(key) && isScalar(pair.value)) pair.value.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Pure: same snapshot in, same files out (sorted by file name). */
export function generateLifecycleRules(data: ReadonlyMap<string, EolProduct>): GeneratedFile[] {
  return RECIPES.map((recipe) => {
    const product = data.get(recipe.slug);
    if (!product) throw new Error(`no endoflife.date data for "${recipe.slug}"`);
    return { file: `${recipe.slug}.yaml`, text: render(buildRule(recipe, product), product) };
  }).sort((a, b) => (a.file < b.file ? -1 : 1));
}

export function readSnapshot(dataDir: string): Map<string, EolProduct> {
  return new Map(RECIPES.map((r) => [r.slug, JSON.parse(readFileSync(join(dataDir, `${r.slug}.json`), 'utf8')) as EolProduct]));
}

function isHandWritten(path: string): boolean {
  if (!existsSync(path)) return false;
  const doc = parseDocument(readFileSync(path, 'utf8'));
  return doc.get('generated') === false;
}

function main(argv: readonly string[]): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = resolve(argv[0] ?? join(root, '..', 'shared', 'data', 'endoflife'));
  const outDir = resolve(argv[1] ?? join(root, 'rules', 'lifecycle'));
  let written = 0;
  for (const { file, text } of generateLifecycleRules(readSnapshot(dataDir))) {
    const path = join(outDir, file);
    if (isHandWritten(path)) {
      console.warn(`skipped ${file}: marked generated: false (hand-written)`);
      continue;
    }
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written++;
  }
  console.log(`lifecycle rules: ${written} file(s) written to ${outDir} from ${dataDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));

