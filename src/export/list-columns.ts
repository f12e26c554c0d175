/**
 * The columns each list exports as CSV: the same rows the page and the API
 * show, with machine-readable names and ISO dates, every field the list holds.
 */
import type { ActionRow } from '../store/actions.js';
import type { AlertRow } from '../store/alert-queries.js';
import type { AssetListRow } from '../store/asset-queries.js';
import type { SoftwareVersionRow, UnmatchedRow } from '../store/estate-queries.js';
import type { ExceptionRow } from '../store/exceptions.js';
import type { HazardRow } from '../store/hazards.js';
import type { RegisteredDevice } from '../store/registered-devices.js';
import type { CsvColumn } from './csv-table.js';

export const ALERT_COLUMNS: readonly CsvColumn<AlertRow>[] = [
  ['id', (a) => a.id],
  ['organisation', (a) => a.organisation],
  ['severity', (a) => a.severity],
  ['status', (a) => a.status],
  ['title', (a) => a.title],
  ['rule_id', (a) => a.ruleId],
  ['hostname', (a) => a.hostname],
  ['asset_id', (a) => a.assetId],
  ['subject', (a) => a.subject],
  ['detail', (a) => a.detail],
  ['assignee', (a) => a.assignee],
  ['raised_at', (a) => a.raisedAt],
  ['last_seen_at', (a) => a.lastSeenAt],
  ['acknowledged_at', (a) => a.acknowledgedAt],
  ['overdue', (a) => a.overdue],
  ['suppressed_until', (a) => a.suppressedUntil],
  ['suppress_reason', (a) => a.suppressReason],
  ['accepted_risk_exception', (a) => a.acceptedRisk?.exceptionId ?? null],
  ['resolved_at', (a) => a.resolvedAt],
  ['resolution', (a) => a.resolution],
];

export const ACTION_COLUMNS: readonly CsvColumn<ActionRow>[] = [
  ['id', (a) => a.id],
  ['organisation', (a) => a.organisation],
  ['title', (a) => a.title],
  ['status', (a) => a.status],
  ['owner', (a) => a.owner],
  ['due_date', (a) => a.dueDate],
  ['overdue', (a) => a.overdue],
  ['hazard_id', (a) => a.hazardId],
  ['hazard_title', (a) => a.hazardTitle],
  ['controls_hazard', (a) => a.controlsHazard],
  ['alert_id', (a) => a.alertId],
  ['asset_id', (a) => a.assetId],
  ['hostname', (a) => a.hostname],
  ['created_by', (a) => a.createdBy],
  ['created_at', (a) => a.createdAt],
  ['completed_at', (a) => a.completedAt],
];

/** Every DCB0160 field of the hazard log: what a safety case quotes. */
export const HAZARD_COLUMNS: readonly CsvColumn<HazardRow>[] = [
  ['id', (h) => h.id],
  ['organisation', (h) => h.organisation],
  ['title', (h) => h.title],
  ['status', (h) => h.status],
  ['description', (h) => h.description],
  ['causes', (h) => h.causes],
  ['effect', (h) => h.effect],
  ['potential_harm', (h) => h.potentialHarm],
  ['existing_controls', (h) => h.existingControls],
  ['initial_severity', (h) => h.initialSeverity],
  ['initial_likelihood', (h) => h.initialLikelihood],
  ['initial_risk', (h) => h.initialSeverity * h.initialLikelihood],
  ['additional_controls', (h) => h.additionalControls],
  ['residual_severity', (h) => h.residualSeverity],
  ['residual_likelihood', (h) => h.residualLikelihood],
  ['residual_risk', (h) => (h.residualSeverity === null || h.residualLikelihood === null ? null : h.residualSeverity * h.residualLikelihood)],
  ['residual_rated_by', (h) => h.residualRatedBy],
  ['residual_rated_at', (h) => h.residualRatedAt],
  ['rerating_due', (h) => h.reratingDue],
  ['owner', (h) => h.owner],
  ['created_by', (h) => h.createdBy],
  ['created_at', (h) => h.createdAt],
  ['updated_at', (h) => h.updatedAt],
];

export const EXCEPTION_COLUMNS: readonly CsvColumn<ExceptionRow>[] = [
  ['id', (e) => e.id],
  ['organisation', (e) => e.organisation],
  ['title', (e) => e.title],
  ['status', (e) => e.status],
  ['hostnames', (e) => e.assets.map((a) => a.hostname).join(' ')],
  ['rule_ids', (e) => e.ruleIds.join(' ')],
  ['justification', (e) => e.justification],
  ['compensating_controls', (e) => e.compensatingControls],
  ['expires_on', (e) => e.expiresOn],
  ['requested_by', (e) => e.requestedBy],
  ['requested_at', (e) => e.requestedAt],
  ['signed_off_by', (e) => e.signedOffBy],
  ['signed_off_at', (e) => e.signedOffAt],
  ['hazard_id', (e) => e.hazardId],
];

export const DEVICE_COLUMNS: readonly CsvColumn<RegisteredDevice>[] = [
  ['id', (d) => d.id],
  ['organisation', (d) => d.organisation],
  ['kind', (d) => d.kind],
  ['name', (d) => d.name],
  ['status', (d) => d.status],
  ['site', (d) => d.site],
  ['location', (d) => d.location],
  ['model', (d) => d.model],
  ['serial', (d) => d.serial],
  ['number', (d) => d.number],
  ['owner_name', (d) => d.ownerName],
  ['team', (d) => d.team],
  ['planned_removal_on', (d) => d.plannedRemovalOn],
  ['replacement', (d) => d.replacement],
  ['pager_type', (d) => d.pagerType],
  ['provider', (d) => d.provider],
  ['contract_end', (d) => d.contractEnd],
  ['retained_by_policy', (d) => d.retainedByPolicy],
  ['retained_signed_off_by', (d) => d.retainedSignedOffBy],
  ['decommissioned_at', (d) => d.decommissionedAt],
  ['decommission_reason', (d) => d.decommissionReason],
];

export const ASSET_COLUMNS: readonly CsvColumn<AssetListRow>[] = [
  ['id', (a) => a.id],
  ['organisation', (a) => a.organisation],
  ['hostname', (a) => a.hostname],
  ['os_name', (a) => a.osName],
  ['os_version', (a) => a.osVersion],
  ['os_status', (a) => a.osStatus],
  ['software_items', (a) => a.software],
  ['unsupported_items', (a) => a.unsupported],
  ['ending_soon_items', (a) => a.endingSoon],
  ['unknown_items', (a) => a.unknown],
  ['fax_modem_pager_devices', (a) => a.legacyDevices],
  ['last_seen_at', (a) => a.lastSeenAt],
];

export const SOFTWARE_COLUMNS: readonly CsvColumn<SoftwareVersionRow>[] = [
  ['id', (s) => s.id],
  ['name', (s) => s.name],
  ['version', (s) => s.version],
  ['vendor', (s) => s.vendor],
  ['source', (s) => s.source],
  ['product', (s) => s.product],
  ['cycle', (s) => s.cycle],
  ['end_of_support', (s) => s.eol],
  ['status', (s) => s.status],
  ['machines', (s) => s.assets],
];

export const UNMATCHED_COLUMNS: readonly CsvColumn<UnmatchedRow>[] = [
  ['name', (u) => u.name],
  ['vendor', (u) => u.vendor],
  ['source', (u) => u.source],
  ['versions', (u) => u.versions],
  ['installs', (u) => u.installs],
];
