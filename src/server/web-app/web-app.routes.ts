// Serves the web app at `/`. Until the React desk lands (issue 6) this is a small, honest landing page
// pointing at the API documentation and the demo login.
import type { FastifyInstance } from 'fastify';

const page = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Relais</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}
a{color:#1c7ed6}code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Relais</h1>
<p>Plateforme de relation client auto-hébergée : automatisation, experts de la communauté et équipe cœur.</p>
<p>Self-hosted customer care: automation, community experts and a core team.</p>
<ul><li><a href="/api/docs">Documentation de l'API / API docs</a></li>
<li><a href="/api/health">État / Health</a></li></ul>
<p>Connexion : <code>POST /api/auth/login</code> avec l'identifiant affiché au premier démarrage.</p>
</body></html>`;

export async function webAppRoutes(app: FastifyInstance) {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
}
