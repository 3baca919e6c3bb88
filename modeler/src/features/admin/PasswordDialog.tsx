/** Sets a new password for a user (at least 8 characters), e.g. when they forgot theirs. */
import { useState } from 'preact/hooks';
import { Dialog } from '../../app/Dialog';
import { changeUser, type User } from './adminApi';
import { formErrors } from './formErrors';
import { PasswordField } from './PasswordField';

export function PasswordDialog({ user, onClose, onSaved }: { user: User; onClose(): void; onSaved(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (password.length < 8) return setError('Use at least 8 characters.');
    setBusy(true);
    try {
      await changeUser(user.id, { password });
      onSaved();
    } catch (failure) {
      const { fields, general } = formErrors(failure, ['password']);
      setError(fields.password ?? general);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={`Reset the password of ${user.displayName}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" class="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="password-form" class="button primary" disabled={busy}>Set password</button>
        </>
      }
    >
      <form id="password-form" onSubmit={submit} noValidate>
        <p>The old password stops working at once.</p>
        <div class="field">
          <PasswordField id="new-password" label="New password" value={password} onInput={(value) => { setPassword(value); setError(undefined); }} invalid={Boolean(error)} describedBy={error ? 'new-password-error' : undefined} />
          {error && <p class="field-error" id="new-password-error">{error}</p>}
        </div>
      </form>
    </Dialog>
  );
}
