import { readFileSync } from 'node:fs';

/** A Windows fixture (what one section of the collection script prints), BOM kept. */
export const windowsFixture = (name: string): string => readFileSync(new URL(`../fixtures/windows/${name}`, import.meta.url), 'utf8');

/** The section fixtures of one ward PC. */
export const WARD_PC_SECTIONS: Readonly<Record<string, string>> = {
  identity: 'identity-domain-member.json',
  os: 'os-windows-10-22h2-enterprise.json',
  uninstall: 'uninstall-win10-ward-pc.json',
  appx: 'appx-ward-pc.json',
  hardware: 'hardware-dell-optiplex.json',
  printers: 'printers-ward-pc.json',
  modems: 'modems-usb.json',
};

/**
 * The collection script's document, as it prints it (a BOM, CRLF), built from
 * one fixture per section; `head` adds the fields a drop-folder document carries.
 */
export function collectionDocument(files: Readonly<Record<string, string>>, errors: Record<string, string> = {}, head: { collector?: string; collectedAt?: string } = {}): string {
  const sections = Object.entries(files).map(([id, file]) => `"${id}":${windowsFixture(file).replace(/^\uFEFF/, '').trim()}`);
  const fields = Object.entries(head).map(([k, v]) => `"${k}":${JSON.stringify(v)},`).join('');
  return `\uFEFF{${fields}"sections":{${sections.join(',')}},"errors":${JSON.stringify(errors)}}\r\n`;
}
