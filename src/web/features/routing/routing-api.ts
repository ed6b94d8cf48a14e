// The pyramid's set-up: teams (queues) and the routing rules, with "where would this message go?".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/api-client.ts';
import { TEAMS_KEY } from '../../lib/api/directory.ts';
import type { FiredRule, Preset, Team } from '../../lib/api/types.ts';

export type RuleConditions = {
  intents?: string[]; severities?: string[]; languages?: string[]; channelTypes?: string[]; visibility?: 'public' | 'private';
  segments?: string[]; flags?: string[]; confidenceBelow?: number; confidenceAtLeast?: number; decision?: string;
};
export type RuleAction = { target: 'auto_answer' | 'level2' | 'level3' | 'team'; teamId?: string; priority?: number; tags?: string[] };
export type RoutingRule = { id: string; name: string; position: number; enabled: boolean; conditions: RuleConditions; action: RuleAction; createdAt: string; updatedAt: string };
export type RuleSet = { preset: Preset; builtIn: { name: string; stage: 'safety' | 'custom' | 'preset' }[]; items: RoutingRule[] };
export type RuleInput = { name: string; position?: number; enabled: boolean; conditions: RuleConditions; action: RuleAction };
export type Simulation = {
  triage: { language?: string; intent?: string | null; confidence?: number; severity?: string; flags?: string[]; decision?: string; reasons?: string[] };
  decision: { target: string; level: number; teamId: string | null; priority: number; confidential: boolean; fired: FiredRule[] };
  placement: { level: number; teamId: string | null; assigneeId: string | null; unrouted: boolean; notes: FiredRule[] } | null;
};
export type TeamInput = { name?: string; level?: 2 | 3 | null; skills?: string[]; languages?: string[]; fallbackTeamId?: string | null };

const RULES_KEY = ['routing', 'rules'] as const;

export const useRules = () => useQuery({ queryKey: RULES_KEY, queryFn: () => api<RuleSet>('/routing/rules') });

export function useSaveRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; rule: Partial<RuleInput> }) => (input.id
      ? api<RoutingRule>(`/routing/rules/${input.id}`, { method: 'PATCH', body: input.rule })
      : api<RoutingRule>('/routing/rules', { method: 'POST', body: input.rule })),
    onSuccess: () => void client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useDeleteRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/routing/rules/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useSimulate() {
  return useMutation({
    mutationFn: (body: { text: string; channelType: string; visibility: 'public' | 'private' }) => api<Simulation>('/routing/simulate', { method: 'POST', body }),
  });
}

export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; team: TeamInput }) => (input.id
      ? api<Team>(`/teams/${input.id}`, { method: 'PATCH', body: input.team })
      : api<Team>('/teams', { method: 'POST', body: input.team })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: TEAMS_KEY });
      void client.invalidateQueries({ queryKey: RULES_KEY });
    },
  });
}
