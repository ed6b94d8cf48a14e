import { loadConfig } from '../../config.ts';
import { startServer } from '../../main.ts';

export async function startCommand(): Promise<number> {
  const server = await startServer(loadConfig());
  process.stdout.write(`Relais is listening on ${server.url} (database: ${server.database.kind})\n`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      server.app.log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
      server.stop().then(resolve, (err) => {
        server.app.log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  return 0;
}
