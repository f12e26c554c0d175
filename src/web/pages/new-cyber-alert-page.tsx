import { CYBER_PLATFORMS, CYBER_SEVERITIES } from '../../cyber/cyber-alert-schema.js';
import type { Session } from '../../store/sessions.js';
import { PostForm } from '../components/post-form.js';
import { cyberAlertFormText } from '../cyber-alert-form-text.js';
import { refusalOf, typedOr, type FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';

/** The filled-in form as the alert text it became, numbered, so a refusal's `line N` can be found. */
function FormText({ refusal }: { refusal: FormRefusal }) {
  const lines = cyberAlertFormText(refusal.typed).trimEnd().split('\n');
  return (
    <details class="small" id="form-text" open>
      <summary>The form as alert text (the lines the problems name)</summary>
      <pre>{lines.map((l, i) => `${String(i + 1).padStart(2)}  ${l}`).join('\n')}</pre>
    </details>
  );
}

function PasteForm({ csrf, refusal }: { csrf: string; refusal?: FormRefusal }) {
  return (
    <PostForm id="paste" to="/cyber-alerts/new/paste" csrf={csrf} button="Add alert" refusal={refusal}>
      <h2>Paste the alert</h2>
      <label for="alert-text">Alert as YAML, as in a rules/cyber-alerts/ file (docs/cyber-alerts.md)</label>
      <textarea id="alert-text" name="text" rows={16} required maxlength={64 * 1024} spellcheck={false}>
        {typedOr(refusal, 'paste', 'text', '')}
      </textarea>
    </PostForm>
  );
}

function Field({ id, name, label, refusal, type = 'text', hint }: { id: string; name: string; label: string; refusal?: FormRefusal; type?: string; hint?: string }) {
  return (
    <>
      <label for={id}>{label}</label>
      {hint && <span class="small muted">{hint}</span>}
      <input id={id} name={name} type={type} value={typedOr(refusal, 'form', name, '')} />
    </>
  );
}

function Choice({ id, name, label, options, refusal, none }: { id: string; name: string; label: string; options: readonly string[]; refusal?: FormRefusal; none?: string }) {
  const chosen = typedOr(refusal, 'form', name, '');
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((o) => (
          <option value={o} selected={o === chosen}>
            {o}
          </option>
        ))}
      </select>
    </>
  );
}

/** One affected entry by form; an alert with several is pasted. */
function FillForm({ csrf, refusal }: { csrf: string; refusal?: FormRefusal }) {
  const refused = refusalOf(refusal, 'form');
  return (
    <PostForm id="form" to="/cyber-alerts/new/form" csrf={csrf} button="Add alert" refusal={refusal}>
      <h2>Or fill in the form</h2>
      {refused && <FormText refusal={refused} />}
      <Field id="f-reference" name="reference" label="Reference" hint="e.g. CC-4567" refusal={refusal} />
      <Field id="f-title" name="title" label="Title" refusal={refusal} />
      <Field id="f-published" name="published" label="Published" type="date" refusal={refusal} />
      <Choice id="f-severity" name="severity" label="Severity" options={CYBER_SEVERITIES} refusal={refusal} />
      <Field id="f-cves" name="cves" label="CVEs (optional)" hint="separated by commas or spaces" refusal={refusal} />
      <fieldset>
        <legend>Affected software</legend>
        <Choice id="f-match" name="match" label="Named by" options={['product', 'title']} refusal={refusal} />
        <Field id="f-name" name="name" label="Lifecycle product id (e.g. firefox), or a title pattern" refusal={refusal} />
        <label for="f-versions">Version ranges, one a line</label>
        <span class="small muted">e.g. before 131.0.2, or &gt;= 116, &lt; 128.3.1</span>
        <textarea id="f-versions" name="versions" rows={3}>
          {typedOr(refusal, 'form', 'versions', '')}
        </textarea>
        <Choice id="f-platform" name="platform" label="Platform" options={CYBER_PLATFORMS} none="any" refusal={refusal} />
      </fieldset>
      <label for="f-remedy">Remedy</label>
      <textarea id="f-remedy" name="remedy" rows={2}>
        {typedOr(refusal, 'form', 'remedy', '')}
      </textarea>
      <Field id="f-link" name="link" label="Link (https://…)" type="url" refusal={refusal} />
    </PostForm>
  );
}

/** Adding a cyber alert on the hub: pasted or filled in, both checked as a file is, and refused with each problem and everything typed kept. */
export function NewCyberAlertPage({ session, refusal }: { session: Session; refusal?: FormRefusal }) {
  return (
    <Layout title="Add a cyber alert" session={session}>
      <p class="small">
        <a href="/cyber-alerts">← All cyber alerts</a>
      </p>
      <h1>Add a cyber alert</h1>
      <p class="small muted">
        The alert is checked exactly as a file in rules/cyber-alerts/ is; once added it is in force at once and the machines carrying an affected version are listed.
        Nothing is stored if it is refused.
      </p>
      <PasteForm csrf={session.csrfToken} refusal={refusal} />
      <FillForm csrf={session.csrfToken} refusal={refusal} />
    </Layout>
  );
}
