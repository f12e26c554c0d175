/**
 * One alert rule file (rules/alerts/<id>.yaml). Field reference: rules/README.md.
 * Strict: an unknown key is an error, so a typo never silently widens a rule.
 */
import { z } from 'zod';
import { DeviceKindSchema, OsFamilySchema, SoftwareSourceSchema } from '../contract/report.js';
import { CveIdSchema } from '../cyber/read-kev.js';
import { SUPPORT_STATUSES } from '../lifecycle/verdict.js';
import { isVersionRange } from '../lifecycle/version-range.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const Statuses = z.array(z.enum(SUPPORT_STATUSES)).min(1);
const Days = z.number().int().min(1).max(3650);
const Regex = z.string().min(1).refine((p) => { try { new RegExp(p, 'i'); return true; } catch { return false; } }, { error: 'not a valid regular expression' });

/** Which assets a rule looks at; every given field must hold. Absent = the whole estate. */
export const ScopeSchema = z.strictObject({
  families: z.array(OsFamilySchema).min(1).optional(),
  /** Regex on the hostname, e.g. '^WARD' for ward PCs. */
  hostname: Regex.optional(),
});

export const ConditionSchema = z.discriminatedUnion('kind', [
  /** The asset's OS has one of these statuses. Subject: "os". */
  z.strictObject({ kind: z.literal('os-status'), statuses: Statuses }),
  /**
   * A software item on the asset has one of these statuses there. Subject: one per item. `followingOs: exclude` leaves
   * out the items whose status is their OS's (distribution packages): the OS's own alert on the machine stands for them.
   */
  z.strictObject({
    kind: z.literal('software-status'), statuses: Statuses, sources: z.array(SoftwareSourceSchema).min(1).optional(),
    followingOs: z.enum(['include', 'exclude']).optional(),
  }),
  /**
   * Prohibited software: a product (lifecycle rule id) and/or a name pattern, in a
   * semver range or in listed cycles. Subject: one per item.
   */
  z
    .strictObject({
      kind: z.literal('software-version'),
      product: z.string().min(1).optional(),
      name: Regex.optional(),
      /** Only items from these sources, e.g. leave out distribution packages the distribution patches. */
      sources: z.array(SoftwareSourceSchema).min(1).optional(),
      range: z.string().min(1).refine(isVersionRange, { error: 'not a valid semver range' }).optional(),
      cycles: z.array(z.string().min(1)).min(1).optional(),
    })
    .refine((c) => c.product !== undefined || c.name !== undefined, { error: 'give a product or a name pattern' })
    .refine((c) => c.range === undefined || c.cycles === undefined, { error: 'give a range or cycles, not both' }),
  /** A device of one of these kinds is attached. Subject: one per device. */
  z.strictObject({ kind: z.literal('device-present'), kinds: z.array(DeviceKindSchema).min(1) }),
  /**
   * Patch currency (lifecycle/judge-patch.ts): the asset's OS has been behind for more than
   * `days` days (a newer version, or for Windows a newer cumulative update, has been out that
   * long); optionally only while the OS has one of `statuses`. Subject: "os-patch".
   */
  z.strictObject({ kind: z.literal('os-behind'), days: Days, statuses: Statuses.optional() }),
  /**
   * A software item on the asset, judged on its own (distribution packages never are), has been
   * behind its release's newest version for more than `days` days; optionally only with one of
   * `statuses` there, or from `sources`. Subject: one per item.
   */
  z.strictObject({ kind: z.literal('software-behind'), days: Days, statuses: Statuses.optional(), sources: z.array(SoftwareSourceSchema).min(1).optional() }),
  /** The asset has not reported for more than `days` days. Subject: "silent". */
  z.strictObject({ kind: z.literal('asset-silent'), days: Days }),
  /**
   * A registered device (the fax/pager register) still in use past its planned
   * removal date, unless retained by policy. Estate-wide: one alert per device.
   */
  z.strictObject({ kind: z.literal('device-past-removal'), kinds: z.array(DeviceKindSchema).min(1).optional() }),
  /**
   * A trust's response to a cyber alert (docs/cyber-alerts.md) is overdue: not acknowledged 48 hours
   * after publication, or its next remediation update past due. Estate-wide: one alert per trust,
   * cyber alert and overdue step.
   */
  z.strictObject({ kind: z.literal('cyber-response-overdue') }),
  /** A program no rule can judge is on at least `minAssets` assets. Estate-wide: one alert per program. */
  z.strictObject({ kind: z.literal('unknown-software-spread'), minAssets: z.number().int().min(2) }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const AlertRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'alert rule ids are kebab-case' }),
  title: z.string().min(1).max(200),
  severity: z.enum(SEVERITIES),
  /** Plain English: what this means for the trust. */
  description: z.string().min(1),
  /** Plain English: what to do about it. */
  remediation: z.string().min(1),
  /** Off rules are checked but never raise. */
  enabled: z.boolean().default(true),
  scope: ScopeSchema.optional(),
  condition: ConditionSchema,
  /**
   * The CVEs the rule is about, as in a cyber alert file. A rule with one in the KEV
   * catalogue is listed "known exploited", first; KEV never widens what the rule matches.
   */
  cves: z.array(CveIdSchema).min(1).optional(),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;
