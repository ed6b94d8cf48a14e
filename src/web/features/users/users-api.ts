import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import { USERS_KEY } from '../../lib/api/directory.ts';
import type { Role, User } from '../../lib/api/types.ts';

export type NewUser = { email: string; name: string; role: Role; locale: 'fr' | 'en'; password?: string };
export type UserPatch = Partial<{ name: string; role: Role; locale: 'fr' | 'en'; disabled: boolean; topics: string[]; languages: string[]; capacity: number }>;

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUser) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; patch: UserPatch }) => api<User>(`/users/${input.id}`, { method: 'PATCH', body: input.patch }),
    onSuccess: (user) => client.setQueryData<User[]>(USERS_KEY, (list) => list?.map((u) => (u.id === user.id ? user : u))),
  });
}
