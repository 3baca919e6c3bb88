/** The user menu in the header: who is logged in, with which roles, and "Log out". */
import { useEffect, useRef, useState } from 'preact/hooks';
import { logOut, type SessionUser } from './session';
import { navigate } from './router';

const initials = (name: string) => name.split(/\s+/).map((part) => part[0] ?? '').join('').slice(0, 2).toUpperCase();

export function UserMenu({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  const signOut = async () => {
    setOpen(false);
    await logOut();
    navigate('/login', { replace: true, force: true });
  };
  return (
    <div class="user-menu" ref={root}>
      <button ref={button} type="button" class="user-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span class="avatar" aria-hidden="true">{initials(user.displayName)}</span>
        <span class="user-name">{user.displayName}</span>
        <span class="caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div class="menu" role="menu" aria-label="User menu">
          <div class="menu-header">
            <strong>{user.displayName}</strong>
            <span>{user.id} · {user.roles.join(', ') || 'no roles'}</span>
          </div>
          <button type="button" role="menuitem" onClick={signOut}>Log out</button>
        </div>
      )}
    </div>
  );
}
