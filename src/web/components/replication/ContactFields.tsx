import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The three contact fields of a replication request and of its acceptance (name, e-mail, phone). */
export interface ContactValues {
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export function ContactFields(props: {
  values: ContactValues;
  onChange: (key: keyof ContactValues) => (e: { currentTarget: { value: string } }) => void;
  errors: Partial<Record<string, string>> | undefined;
}) {
  const { t } = useTranslation();
  const { values, onChange, errors } = props;
  return (
    <>
      <TextInput
        label={t('replication.dialog.contactName')}
        withAsterisk
        autoComplete="name"
        value={values.contactName}
        onChange={onChange('contactName')}
        error={errors?.contactName}
      />
      <TextInput
        label={t('replication.dialog.contactEmail')}
        withAsterisk
        type="email"
        autoComplete="email"
        value={values.contactEmail}
        onChange={onChange('contactEmail')}
        error={errors?.contactEmail}
      />
      <TextInput
        label={t('replication.dialog.contactPhone')}
        type="tel"
        autoComplete="tel"
        value={values.contactPhone}
        onChange={onChange('contactPhone')}
        error={errors?.contactPhone}
      />
    </>
  );
}
