/** Groups and their members: tasks are offered to groups, so membership decides who sees which work. */
import { useEffect, useState } from 'preact/hooks';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { addMember, deleteGroup, listGroups, listUsers, removeMember, saveGroup, type Group, type User } from './adminApi';
import { formErrors } from './formErrors';

const GROUP_ID = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export function GroupsSection() {
  const [groups, setGroups] = useState<Group[]>();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<Group | 'new'>();
  const [deleting, setDeleting] = useState<Group>();

  const load = async () => {
    try {
      const [g, u] = await Promise.all([listGroups(), listUsers()]);
      setGroups(g);
      setUsers(u);
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  useEffect(() => void load(), []);
  const run = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      await load();
      setNotice(message);
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
      await load();
    }
  };
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;

  return (
    <section aria-labelledby="admin-title">
      <header class="admin-head">
        <div>
          <h1 id="admin-title">Groups</h1>
          <p class="admin-lead">A task offered to a group shows up for every member under “Tasks I can claim”.</p>
        </div>
        <button type="button" class="button primary" onClick={() => setEditing('new')}>New group</button>
      </header>
      {notice && <div class="alert success" role="status">{notice}</div>}
      {error && <div class="alert error" role="alert">{error}</div>}
      {groups && groups.length === 0 && <p class="admin-empty">No groups yet.</p>}
      <div class="group-cards">
        {groups?.map((group) => (
          <GroupCard key={group.id} group={group} users={users} nameOf={nameOf}
            onAdd={(userId) => run(() => addMember(group.id, userId), `${nameOf(userId)} is in ${group.name} now.`)}
            onRemove={(userId) => run(() => removeMember(group.id, userId), `${nameOf(userId)} left ${group.name}.`)}
            onRename={() => setEditing(group)} onDelete={() => setDeleting(group)} />
        ))}
      </div>
      {editing && <GroupDialog group={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} onSaved={async (g) => { setEditing(undefined); await load(); setNotice(`Saved group ${g.name}.`); }} />}
      {deleting && (
        <ConfirmDialog title={`Delete group ${deleting.name}?`} confirm="Delete group" danger onClose={() => setDeleting(undefined)}
          onConfirm={() => { const group = deleting; setDeleting(undefined); return run(() => deleteGroup(group.id), `Deleted group ${group.name}.`); }}>
          <p>Its {deleting.members.length} member{deleting.members.length === 1 ? '' : 's'} keep their accounts. Tasks already offered to “{deleting.id}” stay offered to it, but nobody is in it any more: a manager should assign them.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function GroupCard({ group, users, nameOf, onAdd, onRemove, onRename, onDelete }: { group: Group; users: User[]; nameOf(id: string): string; onAdd(userId: string): void; onRemove(userId: string): void; onRename(): void; onDelete(): void }) {
  const [adding, setAdding] = useState('');
  const candidates = users.filter((u) => !group.members.includes(u.id) && !u.disabledAt);
  const selectId = `add-member-${group.id}`;
  return (
    <article class="group-card" aria-labelledby={`group-${group.id}`}>
      <header>
        <h2 id={`group-${group.id}`}>{group.name} <span class="sub">{group.id}</span></h2>
        <div class="row-actions">
          <button type="button" class="button small" onClick={onRename} aria-label={`Rename ${group.name}`}>Rename</button>
          <button type="button" class="button small danger" onClick={onDelete} aria-label={`Delete ${group.name}`}>Delete</button>
        </div>
      </header>
      <ul class="members" aria-label={`Members of ${group.name}`}>
        {group.members.length === 0 && <li class="sub">No members yet.</li>}
        {group.members.map((id) => (
          <li key={id} class="member">
            <span>{nameOf(id)}</span>
            <button type="button" class="member-remove" onClick={() => onRemove(id)} aria-label={`Remove ${nameOf(id)} from ${group.name}`}>×</button>
          </li>
        ))}
      </ul>
      <form class="add-member" onSubmit={(e) => { e.preventDefault(); if (adding) { onAdd(adding); setAdding(''); } }}>
        <label class="visually-hidden" for={selectId}>Add a member to {group.name}</label>
        <select id={selectId} class="select" value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
          <option value="">Add a member…</option>
          {candidates.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.id})</option>)}
        </select>
        <button type="submit" class="button small" disabled={!adding}>Add</button>
      </form>
    </article>
  );
}

function GroupDialog({ group, onClose, onSaved }: { group?: Group; onClose(): void; onSaved(group: Group): void }) {
  const [id, setId] = useState(group?.id ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!group && !GROUP_ID.test(id)) fields.id = 'Use 2 to 63 lower-case letters, digits, dots, dashes or underscores (models name it in candidateGroups).';
    if (!name.trim()) fields.name = 'Enter a name people recognise.';
    setErrors(fields);
    if (Object.keys(fields).length) return;
    try {
      onSaved(await saveGroup(id, name.trim()));
    } catch (failure) {
      const found = formErrors(failure, ['id', 'name']);
      setErrors(found.fields);
      setGeneral(found.general);
    }
  };
  return (
    <Dialog title={group ? `Rename ${group.name}` : 'New group'} onClose={onClose}
      footer={<><button type="button" class="button" onClick={onClose}>Cancel</button><button type="submit" form="group-form" class="button primary">{group ? 'Save' : 'Create group'}</button></>}>
      <form id="group-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="group-id">Group id</label>
          <input id="group-id" class="input" value={id} disabled={Boolean(group)} autoFocus={!group} aria-invalid={Boolean(errors.id)} aria-describedby={errors.id ? 'group-id-error' : 'group-id-note'} onInput={(e) => setId(e.currentTarget.value.trim().toLowerCase())} />
          {errors.id ? <p class="field-error" id="group-id-error">{errors.id}</p> : <p class="field-note" id="group-id-note">What models use in candidate groups, e.g. billing.</p>}
        </div>
        <div class="field">
          <label for="group-name">Name</label>
          <input id="group-name" class="input" value={name} autoFocus={Boolean(group)} aria-invalid={Boolean(errors.name)} aria-describedby={errors.name ? 'group-name-error' : undefined} onInput={(e) => setName(e.currentTarget.value)} />
          {errors.name && <p class="field-error" id="group-name-error">{errors.name}</p>}
        </div>
        {general && <div class="alert error" role="alert">{general}</div>}
      </form>
    </Dialog>
  );
}
