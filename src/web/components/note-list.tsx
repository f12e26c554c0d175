/** Notes on an alert or an action, oldest first: who wrote what, when. */
export function NoteList({ notes }: { notes: readonly { author: string; at: string; text: string }[] }) {
  if (!notes.length) return <p class="muted">No notes yet.</p>;
  return (
    <ul class="notes" id="notes">
      {notes.map((n) => (
        <li>
          <span class="small muted">
            {n.author}, {n.at}
          </span>
          <div class="note-text">{n.text}</div>
        </li>
      ))}
    </ul>
  );
}
