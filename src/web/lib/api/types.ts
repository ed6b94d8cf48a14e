// The API's objects as the app reads them (mirrors of the server's response schemas in /api/openapi.json).

export const ROLES = ['admin', 'supervisor', 'agent', 'provider_agent', 'expert', 'bot'] as const;
export type Role = (typeof ROLES)[number];
export const CORE_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'bot'];
export const STAFF_ROLES: readonly Role[] = ['admin', 'supervisor', 'agent', 'provider_agent', 'bot'];
export const CHANNEL_TYPES = ['email', 'chat', 'sms', 'facebook', 'instagram', 'x', 'community', 'web_form', 'api'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
/** Channels where one conversation may be answered in public (a comment) or in private (a direct message). */
export const SOCIAL_CHANNELS: readonly ChannelType[] = ['facebook', 'instagram', 'x'];
export const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const SEVERITIES = ['normal', 'complaint', 'angry', 'abusive', 'crisis'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const LANGUAGES = ['fr', 'en'] as const;

export type Page<T> = { items: T[]; nextCursor: string | null };

export type User = {
  id: string; orgId: string; email: string; name: string; role: Role; teamId: string | null;
  contactId: string | null; locale: string; disabled: boolean; createdAt: string;
  /** Routing: the topics (intents) and languages this person takes, and how many open conversations at most. */
  topics: string[]; languages: string[]; capacity: number;
};

export type Session = { user: User; csrfToken: string | null };

export type Conversation = {
  id: string;
  channel: { id: string; type: ChannelType; name: string };
  contact: { id: string; name: string | null };
  subject: string | null;
  status: Status;
  level: number;
  severity: Severity;
  intent: string | null;
  intentConfidence: number | null;
  language: string | null;
  priority: number;
  assigneeId: string | null;
  teamId: string | null;
  visibility: 'public' | 'private';
  tags: string[];
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  lastMessageAt: string;
  createdAt: string;
  /** Routing (second pass): waiting in the unrouted queue; the SLA sweeper's marks. */
  unrouted?: boolean;
  slaWarnedAt?: string | null;
  slaBreachedAt?: string | null;
};

export type MessageTriage = {
  language?: string; intent?: string | null; confidence?: number; severity?: Severity; sentiment?: number;
  flags?: string[]; decision?: string; level?: number; reasons?: string[]; crisisKind?: string;
};

export type Message = {
  id: string; conversationId: string; direction: 'inbound' | 'outbound';
  authorKind: 'customer' | 'bot' | 'expert' | 'agent' | 'system';
  authorUserId: string | null; authorContactId: string | null;
  body: string; bodyHtml: string | null; externalId: string | null; isPublic: boolean;
  attachments: { name: string; contentType: string; size: number; url?: string }[];
  triage: MessageTriage | null;
  delivery: { status: string; attempts?: number; error?: string; at?: string } | null;
  metadata: Record<string, unknown>;
  createdAt: string;
};

export type Note = { id: string; conversationId: string; authorUserId: string | null; authorName: string | null; body: string; createdAt: string };

export type Contact = {
  id: string; name: string | null; email: string | null; phone: string | null; segment: string | null;
  locale: string | null; mergedIntoId: string | null; createdAt: string;
  identities: { id: string; channelType: ChannelType; externalId: string; displayName: string | null; verified: boolean }[];
};

export type SuggestionHit = { kind: 'article' | 'resolved_answer'; id: string; title: string; language: string | null; score: number; snippet: string };
export type Suggestions = { hits: SuggestionHit[]; draft: { text: string } | null; draftUnavailable: string | null };

export type Alert = {
  id: string; kind: string; conversationId: string; messageId: string | null; summary: string;
  acknowledged: boolean; acknowledgedByUserId: string | null; acknowledgedAt: string | null; createdAt: string;
};

export type Channel = {
  id: string; type: ChannelType; name: string; isPublic: boolean; webhookPath: string;
  settingsConfigured: boolean; createdAt: string; embedSnippet: string | null;
};

export type ApiToken = { id: string; userId: string; name: string; lastUsedAt: string | null; createdAt: string };

export type IntentModel = { model: { id: string; version: string; labels: string[] } | null };

export type OrgSettings = {
  triage: { targetPrecision: number; autoAnswerThreshold: number | null; autoAnswerEnabled: boolean; reputationFollowers: number };
  alerts: { webhookUrl: string | null; webhookSecret: string | null; emails: string[] };
  [section: string]: unknown;
};

export type Team = {
  id: string; name: string; level: number | null; providerOrgId: string | null; skills: string[]; languages: string[];
  fallbackTeamId: string | null; signature: string | null; createdAt: string;
};

export const PRESETS = ['b2c', 'c2c', 'ia2c', 'all2c'] as const;
export type Preset = (typeof PRESETS)[number];
export const REDACTABLE_FIELDS = ['email', 'phone', 'address', 'orderNumber'] as const;

/** A rule that fired in a routing decision, with its reason in words. */
export type FiredRule = { id: string | null; name: string; reason: string };
export type Place = { level: number | null; teamId: string | null; assigneeId: string | null };
export type RoutingDecision = {
  id: string; kind: string; messageId: string | null; from: Place | null; to: Place; priority: number;
  rules: FiredRule[]; actorUserId: string | null; note: string | null; createdAt: string;
};
export type ConversationRouting = {
  conversationId: string; level: number; teamId: string | null; assigneeId: string | null; priority: number;
  confidential: boolean; unrouted: boolean;
  current: { target?: string; fired?: FiredRule[]; at?: string } | null;
  history: RoutingDecision[];
};

export const SLA_STATES = ['ok', 'warning', 'breached', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];
type SlaReading = { dueAt: string; doneAt: string | null; targetMinutes: number; elapsedMinutes: number; state: SlaState } | null;
export type ConversationSla = {
  conversationId: string; clock: 'always' | 'business'; target: { firstResponseMinutes: number; resolutionMinutes: number | null } | null;
  firstResponse: SlaReading; resolution: SlaReading; owed: 'first_response' | 'resolution' | null;
  warnedAt: string | null; breachedAt: string | null; state: SlaState;
};

export const ACTION_TYPES = ['answer_topic', 'commercial_gesture', 'refund', 'account_change', 'public_statement'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const MONEY_ACTIONS: readonly ActionType[] = ['commercial_gesture', 'refund'];
export const DELEGATION_MODES = ['autonomous', 'approval', 'forbidden'] as const;
export type DelegationMode = (typeof DELEGATION_MODES)[number];
export type DelegationRule = { id: string; teamId: string; actionType: ActionType; topic: string; mode: DelegationMode; maxAmount: number | null; updatedAt: string };

export type Approval = {
  id: string; conversationId: string; teamId: string | null; requestedByUserId: string; body: string; isPublic: boolean;
  actionType: ActionType; amount: number | null; ruleId: string | null; reason: string; status: 'pending' | 'approved' | 'rejected';
  decidedByUserId: string | null; decisionReason: string | null; edited: boolean; messageId: string | null; dueAt: string;
  overdue: boolean; decidedAt: string | null; createdAt: string;
};

export type Expert = {
  id: string; name: string; email: string; contactId: string | null; teamId: string | null; topics: string[]; languages: string[];
  capacity: number; reputation: number; disabled: boolean; invitation: 'pending' | 'accepted' | 'expired' | 'none';
  openConversations: number; createdAt: string;
};
export type ReputationEvent = { points: number; reason: string; conversationId: string | null; createdAt: string };
