/**
 * How many choices a field offers. A <datalist> is sent whole with its page
 * and the browser filters it as one types; a trust of 100,000 machines would
 * make every such page megabytes and slow to open, so a field offers the most
 * recent few hundred, and anything else may still be typed (the hub checks it
 * when the form is sent).
 */
export const CHOICE_LIMIT = 200;

export interface Choice {
  value: string;
  /** Shown beside the value where the value alone says little (an alert's number). */
  label?: string;
}

/** The choices an <input list={id}> offers. */
export function ChoiceList({ id, choices }: { id: string; choices: readonly Choice[] }) {
  return (
    <datalist id={id}>
      {choices.map((c) => (
        <option value={c.value}>{c.label}</option>
      ))}
    </datalist>
  );
}
