/** Users: who has an account, with which roles and groups; create, edit, reset password, disable or enable. */
import { useEffect, useState } from 'preact/hooks';
import { ConfirmDialog } from '../../app/Dialog';
import { disableUser, enableUser, listGroups, listUsers, openTasksOf, ROLES, type Group, type User } from './adminApi';
import { UserDialog } from './UserDialog';
import { PasswordDialog } from './PasswordDialog';

type Open = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable'; user: User };

const roleLabel = (role: string) => ROLES.find((r) => r.role === role)?.label ?? role;
const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function UsersSection({ me }: { me: string }) {
  const [users, setUsers] = useState<User[]>();
  const [groups, setGroups] = useState<Group[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [open, setOpen] = useState<Open>();
  const [filter, setFilter] = useState('');

  const load = async () => {
    try {
      const [u, g] = await Promise.all([listUsers(), listGroups()]);
      setUsers(u);
      setGroups(g);
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  useEffect(() => void load(), []);

  const done = async (message: string) => {
    setOpen(undefined);
    await load();
    setNotice(message);
  };
  const enable = async (user: User) => {
    try {
      await enableUser(user.id);
      await done(`${user.displayName} can log in again.`);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const disable = async (user: User) => {
    try {
      await disableUser(user.id);
      const open = await openTasksOf(user.id).catch(() => 0);
      await done(`${user.displayName} is disabled: logged out everywhere, API tokens stopped.${open ? ` ${open} open task${open === 1 ? ' is' : 's are'} still assigned to them: a manager should reassign ${open === 1 ? 'it' : 'them'}.` : ''}`);
    } catch (failure) {
      setOpen(undefined);
      setError((failure as Error).message);
    }
  };

  const needle = filter.trim().toLowerCase();
  const shown = (users ?? []).filter((u) => !needle || `${u.id} ${u.displayName} ${u.email ?? ''}`.toLowerCase().includes(needle));
  return (
    <section aria-labelledby="admin-title">
      <header class="admin-head">
        <div>
          <h1 id="admin-title">Users</h1>
          <p class="admin-lead">{users ? `${users.length} accounts, ${users.filter((u) => u.disabledAt).length} disabled.` : 'Loading…'} Roles decide what each person may do; groups decide which tasks they are offered.</p>
        </div>
        <button type="button" class="button primary" onClick={() => setOpen({ kind: 'create' })}>New user</button>
      </header>
      {notice && <div class="alert success" role="status">{notice}</div>}
      {error && <div class="alert error" role="alert">{error}</div>}
      <div class="admin-toolbar">
        <label class="visually-hidden" for="user-filter">Find a user</label>
        <input id="user-filter" class="input" type="search" placeholder="Find by name, username or email" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      {users && (
        <table class="admin-table">
          <thead>
            <tr><th scope="col">User</th><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">Groups</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <tr key={user.id} class={user.disabledAt ? 'disabled' : undefined}>
                <td data-label="User"><strong>{user.displayName}</strong><span class="sub">{user.id}{user.id === me ? ' (you)' : ''}</span></td>
                <td data-label="Email">{user.email ?? <span class="sub">—</span>}</td>
                <td data-label="Roles"><span class="chips">{user.roles.map((r) => <span key={r} class={`chip role-${r}`}>{roleLabel(r)}</span>)}</span></td>
                <td data-label="Groups">{user.groups.length ? user.groups.join(', ') : <span class="sub">none</span>}</td>
                <td data-label="Status">{user.disabledAt ? <span class="status off">Disabled since {dateOf(user.disabledAt)}</span> : <span class="status on">Active</span>}</td>
                <td class="actions-cell"><div class="row-actions">
                  <button type="button" class="button small" onClick={() => setOpen({ kind: 'edit', user })} aria-label={`Edit ${user.displayName}`}>Edit</button>
                  <button type="button" class="button small" onClick={() => setOpen({ kind: 'password', user })} aria-label={`Reset the password of ${user.displayName}`}>Reset password</button>
                  {user.id !== me &&
                    (user.disabledAt ? (
                      <button type="button" class="button small" onClick={() => enable(user)} aria-label={`Enable ${user.displayName}`}>Enable</button>
                    ) : (
                      <button type="button" class="button small danger" onClick={() => setOpen({ kind: 'disable', user })} aria-label={`Disable ${user.displayName}`}>Disable</button>
                    ))}
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users && shown.length === 0 && <p class="admin-empty">No user matches “{filter}”.</p>}

      {open?.kind === 'create' && <UserDialog groups={groups} onClose={() => setOpen(undefined)} onSaved={(u) => done(`${u.displayName} can log in now as “${u.id}”.`)} />}
      {open?.kind === 'edit' && <UserDialog user={open.user} groups={groups} me={me} onClose={() => setOpen(undefined)} onSaved={(u) => done(`Saved ${u.displayName}.`)} />}
      {open?.kind === 'password' && <PasswordDialog user={open.user} onClose={() => setOpen(undefined)} onSaved={() => done(`New password set for ${open.user.displayName}. Give it to them in person or by phone, not by email.`)} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog title={`Disable ${open.user.displayName}?`} confirm="Disable" danger onClose={() => setOpen(undefined)} onConfirm={() => disable(open.user)}>
          <p>{open.user.displayName} will be logged out everywhere and cannot log in; their API tokens stop working and no new tasks are assigned to them. Their history stays. You can enable the account again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
