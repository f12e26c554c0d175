/**
 * Patch currency in words, defined once for the summary and the board report
 * (issue 22 point 4): beside the support measures, never in their place. An
 * asset running only supported software can still lack months of fixes.
 */
import { count } from './plain-english.js';
import type { PostureFigures } from './posture-figures.js';

/** The summary's counts, in one sentence. */
export const PATCH_COUNTS_DEFINITION =
  'Patch currency counts each machine whose operating system is supported (ending soon included) and each install of a supported program judged on its own: "current" is at the newest version the lifecycle data knows for its release (for Windows, the newest cumulative update), "behind" means a newer one is out, and "cannot tell" means the data names no newest version for that release or the installed version cannot be set against it; distribution packages are patched with their operating system and are not counted.';

/** The board's figure, in one sentence. */
export const SUPPORTED_NOT_PATCHED_DEFINITION =
  'Supported but not patched counts the assets that run only supported software (the headline) whose operating system, or a program judged on its own, is behind the newest version the lifecycle data knows for its release: supported, but without fixes its vendor has already shipped.';

/** The Windows ages, in one sentence. */
export const WINDOWS_PATCH_AGE_DEFINITION =
  'Windows machines by how long a cumulative update newer than the one installed had been out on the snapshot day (previews never count); "cannot tell" is a build the update list (rules/patches/windows-cumulative-updates.yaml) does not cover, Windows 8.1 and older, or a list too old to vouch for "current".';

/** The narrative's sentence; null for a snapshot that did not record patch currency. */
export function patchSentence(f: PostureFigures): string | null {
  const p = f.patch;
  if (!p) return null;
  const n = p.supportedNotPatched.value;
  const old = p.windows['behind over 90 days'].value + p.windows['behind 61–90 days'].value;
  const windows = old ? ` ${count(old, 'Windows machine')} had gone more than 60 days without a newer cumulative update that was out.` : '';
  if (!n) return `Every asset that runs only supported software is at the newest versions the lifecycle data knows, where it can tell.${windows}`;
  return `${count(n, 'asset')} ${n === 1 ? 'runs' : 'run'} only supported software but ${n === 1 ? 'is' : 'are'} not patched: ${n === 1 ? 'its' : 'their'} operating system or a program is behind the newest version its vendor has shipped.${windows}`;
}
