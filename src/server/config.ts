// The only module that reads process.env: every setting is parsed and checked once, at start-up.
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  RELAIS_DATA_DIR: z.string().min(1).default('./data'),
  RELAIS_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RELAIS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RELAIS_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  RELAIS_SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  RELAIS_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  RELAIS_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  RELAIS_PUBLIC_URL: z.url().optional(),
  RELAIS_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  RELAIS_MAIL_FROM: z.string().min(3).default('Relais <relais@localhost>'),
  RELAIS_LLM_BASE_URL: z.url().optional(),
  RELAIS_LLM_MODEL: z.string().min(1).optional(),
  RELAIS_LLM_API_KEY: z.string().min(1).optional(),
  RELAIS_SMTP_LISTEN_PORT: z.string().optional(),
  RELAIS_API_CHANNEL_RATE_LIMIT: z.coerce.number().int().positive().default(60_000),
  RELAIS_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  RELAIS_SECRET_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes): openssl rand -hex 32').optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  bodyLimitBytes: number;
  logLevel: z.infer<typeof envSchema>['RELAIS_LOG_LEVEL'];
  seedDemo: 'auto' | 'never';
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  cookieSecure: 'true' | 'false' | 'auto';
  publicUrl: string | undefined;
  /** Outgoing email relay (alerts today; replies with the email channel). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** An OpenAI-compatible endpoint for optional generative answers; all three or none. */
  llm: { baseUrl: string; model: string; apiKey: string | undefined } | undefined;
  /** Encrypts channel credentials at rest. Without it, the embedded setup keeps a generated key in the data directory. */
  secretKey: string | undefined;
  /** Port of Relais's own SMTP listener for inbound email; null when it is off (the default). */
  smtpListenPort: number | null;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits key on it). */
  trustProxy: boolean;
  /** Messages per minute one API token may post on API channels before 429. */
  apiChannelRateLimitPerMinute: number;
};

export class ConfigError extends Error {}

function parseListenPort(value: string | undefined): number | null {
  const v = value?.trim().toLowerCase();
  if (!v || v === 'off' || v === 'false') return null;
  const port = Number(v);
  if (!/^\d+$/.test(v) || port > 65535) throw new ConfigError('invalid configuration: RELAIS_SMTP_LISTEN_PORT must be a port number or "off"');
  return port;
}

/** Parses the environment; throws a ConfigError whose message names every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`invalid configuration: ${reasons.join('; ')}`);
  }
  const e = parsed.data;
  if (Boolean(e.RELAIS_LLM_BASE_URL) !== Boolean(e.RELAIS_LLM_MODEL)) {
    throw new ConfigError('invalid configuration: RELAIS_LLM_BASE_URL and RELAIS_LLM_MODEL go together');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.RELAIS_DATA_DIR,
    bodyLimitBytes: e.RELAIS_BODY_LIMIT_BYTES,
    logLevel: e.RELAIS_LOG_LEVEL,
    seedDemo: e.RELAIS_SEED_DEMO,
    sessionTtlHours: e.RELAIS_SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.RELAIS_LOGIN_RATE_LIMIT,
    cookieSecure: e.RELAIS_COOKIE_SECURE,
    publicUrl: e.RELAIS_PUBLIC_URL,
    smtpUrl: e.RELAIS_SMTP_URL,
    mailFrom: e.RELAIS_MAIL_FROM,
    llm: e.RELAIS_LLM_BASE_URL && e.RELAIS_LLM_MODEL
      ? { baseUrl: e.RELAIS_LLM_BASE_URL, model: e.RELAIS_LLM_MODEL, apiKey: e.RELAIS_LLM_API_KEY }
      : undefined,
    secretKey: e.RELAIS_SECRET_KEY,
    smtpListenPort: parseListenPort(e.RELAIS_SMTP_LISTEN_PORT),
    trustProxy: e.RELAIS_TRUST_PROXY === 'true',
    apiChannelRateLimitPerMinute: e.RELAIS_API_CHANNEL_RATE_LIMIT,
  };
}
