import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useLang } from '../i18n/index.js';
import { AdminConfirmDialog } from './AdminFormDialog.js';
import { AdminNotice } from './AdminPage.js';
import { apiErrorMessages } from './forms.js';

/**
 * An irreversible publication that takes one number written in full (a letter number, a decree): the card
 * with its field, then a confirmation dialog naming the consequences. A refusal about the field puts its
 * message on the field (the dialog closes); any other refusal shows in the dialog, or under the field once
 * the dialog is closed. Used by the finalist lists and the results.
 */
export function NumberedPublishCard<R>({
  id,
  title,
  label,
  hint,
  field,
  icon,
  buttonLabel,
  color,
  disabled,
  intro,
  publish,
  onPublished,
  confirmTitle,
  confirmLabel,
  confirmBody,
}: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: string;
  label: string;
  hint: string;
  /** The body field the API names in its field errors (`letterNumber`, `decreeNumber`). */
  field: string;
  icon: ReactNode;
  buttonLabel: string;
  color?: string;
  disabled: boolean;
  /** What the card says before the field (the window, what still blocks). */
  intro?: ReactNode;
  publish: (value: string) => Promise<R>;
  onPublished: (result: R) => void;
  confirmTitle: string;
  confirmLabel: string;
  /** The consequences, said in the dialog with the number as written. */
  confirmBody: (value: string) => ReactNode;
}) {
  const { lang } = useLang();
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: () => publish(value),
    onSuccess: (r) => {
      setConfirming(false);
      onPublished(r);
    },
    onError: (e) => {
      if (Object.keys(apiErrorMessages(e, lang).fields).length) setConfirming(false);
    },
  });
  const err = run.error ? apiErrorMessages(run.error, lang) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <Stack gap="sm">
        {intro}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run.reset();
            setConfirming(true);
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={label}
              description={hint}
              required
              maxLength={100}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                if (run.error) run.reset();
              }}
              error={err?.fields[field]}
            />
            {err && !confirming && !Object.keys(err.fields).length && (
              <AdminNotice tone="danger" role="alert">
                {err.general}
              </AdminNotice>
            )}
            <Group>
              <Button type="submit" color={color} leftSection={icon} disabled={disabled}>
                {buttonLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {confirming && (
        <AdminConfirmDialog
          title={confirmTitle}
          confirmLabel={confirmLabel}
          danger
          pending={run.isPending}
          error={err ? err.general : null}
          onConfirm={() => run.mutate()}
          onClose={() => setConfirming(false)}
        >
          {confirmBody(value)}
        </AdminConfirmDialog>
      )}
    </Paper>
  );
}
