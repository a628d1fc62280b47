import { useQuery } from '@tanstack/react-query';
import { get } from '../lib/api.ts';
import type { AdminUser, Org } from '../lib/types.ts';

export const orgsKey = ['admin', 'orgs'] as const;
export const usersKey = ['admin', 'users'] as const;

export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: orgsKey,
    queryFn: () => get<{ items: Org[] }>('/api/admin/orgs'),
    enabled,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: () => get<{ items: AdminUser[] }>('/api/admin/users'),
  });
}

export function isLocked(u: AdminUser): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

export function matchesUser(u: AdminUser, q: string): boolean {
  const s = q.trim().toLowerCase();
  return (
    !s || [u.username, u.displayName, u.orgName].some((x) => (x ?? '').toLowerCase().includes(s))
  );
}
