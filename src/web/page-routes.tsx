/** The server-rendered pages: sign-in, password, summary, assets, one asset, software, unmatched. */
import { FORM_LIMIT } from './form-limit.js';
import { ProfileSchema, updateOwnProfile } from '../auth/profile.js';
import { redirectWithMessage } from './flash.js';
import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { changePassword, PasswordChangeSchema } from '../auth/change-password.js';
import { signIn } from '../auth/sign-in.js';
import { assetItems } from '../estate/asset-items.js';
import { dataFreshness } from '../estate/data-freshness.js';
import { latestLifecycleDataUpdate } from '../store/lifecycle-data.js';
import { LifecycleDataPage } from './pages/lifecycle-data-page.js';
import type { HubEnv } from '../hub/deps.js';
import { forbidden, notFound, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole, requireSignedIn } from '../hub/middleware/session.js';
import { AssetQuerySchema, IdSchema, nonEmpty, PagedQuerySchema, scopeOf, ScopeQuerySchema, SoftwareQuerySchema } from '../hub/query-schemas.js';
import { onePage } from '../hub/page-range.js';
import { clientAddress } from '../hub/client-address.js';
import { CredentialsSchema, endSession, setSessionCookie, signInRefused } from '../hub/routes/session-api.js';
import { listAlerts } from '../store/alert-queries.js';
import { ruleMarks } from '../hub/routes/alerts-api.js';
import { withKnownExploited } from '../alerts/known-exploited-rules.js';
import { getAsset, listAssetDevices, listAssetHistory, listAssetInstalls } from '../store/asset-queries.js';
import { estateSummary, getSoftwareVersionLabel, listInstalledProducts, listUnmatched, osBreakdown } from '../store/estate-queries.js';
import type { OrgScope } from '../store/organisations.js';
import { productChoices } from '../estate/software-search.js';
import { findAssets, findSoftware } from '../hub/estate-lists.js';
import { AssetPage } from './pages/asset-page.js';
import { AssetsPage, type AssetsPageProps } from './pages/assets-page.js';
import { LoginPage } from './pages/login-page.js';
import { PasswordPage } from './pages/password-page.js';
import { SoftwarePage, type SoftwarePageProps } from './pages/software-page.js';
import { SummaryPage } from './pages/summary-page.js';
import { UnmatchedPage } from './pages/unmatched-page.js';
import { COPY_SCRIPT } from './copy-script.js';
import { FAVICON_SVG } from './favicon.js';
import { APP_CSS } from './styles.js';
import { readFilters } from './read-filters.js';
import { trustsShown } from './trusts-shown.js';


/** Only a same-site local path: `next` must never send a person to another site. */
const NextSchema = z.string().regex(/^\/(?!\/)[^\s\\]*$/).catch('/');

/** An API message ("wrong username or password") as the page shows it. */
const asSentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

/** A signed-in form post must carry its session's token (on top of the Origin check in app.ts). */
export const formToken = createMiddleware<HubEnv>(async (c, next) => {
  const body = await c.req.parseBody();
  if (!c.var.session || body.csrf !== c.var.session.csrfToken) throw forbidden('form token is missing or stale; reload the page and try again');
  await next();
});

/** A list page whose filters are wrong lists nothing until they are mended. */
const NOTHING_LISTED = { page: 1, pageSize: 50, total: 0, more: false, rows: [] };

/** The products installed in the reader's scope, by title, for a filter form. */
const freshnessOf = (c: Context<HubEnv>) => dataFreshness(c.var.deps.evaluator, c.var.deps.config.dataStaleDays);
const productChoicesIn = (c: Context<HubEnv>, org: OrgScope) => productChoices(c.var.deps.evaluator.rules, listInstalledProducts(c.var.deps.db, org));

