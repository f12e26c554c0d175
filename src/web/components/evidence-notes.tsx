/**
 * A printed report whose hub address is unknown (no publicUrl) cannot link
 * its figures, so it numbers each figure's evidence address as the reader
 * meets it and prints the addresses at the end: "12 [3]", then "3.
 * /board-reports/2026-11/evidence/assets?posture=unsupported". Figures are
 * numbered while the page renders, which hono/jsx does in document order, so
 * the list placed last holds every number given above it.
 */
import { createContext, useContext } from 'hono/jsx';

export class EvidenceNotes {
  private readonly numbers = new Map<string, number>();

  /** The note of an address: the one it was given, or the next. */
  numberOf(address: string): number {
    let n = this.numbers.get(address);
    if (n === undefined) this.numbers.set(address, (n = this.numbers.size + 1));
    return n;
  }

  get addresses(): string[] {
    return [...this.numbers.keys()];
  }
}

/** The notes of the page being printed; null on the hub, where figures link. */
export const EvidenceNotesContext = createContext<EvidenceNotes | null>(null);

/** A figure's note number, after its value, in a printed report without links. */
export function NoteMark({ address }: { address: string }) {
  const notes = useContext(EvidenceNotesContext);
  return notes && <sup class="note">[{notes.numberOf(address)}]</sup>;
}

/** Every numbered address, in order: the report's last section. */
export function EvidenceAddresses() {
  const notes = useContext(EvidenceNotesContext);
  if (!notes) return null;
  return (
    <section id="evidence-addresses">
      <h2>Where the rows behind each figure are</h2>
      <p class="small">Each number marked [n] counts the rows at note n's address on the estatewatch hub, as they stood when the report's snapshot was taken: open the hub and add the address to it.</p>
      <ol class="small">{notes.addresses.map((a) => <li><code>{a}</code></li>)}</ol>
    </section>
  );
}
