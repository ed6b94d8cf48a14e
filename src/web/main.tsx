import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
import './app/app.css';
import { App } from './app/app.tsx';
import { FEATURES } from './app/features.ts';
import { initI18n } from './lib/i18n/i18n.ts';
import commonEn from './lib/i18n/common.en.json';
import commonFr from './lib/i18n/common.fr.json';

initI18n({ common: { fr: commonFr, en: commonEn }, ...Object.fromEntries(FEATURES.map((f) => [f.id, f.locales])) });
createRoot(document.getElementById('root')!).render(<App />);
