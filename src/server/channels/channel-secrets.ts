// Channel credentials are encrypted at rest with AES-256-GCM under a key from the environment
// (RELAIS_SECRET_KEY). The embedded quick start has no environment to speak of, so it generates a key once
// and keeps it beside its data (mode 0600); a server on PostgreSQL must be given the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors.ts';

const VERSION = 'v1';

export type SecretBox = { seal(value: unknown): string; open<T = unknown>(sealed: string): T };

export function createSecretBox(keyHex: string): SecretBox {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) throw new AppError('internal', 'channel settings are not in a known format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return JSON.parse(Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8'));
      } catch {
        throw new AppError('internal', 'channel settings cannot be decrypted: was RELAIS_SECRET_KEY changed?');
      }
    },
  };
}

/** The configured key, or for the embedded database a key generated once in its data directory. */
export function resolveSecretKey(options: { secretKey: string | undefined; databaseUrl: string | undefined; dataDir: string }): string {
  if (options.secretKey) return options.secretKey;
  if (options.databaseUrl) throw new Error('RELAIS_SECRET_KEY is required with DATABASE_URL (generate one with: openssl rand -hex 32)');
  const file = join(resolve(options.dataDir), 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
