/**
 * rules/devices/*.yaml: hardware known to be a fax, pager, modem or MFD, so an
 * agent's generic "usb" or "printer" device can be named for what it is.
 * Strict like the other rule files: a typo in a key is an error, never a silent no-match.
 */
import { z } from 'zod';

export const KNOWN_DEVICE_KINDS = ['fax', 'pager', 'modem', 'mfd'] as const;

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

/** Lower-case hex "vvvv:pppp", the form lsusb prints and the Linux agent puts in `connection`. */
const UsbId = z.string().regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/, { error: 'expected a USB id "vvvv:pppp" in lower-case hex' });
const ModelRegex = z.string().min(1).refine(isRegex, { error: 'not a valid regular expression' });

/** Exactly one of usb / model, so an entry never needs both to hold (or neither). */
const MatchSchema = z
  .strictObject({ usb: UsbId.optional(), model: ModelRegex.optional() })
  .refine((m) => (m.usb === undefined) !== (m.model === undefined), { error: 'give exactly one of usb or model' });

export const KnownDeviceSchema = z.strictObject({
  match: MatchSchema,
  kind: z.enum(KNOWN_DEVICE_KINDS),
  name: z.string().min(1),
  /** Shown beside the device: why it matters (e.g. "analogue line: check it is still needed"). */
  note: z.string().min(1),
  /** Where the id or model name was confirmed, so a reviewer can check it. */
  source: z.string().min(1),
});
export type KnownDevice = z.infer<typeof KnownDeviceSchema>;

export const KnownDevicesFileSchema = z.strictObject({
  devices: z.array(KnownDeviceSchema).min(1),
});
