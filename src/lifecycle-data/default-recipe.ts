/**
 * The recipe for an endoflife.date product no hand-made recipe covers. It only
 * matches names that cannot mean anything else, because a wrong match is worse
 * than `unknown`:
 * - installers and app bundles: the product's exact title, optionally followed
 *   by a version and an architecture ("Apache Kafka 3.6.1 (x64)"), and only for
 *   titles of two or more words or a distinctive brand (a bare "Flux", "Express"
 *   or "Unity" is left to a hand-made recipe or left unrecognised);
 * - SBOM components: the data's Package URLs, exact identifiers (added to every
 *   generated software rule by the generator, purlEntries below);
 * - distribution packages: the data's repology project names. They follow the
 *   OS anyway; the match only names the product in the reason.
 */
import type { MatchEntry } from '../rules/lifecycle-schema.js';
import { DISTRO, INSTALLERS, type EolProduct, type Recipe } from './types.js';

/** Single-word titles distinctive enough to match on their own. */
const DISTINCTIVE = new Set([
  'Artifactory', 'Bamboo', 'Bitbucket', 'Centreon', 'Checkmk', 'ClickHouse', 'CockroachDB', 'Confluence', 'Dovecot', 'Drupal', 'DuckDB',
  'Elasticsearch', 'Exim', 'GitLab', 'Grafana', 'Graylog', 'HAProxy', 'Icinga', 'InfluxDB', 'Jenkins', 'Joomla!', 'Keycloak', 'Kibana',
  'Logstash', 'Magento', 'Mattermost', 'MediaWiki', 'Memcached', 'Moodle', 'Neo4j', 'Nextcloud', 'PostgreSQL', 'Postfix', 'ProFTPD',
  'Prometheus', 'RabbitMQ', 'Redmine', 'Splunk', 'TYPO3', 'Tarantool', 'WordPress', 'Zabbix', 'phpBB', 'phpMyAdmin', 'ArangoDB',
  'Kubernetes', 'Podman', 'containerd', 'Gradle', 'Terraform', 'Telegraf', 'Meilisearch', 'Shopware', 'Contao', 'Matomo', 'Mautic',
]);

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const VERSION_TAIL = '(?: v?\\d[\\w.+-]*)?';
const ARCH_TAIL = '(?: \\((?:x64|x86|64-bit|32-bit|amd64|arm64)\\))?';

function titleEntry(p: EolProduct): MatchEntry | null {
  const distinctive = p.title.trim().split(/\s+/).length >= 2 || DISTINCTIVE.has(p.title);
  if (!distinctive || p.category === 'framework') return null;
  return { name: `^${escapeRegex(p.title)}${VERSION_TAIL}${ARCH_TAIL}$`, sources: INSTALLERS };
}

/**
 * The data's Package URLs as exact identifiers (type, namespace and name; the
 * version, qualifiers and subpath dropped, as the engine drops them from an
 * item's purl): "pkg:pypi/django", "pkg:maven/org.apache.logging.log4j/log4j-core".
 */
export function purlEntries(p: EolProduct): MatchEntry[] {
  const ids = (p.identifiers ?? []).filter((i) => i.type === 'purl').map((i) => i.id.split(/[@?#]/)[0] ?? '').filter((id) => /^pkg:[a-z0-9.+-]+\/.+/i.test(id));
  return [...new Set(ids)].sort().map((id) => ({ purl: `^${escapeRegex(id)}$` }));
}

function repologyEntries(p: EolProduct): MatchEntry[] {
  const ids = (p.identifiers ?? []).filter((i) => i.type === 'repology' && /^[a-z0-9][a-z0-9+._-]*$/i.test(i.id)).map((i) => i.id);
  return [...new Set(ids)].sort().map((id) => ({ name: `^${escapeRegex(id)}$`, sources: DISTRO }));
}

/** A recipe from the data alone, or why there can be none. */
export function defaultRecipe(p: EolProduct): Recipe | { why: string } {
  if (p.category === 'os') return { why: 'an operating system needs a hand-made recipe (its os-release name)' };
  const match = [titleEntry(p), ...repologyEntries(p)].filter((m): m is MatchEntry => m !== null);
  if (match.length === 0 && purlEntries(p).length === 0) return { why: `its title "${p.title}" is too generic to match safely and the data gives no package identifier` };
  return { slug: p.product, kind: 'software', match, specificFirst: true };
}
