import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { LlmClient } from '../triage/generative/llm-client.ts';

/** What route plugins need from the running server; built once by the entry point, and by tests. */
export type AppContext = {
  config: Config;
  database: Database;
  metrics: Metrics;
  startedAt: Date;
  /** Background jobs; absent in tests that only exercise HTTP. */
  queue?: JobQueue | undefined;
  /** The optional language model (RELAIS_LLM_*): drafts, summaries and grounded level-1 answers. */
  llm?: LlmClient | undefined;
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
