/**
 * What the navigation offers, grouped as people work: the estate, triage,
 * clinical safety, the board, administration. Fifteen links in a row wrapped
 * at 1366 px; five groups sit on one line beside the brand and the sign-out.
 */
import type { Role } from '../store/users.js';

export interface NavLink {
  href: string;
  text: string;
  /** Who sees the link; everyone signed in when absent. */
  roles?: readonly Role[];
}

export interface NavGroup {
  label: string;
  links: readonly NavLink[];
}

const ADMIN: readonly Role[] = ['admin'];

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: 'Estate',
    links: [
      { href: '/', text: 'Summary' },
      { href: '/assets', text: 'Assets' },
      { href: '/software', text: 'Software' },
      { href: '/unmatched', text: 'Unmatched' },
      { href: '/devices', text: 'Devices' },
      { href: '/data', text: 'Lifecycle data' },
    ],
  },
  {
    label: 'Triage',
    links: [
      { href: '/alerts', text: 'Alerts' },
      { href: '/cyber-alerts', text: 'Cyber alerts' },
      { href: '/notifications', text: 'Notifications' },
    ],
  },
  {
    label: 'Clinical safety',
    links: [
      { href: '/hazards', text: 'Hazards' },
      { href: '/actions', text: 'Actions' },
      { href: '/exceptions', text: 'Exceptions' },
    ],
  },
  { label: 'Board', links: [{ href: '/board-reports', text: 'Board reports' }] },
  {
    label: 'Admin',
    links: [
      { href: '/admin/agents', text: 'Agents', roles: ADMIN },
      { href: '/admin/enrolment', text: 'Enrol agents', roles: ADMIN },
      { href: '/import', text: 'Import', roles: ['admin', 'security-lead'] },
    ],
  },
];

/** The groups as `role` sees them: links it may not use left out, and groups left empty dropped. */
export function navGroupsFor(role: Role): NavGroup[] {
  return NAV_GROUPS.map((g) => ({ ...g, links: g.links.filter((l) => !l.roles || l.roles.includes(role)) })).filter((g) => g.links.length > 0);
}

/**
 * How a link relates to the page shown: 'page' when it is that page, 'true'
 * when the page is a record in its list (/alerts/12 under Alerts), so the
 * reader still knows where they are.
 */
export function currentness(href: string, path: string | undefined): 'page' | 'true' | undefined {
  if (path === undefined) return undefined;
  if (path === href) return 'page';
  return href !== '/' && path.startsWith(`${href}/`) ? 'true' : undefined;
}