export const pageRoutes = new Hono<HubEnv>()
  .get('/static/app.css', (c) => c.body(APP_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
  .get('/static/copy.js', (c) => c.body(COPY_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }))
  .get('/favicon.svg', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }))
  .get('/login', (c) => c.html(<LoginPage next={NextSchema.parse(c.req.query('next') ?? '/')} />))
  .post('/login', FORM_LIMIT, async (c) => {
    const { db, now, config } = c.var.deps;
    const form = await c.req.parseBody();
    const next = NextSchema.parse(form.next);
    const creds = CredentialsSchema.safeParse({ username: form.username, password: form.password });
    const result = creds.success ? await signIn(db, { ...creds.data, client: clientAddress(c) }, now(), config.sessionHours) : { ok: false as const };
    if (!result.ok) {
      const refused = signInRefused(c, result.refusal);
      return c.html(<LoginPage next={next} error={asSentence(refused.message)} />, refused.status);
    }
    setSessionCookie(c, result.signedIn);
    return c.redirect(next, 303);
  })
  .post('/logout', FORM_LIMIT, formToken, (c) => {
    endSession(c);
    return c.redirect('/login', 303);
  })
  .get('/account/password', requireSignedIn, (c) => c.html(<PasswordPage session={currentSession(c)} />))
  .post('/account/password', FORM_LIMIT, requireSignedIn, formToken, async (c) => {
    const session = currentSession(c);
    const form = await c.req.parseBody();
    const change = PasswordChangeSchema.safeParse({ currentPassword: form.currentPassword, newPassword: form.newPassword });
    if (!change.success) return c.html(<PasswordPage session={session} error={change.error.issues.map((i) => i.message).join('; ')} />, 400);
    const changed = await changePassword(c.var.deps.db, change.data, { username: session.user.username, keepSession: session.tokenHash, client: clientAddress(c), now: c.var.deps.now() });
    if (!changed.ok) {
      const refused = signInRefused(c, changed.refusal, 'current password is wrong');
      return c.html(<PasswordPage session={session} error={asSentence(refused.message)} />, refused.status);
    }
    return redirectWithMessage(c, '/', 'Password changed. Your other sessions have ended.');
  })
  .post('/account/profile', FORM_LIMIT, requireRole(), formToken, async (c) => {
    const session = currentSession(c);
    const form = await c.req.parseBody();
    const profile = ProfileSchema.safeParse({ displayName: form.displayName ?? '', jobTitle: form.jobTitle ?? '' });
    if (!profile.success) return c.html(<PasswordPage session={session} profileError={profile.error.issues.map((i) => i.message).join('; ')} />, 400);
    updateOwnProfile(c.var.deps.db, session.user, profile.data, c.var.deps.now());
    return redirectWithMessage(c, '/account/password', 'Your name and job title are saved.');
  })
  .use('/', requireRole())
  .use('/assets', requireRole())
  .use('/assets/*', requireRole())
  .use('/software', requireRole())
  .use('/unmatched', requireRole())
  .use('/data', requireRole())
  .use('/admin/*', requireRole('admin'))
  .get('/', (c) => {
    const { db, evaluator } = c.var.deps;
    const org = scopeOf(c, parseOrThrow(ScopeQuerySchema, nonEmpty(c.req.query())));
    return c.html(<SummaryPage session={currentSession(c)} asOf={evaluator.asOf()} summary={estateSummary(db, org)} osRows={osBreakdown(db, org)} freshness={freshnessOf(c)} />);
  })
  .get('/data', (c) => {
    const { db, config } = c.var.deps;
    return c.html(<LifecycleDataPage session={currentSession(c)} freshness={freshnessOf(c)} update={latestLifecycleDataUpdate(db)} timeZone={config.timeZone} />);
  })
  .get('/assets', (c) => {
    const filters = readFilters(c, AssetQuerySchema);
    const page = (org: OrgScope, list: Pick<AssetsPageProps, 'page' | 'pageSize' | 'total' | 'rows' | 'carrying' | 'problems'>) => (
      <AssetsPage session={currentSession(c)} filter={filters.typed} products={productChoicesIn(c, org)} showTrust={trustsShown(c).length > 0} {...list} />
    );
    if (!filters.ok) return c.html(page(scopeOf(c, {}), { problems: filters.problems, ...NOTHING_LISTED }), 400);
    const q = filters.query;
    const org = scopeOf(c, q);
    const carrying = q.software === undefined ? undefined : getSoftwareVersionLabel(c.var.deps.db, q.software, org);
    return c.html(page(org, { ...findAssets(c, q), carrying, page: q.page, pageSize: q.pageSize }));
  })
  .get('/assets/:id', (c) => {
    const { db } = c.var.deps;
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const asset = getAsset(db, id, currentSession(c).user.organisationId);
    if (!asset) throw notFound(`asset ${id}`);
    const items = assetItems(asset, listAssetInstalls(db, id));
    const marks = ruleMarks(c);
    const alerts = listAlerts(db, { assetId: id, org: currentSession(c).user.organisationId, now: c.var.deps.now(), limit: 100, offset: 0, firstRuleIds: [...marks.keys()] }).rows
      .map((a) => withKnownExploited(a, marks));
    return c.html(<AssetPage session={currentSession(c)} asset={asset} items={items} alerts={alerts} devices={listAssetDevices(db, id)} history={listAssetHistory(db, id, 50)} showTrust={trustsShown(c).length > 0} freshness={freshnessOf(c)} asOf={c.var.deps.evaluator.asOf()} />);
  })
  .get('/software', (c) => {
    const filters = readFilters(c, SoftwareQuerySchema);
    const page = (org: OrgScope, list: Pick<SoftwarePageProps, 'page' | 'pageSize' | 'total' | 'more' | 'rows' | 'problems'>) => (
      <SoftwarePage session={currentSession(c)} filter={filters.typed} products={productChoicesIn(c, org)} {...list} />
    );
    if (!filters.ok) return c.html(page(scopeOf(c, {}), { problems: filters.problems, ...NOTHING_LISTED }), 400);
    const q = filters.query;
    return c.html(page(scopeOf(c, q), { ...findSoftware(c, q), page: q.page, pageSize: q.pageSize }));
  })
  .get('/unmatched', (c) => {
    const q = parseOrThrow(PagedQuerySchema, nonEmpty(c.req.query()));
    const { total, rows } = onePage(q, (at) => listUnmatched(c.var.deps.db, scopeOf(c, q), at));
    return c.html(<UnmatchedPage session={currentSession(c)} page={q.page} pageSize={q.pageSize} total={total} rows={rows} />);
  });

