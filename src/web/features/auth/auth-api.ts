import { api } from '../../lib/api/api-client.ts';
import type { Session } from '../../lib/api/types.ts';

export const login = (email: string, password: string) =>
  api<Session>('/auth/login', { method: 'POST', body: { email, password }, expectUnauthenticated: true });

export const logout = () => api<void>('/auth/logout', { method: 'POST', expectUnauthenticated: true });
