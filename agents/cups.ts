import type { Device, DeviceKind } from '../src/contract/report.js';
import { clip } from './clip.js';
import type { ReportPart } from './collector.js';
import { mayReachCupsScheduler } from './cups-scheduler.js';
import { readOptional } from './read-optional.js';
import { runTool } from './run-tool.js';

/** One CUPS queue, joined from `lpstat -l -p -v` (its queue and device listings) and its PPD. */
export interface CupsQueue {
  name: string;
  uri?: string;
  description?: string;
  location?: string;
  /** Path from the "Interface:" line, usually /etc/cups/ppd/<queue>.ppd. */
  interface?: string;
  /** *NickName or *ModelName from the PPD. */
  model?: string;
}

/** `lpstat -v`: "device for OfficeJet_Pro_8600: hp:/usb/Officejet_Pro_8600?serial=CN123" → name → URI. */
export function parseLpstatDevices(text: string): Map<string, string> {
  const devices = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^device for ([^:\s]+):\s*(\S+)/.exec(line);
    if (match?.[1] && match[2]) devices.set(match[1], match[2]);
  }
  return devices;
}

/** `lpstat -l -p`: a "printer NAME …" line, then tab-indented "Key: value" lines. */
export function parseLpstatPrinters(text: string): CupsQueue[] {
  const queues: CupsQueue[] = [];
  let current: CupsQueue | undefined;
  for (const line of text.split('\n')) {
    const start = /^printer (\S+) /.exec(line);
    if (start?.[1]) {
      current = { name: start[1] };
      queues.push(current);
      continue;
    }
    const field = /^\s+(Description|Location|Interface):\s*(.*)$/.exec(line);
    if (!current || !field?.[1]) continue;
    const key = field[1].toLowerCase() as 'description' | 'location' | 'interface';
    current[key] = clip(field[2]);
  }
  return queues;
}

/** The PPD's *NickName (what CUPS shows as make-and-model), else *ModelName. */
export function parsePpdModel(text: string): string | undefined {
  const pick = (key: string) => new RegExp(`^\\*${key}:\\s*"([^"]*)"`, 'm').exec(text)?.[1];
  return clip(pick('NickName') ?? pick('ModelName'));
}

/** Merges both lpstat listings by queue name; a queue in either one is kept. */
export function joinQueues(devices: Map<string, string>, printers: CupsQueue[]): CupsQueue[] {
  const byName = new Map(printers.map((queue) => [queue.name, { ...queue }]));
  for (const [name, uri] of devices) byName.set(name, { ...(byName.get(name) ?? { name }), uri });
  return [...byName.values()];
}

const FAX_SCHEMES = new Set(['fax', 'hpfax', 'efax', 'faxmodem']);
const FAX_TEXT = /\bfax(modem)?\b|faxmodem|[-_]fax$/i;
/** Model words that mean print + scan + copy (+ often fax) in one box. */
const MFD_TEXT = /\b(mfp|mfc|mfd|all-in-one|multifunction|workcentre|imagerunner|bizhub|taskalfa)\b/i;

/**
 * Fax in the URI: a faxmodem option, a driverless "/ipp/faxout" endpoint, or a
 * Bonjour "_fax-ipp._tcp" service (IPP FaxOut, which macOS sets up beside an
 * AirPrint MFP's print queue).
 */
const FAX_URI = /faxmodem|\/ipp\/faxout|\._fax-ipp\._tcp/i;

export function isFaxQueue(queue: CupsQueue): boolean {
  const scheme = queue.uri?.split(':')[0]?.toLowerCase() ?? '';
  if (FAX_SCHEMES.has(scheme) || FAX_URI.test(queue.uri ?? '')) return true;
  return [queue.name, queue.description, queue.model].some((text) => text !== undefined && FAX_TEXT.test(text));
}

/**
 * Which physical device a URI reaches, so a printer queue and a fax queue on
 * the same box can be paired: HPLIP's "hp:/usb/X?serial=S" and "hpfax:/usb/X?serial=S",
 * a driverless device's "ipp://host/ipp/print" and "ipp://host/ipp/faxout",
 * or macOS's Bonjour "dnssd://NAME._ipp._tcp.local./…" and "dnssd://NAME._fax-ipp._tcp.local./…"
 * (an MFP advertises its print and fax services under one instance name).
 * Other URIs pair with nothing: queues on one print server are not one box.
 */
export function deviceKey(uri: string | undefined): string | undefined {
  const hp = /^hp(?:fax)?:(.+)$/i.exec(uri ?? '');
  if (hp?.[1]) return `hp:${hp[1]}`;
  const dnssd = /^dnssd:\/\/([^/]+?)\._[a-z-]+\._tcp\./i.exec(uri ?? '');
  if (dnssd?.[1]) return `dnssd:${dnssd[1].toLowerCase()}`;
  const ipp = /^ipps?:\/\/(?:[^/@]*@)?([^/?]+)\/ipp\/(?:print|faxout)$/i.exec(uri ?? '');
  return ipp?.[1] ? `ipp:${ipp[1].toLowerCase()}` : undefined;
}

/** Classifies queues: fax queues → fax, a printer with a fax sibling or an MFD model → mfd, else printer. */
export function classifyQueues(queues: CupsQueue[]): Device[] {
  const faxKeys = new Set(queues.filter(isFaxQueue).map((queue) => deviceKey(queue.uri)).filter((key) => key !== undefined));
  return queues.map((queue) => {
    const kind: DeviceKind = isFaxQueue(queue)
      ? 'fax'
      : faxKeys.has(deviceKey(queue.uri) ?? '') || MFD_TEXT.test(`${queue.model ?? ''} ${queue.description ?? ''}`)
        ? 'mfd'
        : 'printer';
    return toDevice(queue, kind);
  });
}

function toDevice(queue: CupsQueue, kind: DeviceKind): Device {
  return {
    kind,
    name: clip(queue.name) ?? 'unnamed queue',
    model: queue.model ?? queue.description,
    serial: clip(/[?&]serial=([^&]+)/.exec(queue.uri ?? '')?.[1]),
    location: queue.location,
    connection: queue.uri ? clip(redactUri(queue.uri), 1024) : undefined,
  };
}

/** Device URIs can carry credentials ("smb://user:password@server/queue"); they never leave the machine. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

export async function collectCups(): Promise<ReportPart> {
  // One process prints both listings, `-l -p` then `-v`, and each parser skips the other's
  // lines: every lpstat costs a fork, an exec and ~15 ms of CPU, even just to find cupsd down.
  // A stopped cupsd or "No destinations added" makes lpstat exit non-zero: no queues, not an error.
  // With no scheduler anywhere lpstat could ask, it is not run at all (cups-scheduler.ts).
  if (!(await mayReachCupsScheduler())) return {};
  const text = await runTool('lpstat', ['-l', '-p', '-v'], { allowFailure: true, timeoutMs: 15_000 });
  if (text === undefined) return {};
  const queues = joinQueues(parseLpstatDevices(text), parseLpstatPrinters(text));
  const withModels = await Promise.all(queues.map(addPpdModel));
  return { devices: classifyQueues(withModels) };
}

async function addPpdModel(queue: CupsQueue): Promise<CupsQueue> {
  const ppdPath = queue.interface?.endsWith('.ppd') ? queue.interface : `/etc/cups/ppd/${queue.name}.ppd`;
  const ppd = await readOptional(ppdPath);
  return ppd === undefined ? queue : { ...queue, model: parsePpdModel(ppd) };
}
