/**
 * The ready-to-paste lines that put the one-file agent on a machine, run in
 * the folder `npm run build:agent` makes (dist/agent), for the enrolment page
 * that has just made a secret. The secret travels in the environment
 * (ESTATEWATCH_ENROL_SECRET), never in a command's arguments, which any user
 * of the machine can read with `ps` while it runs; `sudo
 * --preserve-env=ESTATEWATCH_ENROL_SECRET` hands it to the helper without
 * putting it on sudo's command line, as `sudo NAME=value …` would.
 */

export interface InstallLine {
  /** The element id the page gives the line, for its copy button. */
  id: string;
  /** Which machines it is for. */
  os: string;
  command: string;
  /** What it sets up. */
  note: string;
}

/** A POSIX shell word: as it is when it cannot be misread, else single-quoted. */
function sh(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A PowerShell string literal: single quotes, which expand nothing; a quote inside is doubled. */
function ps(word: string): string {
  return `'${word.replaceAll("'", "''")}'`;
}

const SECRET = 'ESTATEWATCH_ENROL_SECRET';

/** The line for each system, enrolling with `secret` at the hub `hub` (its public origin). */
export function installLines(hub: string, secret: string): InstallLine[] {
  const viaSudo = (helper: string) => `${SECRET}=${sh(secret)} sudo --preserve-env=${SECRET} sh ${helper} --hub ${sh(hub)}`;
  return [
    { id: 'install-linux', os: 'Linux (systemd)', command: viaSudo('install/linux/install.sh'), note: 'installs to /opt/estatewatch-agent, enrols, and scans nightly from a systemd timer' },
    { id: 'install-macos', os: 'macOS 10.15 or later', command: viaSudo('install/macos/install.sh'), note: 'installs to /usr/local/estatewatch-agent, enrols, and scans nightly from a launchd daemon' },
    {
      id: 'install-windows',
      os: 'Windows (PowerShell as administrator)',
      command: `$env:${SECRET}=${ps(secret)}; powershell -ExecutionPolicy Bypass -File install\\windows\\install.ps1 -HubUrl ${ps(hub)}; Remove-Item Env:${SECRET}`,
      note: 'installs to %ProgramFiles%\\estatewatch-agent, enrols, and scans nightly from a Scheduled Task as SYSTEM',
    },
    {
      id: 'install-agent',
      os: 'The agent alone (any system with Node.js 20)',
      command: `${SECRET}=${sh(secret)} node estatewatch-agent.cjs enrol --hub ${sh(hub)} && node estatewatch-agent.cjs --once`,
      note: 'enrols as the current user and sends one report; schedule it yourself (--schedule, cron)',
    },
  ];
}
