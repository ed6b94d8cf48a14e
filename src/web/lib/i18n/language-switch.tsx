// Français / English, switchable at any time and remembered in this browser (see i18n.ts).
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APP_LANGUAGES, currentLanguage } from './i18n.ts';

export function LanguageSwitch(props: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation('common');
  return (
    <SegmentedControl
      size={props.size ?? 'xs'}
      aria-label={t('shell.language')}
      value={currentLanguage()}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={APP_LANGUAGES.map((lng) => ({ value: lng, label: lng === 'fr' ? 'FR' : 'EN' }))}
      data-testid="language-switch"
    />
  );
}
