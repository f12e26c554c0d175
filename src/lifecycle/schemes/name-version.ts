import { splitDotted } from './dotted.js';
import type { VersionScheme } from './version-scheme.js';

/**
 * Installers whose registry version is their own build number while the display
 * name carries the product's: .NET writes "Microsoft .NET Runtime - 8.0.28 (x64)"
 * with DisplayVersion 64.112.53549 (and 6.0.11 as 48.47.50420). The first dotted
 * number in the name decides, unless the reported version extends it (a package
 * "dotnet-runtime-8.0" at 8.0.11-1); a name without one falls back to the version.
 */
export const nameVersion: VersionScheme = {
  id: 'name-version',
  description: 'the dotted version in the display name ("Microsoft .NET Runtime - 8.0.28 (x64)" → 8.0.28), else the reported version',
  readsWholeVersion: true,
  normalise(version, name) {
    const named = /(?:^|[\s(-])v?(\d{1,4}\.\d{1,4}(?:\.\d{1,6}){0,2})(?=$|[\s)])/.exec(name.slice(0, 256))?.[1];
    const reported = splitDotted(version);
    if (!named) return reported;
    const fromName = splitDotted(named);
    return reported !== null && fromName !== null && `${reported}.`.startsWith(`${fromName}.`) ? reported : fromName;
  },
};
