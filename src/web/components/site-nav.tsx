import type { Role } from '../../store/users.js';
import { currentness, navGroupsFor, type NavLink } from '../site-nav-links.js';

export interface SiteNavProps {
  role: Role;
  /** The page shown, for aria-current. */
  path: string | undefined;
  /** Unread notifications, said beside their link. */
  unread: number;
}

function NavItem({ link, path, unread }: { link: NavLink; path: string | undefined; unread: number }) {
  const text = link.href === '/notifications' && unread > 0 ? `${link.text} (${unread})` : link.text;
  return (
    <a href={link.href} aria-current={currentness(link.href, path)}>
      {text}
    </a>
  );
}

/**
 * The grouped navigation: a group of one is a plain link, the others are
 * <details> menus, which open and close without script (the CSP allows none
 * inline) and by keyboard. They share a name, so opening one closes the rest.
 */
export function SiteNav({ role, path, unread }: SiteNavProps) {
  return (
    <nav aria-label="Main">
      <ul class="site-nav">
        {navGroupsFor(role).map((group) => {
          const [only] = group.links;
          if (group.links.length === 1 && only) return <li><NavItem link={only} path={path} unread={unread} /></li>;
          const here = group.links.some((l) => currentness(l.href, path));
          return (
            <li>
              <details name="site-nav" class={here ? 'here' : undefined}>
                <summary>{group.label}</summary>
                <ul>
                  {group.links.map((link) => (
                    <li><NavItem link={link} path={path} unread={unread} /></li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
