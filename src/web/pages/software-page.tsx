import type { ProductChoice } from '../../estate/software-search.js';
import type { ErrorDetail } from '../../hub/errors.js';
import type { SupportStatus } from '../../lifecycle/verdict.js';
import type { SoftwareVersionRow } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { FilterProblems } from '../components/filter-problems.js';
import { Pager } from '../components/pager.js';
import { SoftwareFields } from '../components/software-fields.js';
import { VerdictCells, VerdictHeaders } from '../components/verdict-cells.js';
import { StatusSelect } from '../components/status-select.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export type SoftwareFilter = Partial<Record<'q' | 'product' | 'version' | 'status' | 'organisation', string>>;

export interface SoftwarePageProps {
  session: Session;
  /** The filters as given, kept in the form and the links. */
  filter: SoftwareFilter;
  products: readonly ProductChoice[];
  /** What is wrong with the filters given: nothing is listed until they are mended. */
  problems?: readonly ErrorDetail[];
  page: number;
  pageSize: number;
  total: number;
  /** More than `total` versions match (a list counted no further): only the first `total` can be paged to. */
  more: boolean;
  rows: SoftwareVersionRow[];
}

/** A link to the assets list under these filters. */
export const assetsLink = (query: Record<string, string | undefined>) =>
  `/assets?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined))}`;

export function SoftwarePage({ session, filter, products, problems, page, pageSize, total, more, rows }: SoftwarePageProps) {
  const title = filter.product && (products.find((p) => p.product === filter.product)?.title ?? filter.product);
  return (
    <Layout title="Software versions" session={session}>
      <h1>Software versions</h1>
      <p class="muted">
        Each distinct version, with the status it has on the assets that carry it, most widespread first. Search by name or product title, product and a range of versions;
        each count opens the machines that carry the version.
      </p>
      <FilterProblems problems={problems} />
      <form class="filters" method="get" action="/software" role="search">
        <div>
          <label for="q">Name or title contains</label>
          <input id="q" name="q" value={filter.q ?? ''} />
        </div>
        <SoftwareFields choices={products} product={filter.product} version={filter.version} />
        <StatusSelect name="status" label="Status" value={filter.status as SupportStatus | undefined} />
        <button class="primary" type="submit">Search</button>
      </form>
      {title && !problems && (
        <p>
          <a id="machines-carrying" href={assetsLink({ product: filter.product, version: filter.version, organisation: filter.organisation })}>
            Machines carrying {title}
            {filter.version ? ` ${filter.version}` : ''} →
          </a>
        </p>
      )}
      {more && (
        <p class="notice" id="versions-counted-to">
          More than {total.toLocaleString('en-GB')} versions match. They are listed most widespread first, but only the first {total.toLocaleString('en-GB')} can be paged to:
          search by name, product or status to narrow the list, or download the CSV for every one.
        </p>
      )}
      <TableScroll>
        <table id="software-versions">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Version</th>
              <th scope="col">Source</th>
              <VerdictHeaders />
              <th scope="col" class="num">Assets</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-software={r.id}>
                <td>{r.name}</td>
                <td>{r.version}</td>
                <td>{r.source}</td>
                <VerdictCells {...r} />
                <td class="num">
                  <a href={assetsLink({ software: String(r.id), organisation: filter.organisation })} title={`the machines carrying ${r.name} ${r.version}`}>
                    {r.assets}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rows.length === 0 && !problems && <p class="panel">No software versions match these filters.</p>}
      <Pager path="/software" csv="/api/v1/estate/software.csv" query={filter} page={page} pageSize={pageSize} total={total} more={more} />
    </Layout>
  );
}
