/**
 * Where the report's figures land in what the board is asked about: the
 * DSPT (aligned to the NCSC Cyber Assessment Framework since 2024-25) and
 * What Good Looks Like. It quotes the indicators and points at the figures;
 * it never scores the trust: self-assessed maturity is exactly what gets
 * gamed, and the judgement is the board's. Sources: ../shared/DOMAIN.md
 * (NHS England DSPT guides; NCSC CAF v3.2; NHSX What Good Looks Like, 2021).
 */
import type { Figure, PostureFigures } from './posture-figures.js';
import { count, percentText } from './plain-english.js';

export interface AssuranceRow {
  framework: string;
  outcome: string;
  /** What the framework asks, in its own terms. */
  asks: string;
  /** What this month's figures show against it. */
  shows: string;
  /** The figures that bear on it, each linking to its rows. */
  figures: { label: string; figure: Figure }[];
}

export function assuranceMapping(f: PostureFigures): AssuranceRow[] {
  const unsupported = f.assets.byPosture.unsupported;
  return [
    {
      framework: 'DSPT / CAF',
      outcome: 'A3.a Asset management',
      asks: 'Inventories of systems and software are complete and current; "asset inventories are neglected and out of date" is a not-achieved indicator.',
      shows: `${count(f.coverage.registered.value, 'asset')} registered, ${percentText(f.coverage.reportingPct)} reported in the last 7 days; ${count(f.assets.byPosture.unknown.value, 'asset')} with software no rule can judge yet.`,
      figures: [
        { label: 'Registered assets', figure: f.coverage.registered },
        { label: 'Reported in the last 7 days', figure: f.coverage.reporting },
        { label: 'Assets with software no rule can judge', figure: f.assets.byPosture.unknown },
      ],
    },
    {
      framework: 'DSPT / CAF',
      outcome: 'B4.d Vulnerability management',
      asks: 'Achieved: the trust actively maximises its use of supported software, firmware and hardware. Partially achieved: temporary mitigations for unsupported systems while they are replaced. Not achieved: unsupported systems unmitigated, or no replacement being pursued.',
      shows: `${unsupported.value} assets run unsupported software or operating systems; ${f.exceptions.inForce.value} risk-accepted exceptions are in force; ${f.assets.unsupportedWithoutException.value} unsupported assets have neither been replaced nor formally accepted; ${f.actions.overdue.value} remediation actions are overdue.`,
      figures: [
        { label: 'Assets running unsupported software', figure: unsupported },
        { label: 'Unsupported and not formally accepted', figure: f.assets.unsupportedWithoutException },
        { label: 'Exceptions in force', figure: f.exceptions.inForce },
        { label: 'Overdue actions', figure: f.actions.overdue },
      ],
    },
    {
      framework: 'DSPT (standard 8)',
      outcome: '8.2 Unsupported systems',
      asks: 'No unsupported operating systems, software or internet browsers; any that remain are documented, risk-assessed and formally accepted.',
      shows: `${f.unsupportedOs.assets.value} unsupported operating systems and ${f.unsupportedSoftware.installs.value} unsupported software installs are documented here, each listed with its host; ${f.exceptions.assetsCovered} assets are covered by a signed-off exception.`,
      figures: [
        { label: 'Unsupported operating systems', figure: f.unsupportedOs.assets },
        { label: 'Unsupported software installs', figure: f.unsupportedSoftware.installs },
        { label: 'Exceptions in force', figure: f.exceptions.inForce },
      ],
    },
    {
      framework: 'DSPT / CAF',
      outcome: 'A1.a Board direction',
      asks: 'Board discussions on cyber security are based on timely and accurate information.',
      shows: 'Every figure in this report is frozen from a dated snapshot, links to the rows behind it, and is sealed by a data hash and the audit chain head.',
      figures: [],
    },
    {
      framework: 'What Good Looks Like',
      outcome: 'Safe practice',
      asks: 'Get off and stay off unsupported systems; a named Clinical Safety Officer signs off clinical risk.',
      shows: `${percentText(f.assets.supportedPct)} of assets run only supported software; clinical safety actions: ${f.actions.open.value} open, ${f.actions.overdue.value} overdue.`,
      figures: [
        { label: 'Assets running only supported software', figure: f.assets.supportedOnly },
        { label: 'Open actions', figure: f.actions.open },
        { label: 'Overdue actions', figure: f.actions.overdue },
      ],
    },
    {
      framework: 'What Good Looks Like',
      outcome: 'Smart foundations',
      asks: 'Remove fax machines and pagers (faxes out of use by 31 March 2020; non-emergency pagers by the end of 2021).',
      shows: `${f.devices.fax.inRegister.value} faxes and ${f.devices.pager.inRegister.value} pagers remain in the register, ${f.devices.pager.retainedByPolicy.value} of the pagers emergency bleeps kept by policy.`,
      figures: [
        { label: 'Faxes in the register', figure: f.devices.fax.inRegister },
        { label: 'Pagers in the register', figure: f.devices.pager.inRegister },
        { label: 'Emergency bleeps kept by policy', figure: f.devices.pager.retainedByPolicy },
      ],
    },
  ];
}
