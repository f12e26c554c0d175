/**
 * The demo hospital's fax and pager register, as a trust would import it
 * (docs/devices.md): faxes on two wards and in pharmacy, on-call pagers, and
 * crash bleeps. Some removal dates are already missed, as in real trusts.
 */
import { importDevicesCsv } from '../devices/import-devices-csv.js';
import type { HubDeps } from '../hub/deps.js';
import { FIRST_ORGANISATION_ID } from '../store/organisations.js';
import { countDevices } from '../store/registered-devices.js';

const DEMO_REGISTER = `Kind,Name,Model,Serial,Site,Location,Status,Planned_Removal_On,Replacement,Owner_Name,Team,Number,Pager_Type,Provider,Contract_End
fax,Ward 7 fax,Brother FAX-2840,E73512K9N123456,Anytown General,Ward 7,in-use,2020-03-31,secure email to NHSmail,,,,,,
fax,Ward 12 fax,Panasonic KX-FL422,6GBQA001234,Anytown General,Ward 12,replacement-planned,2027-01-31,"secure email to NHSmail, then e-referral",,,,,,
fax,Pharmacy fax,Canon i-SENSYS FAX-L170,HQK01234,Anytown General,Pharmacy,replacement-planned,2027-04-30,"NHSmail shared mailbox ""pharmacy.orders""",,,,,,
pager,Crash team bleep 1,Multitone RPM811,MT-0001,Anytown General,Resuscitation,in-use,,,Duty resus officer,Cardiac arrest team,2222,emergency,Multitone,2028-03-31
pager,Crash team bleep 2,Multitone RPM811,MT-0002,Anytown General,Emergency Department,in-use,,,Duty registrar,"Cardiac arrest team, ED",2223,emergency,Multitone,2028-03-31
pager,On-call surgery pager,Motorola Advisor Elite,,Anytown General,Surgery,in-use,2021-12-31,clinical messaging app,,On-call surgical registrar,4410,one-way,Vodafone Paging,2026-06-30
pager,On-call medicine pager,Motorola Advisor Elite,,Anytown General,Medicine,replacement-planned,2027-03-31,clinical messaging app,,"On-call medicine, nights",4411,one-way,Vodafone Paging,2027-06-30
pager,Site manager pager,Motorola Advisor Elite,,Anytown General,Site management,replacement-planned,2027-02-28,clinical messaging app,,Site team,4400,one-way,Vodafone Paging,2027-06-30
`;

/** Imports the demo register when the register is empty; returns how many devices it added. */
export function seedDemoRegister(deps: HubDeps): number {
  if (countDevices(deps.db) > 0) return 0;
  const result = importDevicesCsv({ db: deps.db, username: 'demo', role: 'admin', now: deps.now(), org: null }, DEMO_REGISTER, { dryRun: false, organisationId: FIRST_ORGANISATION_ID });
  if (!result.ok) throw new Error(`demo register: ${JSON.stringify(result.errors)}`);
  return result.summary.created;
}
