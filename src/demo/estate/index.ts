/**
 * The demo estate: a small district general hospital, one report per host.
 * Adding a host is one new file here plus one line in this list.
 */
import type { Report } from '../../contract/report.js';
import { ctConsole01 } from './ct-console01.js';
import { dwSql01 } from './dw-sql01.js';
import { finDt0231 } from './fin-dt0231.js';
import { ifaceEng01 } from './iface-eng01.js';
import { labPc03 } from './lab-pc03.js';
import { limsDb01 } from './lims-db01.js';
import { medLt0117 } from './med-lt0117.js';
import { medLt0342 } from './med-lt0342.js';
import { medphotoMac02 } from './medphoto-mac02.js';
import { pacsSrv01 } from './pacs-srv01.js';
import { pharmPc02 } from './pharm-pc02.js';
import { portalWeb01 } from './portal-web01.js';
import { printSrv01 } from './print-srv01.js';
import { ward12Pc021 } from './ward12-pc021.js';
import { ward7Pc014 } from './ward7-pc014.js';

/**
 * Each report's `collectedAt` is fixed relative to this instant; `demoReports`
 * keeps the same gap to "now" so hosts look staggered, some last seen yesterday.
 */
export const DEMO_ESTATE_AS_OF = '2026-11-20T09:00:00Z';

export const DEMO_ESTATE: readonly Report[] = [
  ward7Pc014,
  ward12Pc021,
  labPc03,
  pharmPc02,
  finDt0231,
  medLt0117,
  medLt0342,
  medphotoMac02,
  ctConsole01,
  pacsSrv01,
  dwSql01,
  limsDb01,
  portalWeb01,
  ifaceEng01,
  printSrv01,
];
