/**
 * The "fill in a form" way to add a cyber alert, turned into the same YAML
 * text a pasted alert or a rules/cyber-alerts/ file is, so both are checked by
 * one checker (addCyberAlert) and a refusal's `line N` points into text the
 * page can show. Nothing is judged here: an empty field is left out and the
 * checker says what is missing.
 */
import { stringify } from 'yaml';
import { z } from 'zod';

const FIELDS = ['reference', 'title', 'published', 'severity', 'cves', 'match', 'name', 'versions', 'platform', 'remedy', 'link'] as const;

/** Any field may be empty or odd: only its length is held here, the checker judges the rest, naming the line. */
export const CyberAlertFormSchema = z.strictObject(Object.fromEntries(FIELDS.map((f) => [f, z.string().max(4000, { error: 'at most 4000 characters' }).optional()])) as Record<(typeof FIELDS)[number], z.ZodOptional<z.ZodString>>);

/** The form's fields as typed (every value text). */
export type CyberAlertFormFields = Partial<Record<(typeof FIELDS)[number], string>>;

/** CVE ids separated by commas, spaces or new lines. */
const listOf = (text: string | undefined, separator: RegExp): string[] => (text ?? '').split(separator).map((s) => s.trim()).filter(Boolean);

/** Undefined for an empty field, so the key is left out of the text. */
const given = (text: string | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

function affectedEntry(f: CyberAlertFormFields): Record<string, unknown> {
  const versions = listOf(f.versions, /\r?\n/);
  return {
    [f.match === 'title' ? 'title' : 'product']: given(f.name),
    versions: versions.length ? versions : undefined,
    platform: given(f.platform),
  };
}

export function cyberAlertFormText(f: CyberAlertFormFields): string {
  const alert = {
    reference: given(f.reference),
    title: given(f.title),
    published: given(f.published),
    severity: given(f.severity),
    cves: listOf(f.cves, /[\s,]+/),
    affected: [affectedEntry(f)],
    remedy: given(f.remedy),
    link: given(f.link),
  };
  // Plain strings throughout (a date stays "2026-12-01", never a timestamp), as a person writes the file.
  return stringify(alert, { lineWidth: 0 });
}
