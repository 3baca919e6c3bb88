/** Creates a user (username, name, email, password, roles, groups) or changes one (all but username and password). */
import { useState } from 'preact/hooks';
import { Dialog } from '../../app/Dialog';
import { changeUser, createUser, ROLES, type Group, type Role, type User } from './adminApi';
import { formErrors, type FormErrors } from './formErrors';
import { PasswordField } from './PasswordField';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function UserDialog({ user, groups, me, onClose, onSaved }: { user?: User; groups: Group[]; me?: string; onClose(): void; onSaved(user: User): void }) {
  const [id, setId] = useState(user?.id ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>((user?.roles as Role[]) ?? ['employee']);
  const [memberOf, setMemberOf] = useState<string[]>(user?.groups ?? []);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  /** Editing a field takes its message away until the next try. */
  const edited = (name: string) => errors.fields[name] && setErrors({ ...errors, fields: { ...errors.fields, [name]: '' } });

  const check = (): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!user && !USERNAME.test(id)) fields.id = 'Use 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.';
    if (!displayName.trim()) fields.displayName = 'Enter the name colleagues know them by.';
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fields.email = 'Enter an email address like name@example.com, or leave it empty.';
    if (!user && password.length < 8) fields.password = 'Use at least 8 characters.';
    if (roles.length === 0) fields.roles = 'Give at least one role.';
    if (user && user.id === me && user.roles.includes('admin') && !roles.includes('admin')) fields.roles = 'You cannot take the admin role from yourself.';
    return fields;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = check();
    setErrors({ fields });
    if (Object.keys(fields).length) return;
    setBusy(true);
    try {
      const saved = user
        ? await changeUser(user.id, { displayName: displayName.trim(), email: email.trim() || null, roles: roles as [Role, ...Role[]], groups: memberOf })
        : await createUser({ id, displayName: displayName.trim(), email: email.trim() || undefined, password, roles: roles as [Role, ...Role[]], groups: memberOf });
      onSaved(saved);
    } catch (failure) {
      setErrors(formErrors(failure, ['id', 'displayName', 'email', 'password', 'roles', 'groups']));
      setBusy(false);
    }
  };

  const fieldError = (name: string) => errors.fields[name] && <p class="field-error" id={`user-${name}-error`}>{errors.fields[name]}</p>;
  const described = (name: string) => (errors.fields[name] ? `user-${name}-error` : undefined);
  return (
    <Dialog
      title={user ? `Edit ${user.displayName}` : 'New user'}
      wide
      onClose={onClose}
      footer={
        <>
          <button type="button" class="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="user-form" class="button primary" disabled={busy}>{user ? 'Save' : 'Create user'}</button>
        </>
      }
    >
      <form id="user-form" class="admin-form" onSubmit={submit} noValidate>
        <div class="form-grid">
          <div class="field">
            <label for="user-id">Username</label>
            <input id="user-id" class="input" value={id} disabled={Boolean(user)} autoComplete="off" autoFocus={!user} aria-invalid={Boolean(errors.fields.id)} aria-describedby={described('id')} onInput={(e) => { setId(e.currentTarget.value.trim().toLowerCase()); edited('id'); }} />
            {fieldError('id')}
          </div>
          <div class="field">
            <label for="user-name">Display name</label>
            <input id="user-name" class="input" value={displayName} autoFocus={Boolean(user)} aria-invalid={Boolean(errors.fields.displayName)} aria-describedby={described('displayName')} onInput={(e) => { setDisplayName(e.currentTarget.value); edited('displayName'); }} />
            {fieldError('displayName')}
          </div>
          <div class="field">
            <label for="user-email">Email</label>
            <input id="user-email" class="input" type="email" value={email} autoComplete="off" aria-invalid={Boolean(errors.fields.email)} aria-describedby={described('email')} onInput={(e) => { setEmail(e.currentTarget.value); edited('email'); }} />
            {fieldError('email')}
          </div>
          {!user && (
            <div class="field">
              <PasswordField id="user-password" label="Password" value={password} onInput={(value) => { setPassword(value); edited('password'); }} invalid={Boolean(errors.fields.password)} describedBy={described('password')} />
              {fieldError('password')}
            </div>
          )}
        </div>
        <fieldset class="choice-group" aria-describedby={described('roles')}>
          <legend>Roles</legend>
          {ROLES.map((r) => (
            <label key={r.role} class="choice">
              <input type="checkbox" checked={roles.includes(r.role)} onChange={() => { setRoles(toggle(roles, r.role)); edited('roles'); }} />
              <span>{r.label}</span>
              <span class="choice-note">{r.what}</span>
            </label>
          ))}
        </fieldset>
        {fieldError('roles')}
        <fieldset class="choice-group">
          <legend>Groups</legend>
          {groups.length === 0 && <p class="sub">No groups yet.</p>}
          {groups.map((g) => (
            <label key={g.id} class="choice">
              <input type="checkbox" checked={memberOf.includes(g.id)} onChange={() => setMemberOf(toggle(memberOf, g.id))} />
              <span>{g.name}</span>
              <span class="choice-note">{g.id}</span>
            </label>
          ))}
        </fieldset>
        {fieldError('groups')}
        {errors.general && <div class="alert error" role="alert">{errors.general}</div>}
      </form>
    </Dialog>
  );
}
