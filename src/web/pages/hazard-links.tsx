import type { HazardDetail } from '../../cso/hazard-log.js';
import type { HazardLink, LinkKind } from '../../store/hazards.js';
import { ChoiceList, type Choice } from '../components/choice-list.js';
import { PostForm } from '../components/post-form.js';
import { refusalOf, type FormRefusal } from '../form-refusal.js';
import type { LinkChoices } from '../hazard-link-form.js';

// A device has no page of its own (it shows on its asset's page), so it is listed without a link.
const LINK_HREF: Record<Exclude<HazardLink['kind'], 'device'>, string> = { asset: '/assets/', alert: '/alerts/' };

/** What the hazard is linked to, each with Unlink while it may change. */
export function Links({ hazard, csrf, canWrite }: { hazard: HazardDetail; csrf: string; canWrite: boolean }) {
  if (!hazard.links.length) return <p class="muted">Nothing linked.</p>;
  return (
    <ul class="links" id="hazard-links">
      {hazard.links.map((l) => (
        <li data-kind={l.kind} data-target={l.targetId}>
          {l.kind} {l.kind === 'device' ? `#${l.targetId} ${l.label ?? ''}` : <a href={`${LINK_HREF[l.kind]}${l.targetId}`}>#{l.targetId} {l.label ?? '(gone)'}</a>}
          {canWrite && (
            <form class="inline-form" method="post" action={`/hazards/${hazard.id}/links`}>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="op" value="remove" />
              <input type="hidden" name="kind" value={l.kind} />
              <input type="hidden" name="targetId" value={String(l.targetId)} />
              <button type="submit">Unlink</button>
            </form>
          )}
          {l.detail && (
            <details class="how-matched">
              <summary>How it was matched</summary>
              <p class="small">{l.detail}</p>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A refused link form is the one of the kind that was sent (all three post to …/links). */
const linkRefusal = (refusal: FormRefusal | undefined, kind: LinkKind) => {
  const refused = refusalOf(refusal, 'links');
  return refused?.typed.op !== 'remove' && refused?.typed.kind === kind ? refused : undefined;
};

interface LinkFieldProps {
  kind: LinkKind;
  hazard: HazardDetail;
  csrf: string;
  refusal?: FormRefusal;
  title: string;
  label: string;
  /** The field's name: an asset is named by hostname, the others by number. */
  name: 'hostname' | 'targetId';
  choices: readonly Choice[];
}

/** One kind's link form: one field offering the hazard's trust's records of that kind, anything else typed checked when sent. */
function LinkForm({ kind, hazard, csrf, refusal, title, label, name, choices }: LinkFieldProps) {
  const refused = linkRefusal(refusal, kind);
  return (
    <PostForm id={`link-${kind}`} to={`/hazards/${hazard.id}/links`} csrf={csrf} button="Link" refusal={refused}>
      <h3>{title}</h3>
      <input type="hidden" name="op" value="add" />
      <input type="hidden" name="kind" value={kind} />
      <label for={`link-${kind}-target`}>{label}</label>
      <input id={`link-${kind}-target`} name={name} list={`link-${kind}-choices`} required maxlength={255} autocomplete="off" value={refused?.typed[name] ?? ''}
        {...(name === 'targetId' && { inputmode: 'numeric' })} />
      <ChoiceList id={`link-${kind}-choices`} choices={choices} />
    </PostForm>
  );
}

/** Link an asset (by hostname), an alert or a found device (by number), each offering this trust's. */
export function LinkForms({ hazard, csrf, choices, refusal }: { hazard: HazardDetail; csrf: string; choices: LinkChoices; refusal?: FormRefusal }) {
  const form = { hazard, csrf, refusal };
  return (
    <>
      <LinkForm {...form} kind="asset" title="Link a machine" label="Hostname" name="hostname" choices={choices.hostnames.map((h) => ({ value: h }))} />
      <LinkForm {...form} kind="alert" title="Link an alert" label="Alert no." name="targetId"
        choices={choices.alerts.map((a) => ({ value: String(a.id), label: `${a.title}${a.hostname ? ` (${a.hostname})` : ''}` }))} />
      <LinkForm {...form} kind="device" title="Link a found device" label="Device no." name="targetId"
        choices={choices.devices.map((d) => ({ value: String(d.id), label: `${d.kind} ${d.name} on ${d.hostname}` }))} />
    </>
  );
}
