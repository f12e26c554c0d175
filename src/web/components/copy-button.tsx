/**
 * A button that copies the text of the element `target` names. It starts
 * hidden and /static/copy.js shows it: without script there is no button that
 * does nothing, and the text is selected by hand.
 */
export function CopyButton({ target, label }: { target: string; label: string }) {
  return (
    <button type="button" class="copy" data-copy={target} aria-label={`Copy ${label}`} aria-live="polite" hidden>
      Copy
    </button>
  );
}
