import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './api.ts';
import type { Meta, Session } from './types.ts';

export const sessionKey = ['session'] as const;

/** The current session, or null when nobody is logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/auth/session', { handle401: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The session of a page inside the authenticated layout (the guard guarantees it exists). */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('no session');
  return data;
}

/** Store a session returned by login or password change and drop every other user's data. */
export function storeSession(client: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, session);
}

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api<Meta>('/api/meta'),
    staleTime: Infinity,
  });
}

export function roleLabel(meta: Meta | undefined, code: string): string {
  return meta?.roles.find((r) => r.code === code)?.label ?? code;
}
