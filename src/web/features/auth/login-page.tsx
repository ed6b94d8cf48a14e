// The login page. Errors sit next to their field (a wrong password under the password); after signing in the
// person goes back to the page they were on when the session ended (?next=).
import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { applyServerError } from '../../lib/forms/server-errors.ts';
import { safeNextPath, setSession } from '../../lib/session/session.ts';
import { LanguageSwitch } from '../../lib/i18n/language-switch.tsx';
import { login } from './auth-api.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function LoginPage() {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const next = safeNextPath(params.get('next'));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : t('emailInvalid')),
      password: (v) => (v.length > 0 ? null : t('passwordRequired')),
    },
  });
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setBusy(true);
    try {
      const session = await login(values.email.trim(), values.password);
      queryClient.clear(); // nothing of a previous person's data stays in the cache
      setSession(queryClient, session);
      navigate(next ?? '/', { replace: true });
    } catch (err) {
      // A wrong email or password (401) belongs under the password field.
      setFormError(applyServerError(form, err, { unauthenticated: 'password', rate_limited: 'password' }));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-labelledby="login-title">
          <Stack>
            <div>
              <Title order={1} size="h2" id="login-title">{t('title')}</Title>
              <Text c="dimmed" size="sm" mt={4}>{t('subtitle')}</Text>
            </div>
            {params.get('expired') && <Alert color="blue" role="status">{t('expired')}</Alert>}
            {params.get('signedOut') && <Alert color="gray" role="status">{t('signedOut')}</Alert>}
            <TextInput label={t('email')} type="email" autoComplete="username" required autoFocus
              key={form.key('email')} {...form.getInputProps('email')} />
            <PasswordInput label={t('password')} autoComplete="current-password" required
              key={form.key('password')} {...form.getInputProps('password')} />
            {formError && <Alert color="red" role="alert">{formError}</Alert>}
            <Button type="submit" loading={busy} fullWidth>{t('submit')}</Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
