/**
 * The hub's one script, served from /static/copy.js (the CSP allows scripts
 * from the hub itself only, never inline): it shows the copy buttons
 * (components/copy-button.tsx) and makes them copy. Plain ES2017, no build step.
 */
export const COPY_SCRIPT = `'use strict';
function selectText(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
// The Clipboard API needs a secure context (https, or the hub on localhost); a hub
// on plain http elsewhere falls back to copying the selected text.
async function copyText(element) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(element.textContent);
    return true;
  }
  selectText(element);
  return document.execCommand('copy');
}
for (const button of document.querySelectorAll('button[data-copy]')) {
  const target = document.getElementById(button.dataset.copy);
  if (!target) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const selectInstead = () => {
      selectText(target);
      button.textContent = 'Selected: press Ctrl+C (⌘C on a Mac)';
    };
    copyText(target).then((copied) => (copied ? (button.textContent = 'Copied') : selectInstead()), selectInstead);
  });
}
`;
