/**
 * /admin: accounts and access. Users (create, edit roles and groups, reset
 * password, disable or enable), groups and their members, API tokens
 * (create with a scope, the secret shown once; revoke). Sections are
 * sub-paths: /admin/users (the default), /admin/groups, /admin/tokens.
 */
import type { PageProps } from '../../app/PageDefinition';
import { linkClick } from '../../app/router';
import { useTitleDetail } from '../../app/title';
import { UsersSection } from './UsersSection';
import { GroupsSection } from './GroupsSection';
import { TokensSection } from './TokensSection';
import './admin.css';

const SECTIONS = [
  { path: 'users', label: 'Users' },
  { path: 'groups', label: 'Groups' },
  { path: 'tokens', label: 'API tokens' },
] as const;

export default function AdminPage({ user, subpath }: PageProps) {
  const current = SECTIONS.find((s) => s.path === subpath.split('/')[0]) ?? SECTIONS[0];
  useTitleDetail(current.label);
  return (
    <div class="admin-page">
      <nav class="admin-sections" aria-label="Admin sections">
        {SECTIONS.map((section) => (
          <a key={section.path} href={`/admin/${section.path}`} onClick={linkClick} aria-current={section === current ? 'page' : undefined}>{section.label}</a>
        ))}
      </nav>
      <main class="admin-content" aria-labelledby="admin-title">
        {current.path === 'users' && <UsersSection me={user.id} />}
        {current.path === 'groups' && <GroupsSection />}
        {current.path === 'tokens' && <TokensSection me={user.id} />}
      </main>
    </div>
  );
}
