/**
 * How real inventories name each product, which version scheme reads them and
 * how cycles map to versions: what the endoflife.date data cannot say. Products
 * not listed here get a default recipe (default-recipe.ts) or are left out
 * (scope.ts) with the reason printed in rules/README.md.
 */
import type { MatchEntry } from '../rules/lifecycle-schema.js';
import { DISTRO, INSTALLERS, pkg, type CycleShape, type EolRelease, type Recipe } from './types.js';

const installed = (name: string, extra: Partial<MatchEntry> = {}): MatchEntry => ({ name, sources: INSTALLERS, ...extra });
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

const WINDOWS_AND_CORE: readonly Recipe[] = [
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
      // The edition names Office setup writes on a French, Spanish, Portuguese, Italian, Polish or Russian Windows.
      // Cyrillic letters are not word characters to a regular expression, so the year ends these, not \\b.
      { name: '^Microsoft Office (Professionnel|Profesional|Profissional|Professionale|Profesjonalny)( Plus)? (2007|2010|2013|2016|2019|2021|2024)( |$)' },
      { name: '^Microsoft Office (Famille et (Petite Entreprise|Étudiant)|Hogar y (Empresas|Estudiantes)|Casa e (Empresas|Estudantes)|Standardowy|Standart) (2007|2010|2013|2016|2019|2021|2024)( |$)' },
      { name: '^Microsoft Office (профессиональный( плюс)?|стандартный|для дома и (бизнеса|учебы)) (2007|2010|2013|2016|2019|2021|2024)( |$)' },
    ],
    notes: 'Office 2016 and later all report 16.0.x; the year in the display name decides, and 16.0 without a year is left unknown. Microsoft 365 Apps has its own hand-written rule. Localised edition names (French, Spanish, Portuguese, Italian, Polish, Russian) are matched only with their year.' },
  { slug: 'mssqlserver', kind: 'software', scheme: 'mssql', shape: sqlServer,
    match: [{ name: '^Microsoft SQL Server (2000|2005|2008( R2)?|2012|2014|2016|2017|2019|2022|2025)( \\((64|32)-bit\\))?$' }],
    notes: 'Only the engine entry matches (not Management Studio, Native Client or setup files, whose versions differ). Service packs are told apart by build floors from Microsoft KB321185.' },
  { slug: 'dotnetfx', kind: 'software', scheme: 'dotnetfx', shape: (r) => ({ versions: [r.cycle.split('-')[0] ?? r.cycle] }), osComponent: true,
    match: [{ name: '^Microsoft \\.NET Framework \\d' }],
    notes: 'From 4.5.2 on, and for 3.5 SP1, .NET Framework is a component of Windows: its support also ends with the OS it is installed on (osComponent).' },
  { slug: 'dotnet', kind: 'software', scheme: 'name-version',
    notes: 'The .NET installers write their own build as DisplayVersion (8.0.28 as 64.112.53549); the version in the display name decides (scheme name-version).',
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
    match: [{ name: '^Python \\d+\\.\\d+' }, { name: '^Python$', sources: ['macos'] }, pkg('^python(\\d+(\\.\\d+)?)?(-minimal|-libs)?$')],
    notes: 'The Windows installer reports 3.12.3 as "3.12.3150.0"; the 3.12 prefix still fits. On a Mac the interpreter\'s app bundle is named "Python" and carries the Python version.' },
  { slug: 'nodejs', kind: 'software', match: [{ name: '^Node\\.js\\b' }, pkg('^nodejs$')],
    ignoreExtended: 'the data\'s "Commercial Support" column is a third-party offer, not the OpenJS Foundation\'s, so it is not counted as extended support' },
  { slug: 'php', kind: 'software', match: [{ name: '^PHP \\d' }, pkg('^php(\\d+(\\.\\d+)?)?(-[a-z0-9]+)?$')] },
  { slug: 'openssl', kind: 'software',
    match: [{ name: '^(Win(32|64) )?OpenSSL\\b' }, pkg('^(openssl|openssl-libs|libssl\\d[\\d.]*[a-z]*|libcrypto\\d[\\d.]*)$')],
    notes: '`extendedSupport` is OpenSSL\'s own paid premium support.' },
  { slug: 'chrome', kind: 'software', match: [{ name: '^Google Chrome\\b(?! (Frame|Helper|Remote))' }, pkg('^google-chrome-(stable|beta|unstable)$', true)],
    notes: 'Each major is supported only until the next ships (about four weeks): the data dates each major\'s end, so a superseded major is unsupported by date. A version newer than the snapshot fits no cycle and stays unknown. Google\'s own .deb/.rpm follow upstream.' },
  { slug: 'firefox', kind: 'software', match: [{ name: '^Mozilla Firefox\\b' }, { name: '^Firefox$', sources: ['macos'] }, pkg('^firefox(-esr)?$')],
    evergreen: true,
    notes: 'ESR majors (e.g. 115, 128, 140) carry the ESR end date; within a major only the newest build is serviced (evergreen); a newer-than-snapshot version stays unknown.' },
  { slug: 'internet-explorer', kind: 'software', osComponent: true, scheme: 'name-major', match: [{ name: '^(Windows )?Internet Explorer\\b' }],
    shape: (r) => (r.cycle.includes('-') ? null : r.cycle === '11' ? { versions: ['11'], note: IE11_NOTE } : { versions: [r.cycle] }),
    notes: 'The LTSC/Server/Embedded variants depend on the OS edition, which a software verdict does not see, so they are left out. Windows XP lists IE 8 with a build date as its version; the major in the name decides (scheme name-major).' },
  { slug: 'apache-http-server', kind: 'software', match: [{ name: '^Apache HTTP Server\\b' }, pkg('^(apache2|apache2-bin|httpd|httpd-core)$')] },
  { slug: 'nginx', kind: 'software', match: [{ name: '^nginx\\b' }, pkg('^nginx(-[a-z]+)?$')] },
  { slug: 'tomcat', kind: 'software', match: [{ name: '^Apache Tomcat\\b' }, pkg('^tomcat\\d*(-[a-z]+)?$')] },
  { slug: 'postgresql', kind: 'software',
    match: [
      { name: '^PostgreSQL \\d' },
      // PGDG's own RPMs carry the major in the name; RHEL's are plain "postgresql-server".
      { name: '^postgresql\\d+(-server|-libs|-contrib)?$', sources: ['rpm'], upstream: true },
      // PGDG's .deb packages share Debian's names but mark their versions ("13.2-1.pgdg100+1").
      { name: '^postgresql(-(client|contrib|plpython3|server-dev))?-\\d+(\\.\\d+)?$', version: '\\.pgdg', sources: ['dpkg'], upstream: true },
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


/** Operating systems by their os-release NAME (or the agent's own name for BSDs). Point releases list before their branch. */
const OPERATING_SYSTEMS: readonly Recipe[] = [
  { slug: 'alpine-linux', kind: 'os', match: [{ name: '^Alpine Linux\\b' }], specificFirst: true },
  { slug: 'amazon-linux', kind: 'os', match: [{ name: '^Amazon Linux\\b' }], specificFirst: true,
    notes: 'os-release VERSION_ID is "2" or "2023" (the AMI said "2018.03").' },
  { slug: 'sles', kind: 'os', match: [{ name: '^(SLES|SUSE Linux Enterprise Server)\\b' }], specificFirst: true },
  { slug: 'suse-linux-micro', kind: 'os', match: [{ name: '^SUSE Linux Micro\\b' }], specificFirst: true },
  { slug: 'opensuse', kind: 'os', match: [{ name: '^openSUSE Leap\\b' }], specificFirst: true,
    notes: 'Leap only: Tumbleweed is rolling and has no cycles.' },
  { slug: 'fedora', kind: 'os', match: [{ name: '^Fedora( Linux)?\\b' }], specificFirst: true },
  { slug: 'linuxmint', kind: 'os', match: [{ name: '^Linux Mint\\b' }], specificFirst: true,
    shape: (r) => (/^lmde/i.test(r.cycle) ? null : { versions: [r.cycle] }),
    notes: 'LMDE (Debian edition) reports NAME="LMDE" and is left out.' },
  { slug: 'centos-stream', kind: 'os', match: [{ name: '^CentOS Stream\\b' }], specificFirst: true },
  { slug: 'freebsd', kind: 'os', match: [{ name: '^FreeBSD\\b' }], specificFirst: true,
    notes: 'A point release (14.0) ends before its stable branch (14): point releases are listed first.' },
  { slug: 'openbsd', kind: 'os', match: [{ name: '^OpenBSD\\b' }], specificFirst: true },
  { slug: 'netbsd', kind: 'os', match: [{ name: '^NetBSD\\b' }], specificFirst: true },
  { slug: 'pop-os', kind: 'os', match: [{ name: '^Pop!_OS\\b' }], specificFirst: true },
  { slug: 'devuan', kind: 'os', match: [{ name: '^Devuan\\b' }], specificFirst: true },
  { slug: 'mageia', kind: 'os', match: [{ name: '^Mageia\\b' }], specificFirst: true },
  { slug: 'nixos', kind: 'os', match: [{ name: '^NixOS\\b' }], specificFirst: true },
  { slug: 'slackware', kind: 'os', match: [{ name: '^Slackware\\b' }], specificFirst: true },
  { slug: 'eurolinux', kind: 'os', match: [{ name: '^EuroLinux\\b' }], specificFirst: true },
  { slug: 'vmware-photon', kind: 'os', match: [{ name: '^VMware Photon\\b' }], specificFirst: true },
  { slug: 'oracle-solaris', kind: 'os', match: [{ name: '^(Oracle )?Solaris\\b' }], specificFirst: true },
  { slug: 'tails', kind: 'os', match: [{ name: '^Tails\\b' }], specificFirst: true },
];

/** Desktop and server software as Windows Uninstall keys, macOS bundles and imports name it. */
const INSTALLED_SOFTWARE: readonly Recipe[] = [
  { slug: 'notepad-plus-plus', kind: 'software', match: [installed('^Notepad\\+\\+( |$)')], specificFirst: true },
  { slug: 'wireshark', kind: 'software', match: [installed('^Wireshark\\b'), pkg('^wireshark(-qt|-common)?$')], specificFirst: true },
  { slug: 'virtualbox', kind: 'software', match: [installed('^(Oracle (VM )?)?VirtualBox\\b(?! Guest)'), pkg('^virtualbox-\\d+\\.\\d+$', true)], specificFirst: true,
    notes: "Oracle's own packages carry the major in the name (virtualbox-7.0) and follow upstream; guest additions are left out." },
  { slug: 'libreoffice', kind: 'software', match: [installed('^LibreOffice\\b'), pkg('^libreoffice(-core|-common|-writer|-calc)?$')], specificFirst: true },
  { slug: 'visual-studio', kind: 'software',
    match: [
      installed('^(Microsoft )?Visual Studio (Community|Professional|Enterprise|Build Tools|Team Explorer|Test Agent|Test Controller)( Edition)? (2015|2017|2019|2022|2026)\\b'),
      // The Visual Studio Shell that applications redistribute carries the Visual Studio version (10.0 for 2010).
      installed('^Microsoft Visual Studio (2010|2012|2013|2015) Shell \\((Isolated|Integrated)\\)'),
    ],
    specificFirst: true, notes: 'The installer reports the product version (16.11.x = 2019 16.11), which is the cycle.' },
  { slug: 'pan-gp', kind: 'software', match: [installed('^GlobalProtect$', { vendor: '^Palo Alto Networks' })], specificFirst: true },
  { slug: 'pan-cortex-xdr', kind: 'software', match: [installed('^Cortex XDR\\b', { vendor: '^Palo Alto Networks' })], specificFirst: true },
  { slug: 'powershell', kind: 'software', match: [installed('^PowerShell \\d+(-preview)?(-(x64|x86|arm64))?$'), pkg('^powershell(-lts)?$', true)], specificFirst: true,
    notes: "Microsoft's own .deb/.rpm (packages.microsoft.com) follow upstream." },
  { slug: 'go', kind: 'software', match: [installed('^Go Programming Language\\b'), pkg('^golang(-\\d+\\.\\d+)?(-go)?$')], specificFirst: true },
  { slug: 'erlang', kind: 'software', scheme: 'name-version', match: [installed('^Erlang OTP \\d'), pkg('^erlang(-base|-nox)?$')], specificFirst: true,
    notes: 'The Windows installer is named "Erlang OTP 28.5.0.1 (16.4.0.1)": the OTP release in the name is the cycle; the runtime (ERTS) version in brackets and the registry version are not.' },
  { slug: 'ruby', kind: 'software', match: [installed('^Ruby \\d+\\.\\d+'), pkg('^ruby(\\d+\\.\\d+)?$')], specificFirst: true },
  { slug: 'perl', kind: 'software', match: [installed('^(Strawberry Perl|ActivePerl)\\b'), pkg('^perl(-base)?$')], specificFirst: true },
  { slug: 'mariadb', kind: 'software', match: [installed('^MariaDB \\d'), pkg('^mariadb-server(-core)?(-\\d+\\.\\d+)?$')], specificFirst: true },
  { slug: 'mongodb', kind: 'software',
    match: [installed('^MongoDB( Server)? \\d'), { name: '^mongodb-org(-server|-mongos|-shell|-tools)?$', sources: DISTRO, upstream: true }], specificFirst: true,
    notes: "mongodb-org packages come from MongoDB's own repository and follow upstream." },
  { slug: 'docker-engine', kind: 'software', match: [{ name: '^docker-ce(-cli)?$', sources: DISTRO, upstream: true }], specificFirst: true,
    notes: "Docker's own repository (docker-ce) follows upstream; Docker Desktop is another product and is not matched." },
  { slug: 'amazon-corretto', kind: 'software', scheme: 'java', match: [installed('^Amazon Corretto\\b')] },
  { slug: 'azul-zulu', kind: 'software', scheme: 'java', match: [installed('^(Azul )?Zulu( ?(JDK|JRE|FX|\\d))')],
    notes: "Zulu's own build numbers start with the Java feature release (11.62.17 is Java 11)." },
  { slug: 'bellsoft-liberica', kind: 'software', scheme: 'java', match: [installed('^Liberica (JDK|JRE|NIK)\\b')] },
  { slug: 'microsoft-build-of-openjdk', kind: 'software', scheme: 'java', match: [installed('^Microsoft Build of OpenJDK\\b')] },
  { slug: 'ibm-semeru', kind: 'software', scheme: 'java', match: [installed('^IBM Semeru Runtime\\b')] },
  { slug: 'sapmachine', kind: 'software', scheme: 'java', match: [installed('^SapMachine\\b')] },
  { slug: 'openvpn', kind: 'software', match: [installed('^OpenVPN \\d'), pkg('^openvpn$')], specificFirst: true,
    notes: 'OpenVPN Connect (the 3.x client app) is another product and is not matched.' },
  { slug: 'clamav', kind: 'software', match: [installed('^ClamAV\\b'), pkg('^clamav(-daemon|-freshclam)?$')], specificFirst: true },
  { slug: 'blender', kind: 'software', match: [installed('^Blender\\b')], specificFirst: true },
  { slug: 'unity', kind: 'software', match: [installed('^Unity \\d{4}\\.\\d')], specificFirst: true },
  { slug: 'godot', kind: 'software', match: [installed('^Godot( Engine)?\\b')], specificFirst: true },
  { slug: 'veeam-backup-and-replication', kind: 'software', match: [installed('^Veeam Backup (&|and) Replication\\b')], specificFirst: true },
  { slug: 'veeam-one', kind: 'software', match: [installed('^Veeam ONE\\b')], specificFirst: true },
];

export const RECIPES: readonly Recipe[] = [...WINDOWS_AND_CORE, ...OPERATING_SYSTEMS, ...INSTALLED_SOFTWARE];
