import type { Device, DeviceKind } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';
import { uniqueBy } from '../unique-by.js';

/** Queues that print to a file or an app, not to paper. */
const VIRTUAL_TEXT = /print to pdf|xps document writer|onenote|microsoft software printer driver|adobe pdf|pdfcreator|pdf24|cutepdf/i;
const VIRTUAL_PORTS = /^(portprompt|nul|xpsport|file):$/i;

/** The Windows Fax queue ("Microsoft Shared Fax Driver" on SHRFAX:), HP/Brother PC-Fax queues, "Ward3-Fax". */
const FAX_TEXT = /\bfax\b/i;
const FAX_PORT = /^shrfax:$/i;

/**
 * Words in a driver or queue name that mean print + scan + copy in one box,
 * often with fax: MFP (HP, Xerox VersaLink), MFC (Brother, always with fax),
 * "Canon MF4700 Series" / i-SENSYS MF… and imageRUNNER (Canon), WorkCentre and
 * AltaLink (Xerox), bizhub (Konica Minolta), TASKalfa and ECOSYS M… (Kyocera),
 * Lexmark MX/CX, Ricoh MP/IM. A superset of the CUPS collector's words, so both
 * platforms sort the same box alike.
 */
const MFD_TEXT =
  /\b(mfp|mfc|mfd|all-in-one|multifunction|workcentre|altalink|imagerunner|canon (i-sensys )?mf\d|bizhub|taskalfa|ecosys m\d|lexmark [cm]x\d|ricoh (aficio )?(mp|im) ?c?\d)/i;

const nameAndDriver = (queue: PsRecord) => `${psText(queue, 'Name') ?? ''} ${psText(queue, 'DriverName') ?? ''}`;
const portOf = (queue: PsRecord) => psText(queue, 'PortName')?.toLowerCase();

export const isVirtualQueue = (queue: PsRecord): boolean => VIRTUAL_TEXT.test(nameAndDriver(queue)) || VIRTUAL_PORTS.test(portOf(queue) ?? '');

const isConnection = (queue: PsRecord) => ['user', 'machine'].includes(psText(queue, 'Scope') ?? '');

export const isFaxQueue = (queue: PsRecord): boolean => FAX_PORT.test(portOf(queue) ?? '') || FAX_TEXT.test(nameAndDriver(queue));

/**
 * Parses PRINTERS_SCRIPT's output: fax queues → fax; a multifunction model, or
 * a queue sharing its port with a fax queue (one box, two queues) → mfd; the
 * rest → printer. PDF/XPS/OneNote queues are left out: nothing to patch or remove.
 */
export function parsePrinters(text: string): Device[] {
  // A print-server connection WMI also shows (to the account it belongs to) is one queue.
  const queues = uniqueBy(parsePsJson(text).filter((queue) => psText(queue, 'Name') && !isVirtualQueue(queue)), (queue) => psText(queue, 'Name')!.toLowerCase());
  // SHRFAX: is the shared port of the Windows Fax service, not one box.
  const faxPorts = new Set(queues.filter(isFaxQueue).map(portOf).filter((port) => port !== undefined && !FAX_PORT.test(port)));
  return queues.map((queue) => toDevice(queue, kindOf(queue, faxPorts)));
}

function kindOf(queue: PsRecord, faxPorts: ReadonlySet<string | undefined>): DeviceKind {
  if (isFaxQueue(queue)) return 'fax';
  return MFD_TEXT.test(nameAndDriver(queue)) || faxPorts.has(portOf(queue)) ? 'mfd' : 'printer';
}

function toDevice(queue: PsRecord, kind: DeviceKind): Device {
  return {
    kind,
    name: clip(psText(queue, 'Name')) ?? 'unnamed queue',
    model: clip(psText(queue, 'DriverName')),
    location: clip(psText(queue, 'Location')),
    // A print-server connection read from the registry has no port: the \\server\queue path is how it is attached.
    connection: clip(psText(queue, 'PortName') ?? (isConnection(queue) ? psText(queue, 'Name') : undefined), 1024),
  };
}
