/**
 * "My mail" on the My work page: the logged-in person's own choice per kind of mail — immediately,
 * or in the daily digest (GET/PUT /workflows/my-work/mail-preferences; src/domain/mail-preferences.ts).
 * Each choice is saved when it is made; what the server answers is what is shown.
 */
import * as React from 'react';
import { Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Delivery, DELIVERIES, MAIL_KINDS, MailKind, MailPreferences } from '../../domain/mail-preferences';
import { problemOf } from './api';
import { useWorkflowText } from './text';

const PATH = '/workflows/my-work/mail-preferences';

export const MailPreferencesSection = () => {
  const text = useWorkflowText();
  const client = useFetchClient();
  const [preferences, setPreferences] = React.useState<MailPreferences | null>(null);
  const [said, setSaid] = React.useState<{ ok: boolean; message: string } | null>(null);
  React.useEffect(() => {
    let live = true;
    client
      .get<{ data: { preferences: MailPreferences } }>(PATH)
      .then((answer) => live && setPreferences(answer.data.data.preferences))
      .catch(
        (failure: unknown) => live && setSaid({ ok: false, message: text.t('myWork.mail.error', { message: problemOf(failure).message }) })
      );
    return () => {
      live = false;
    };
  }, [client]);
  if (!preferences) return said ? <Typography textColor="danger600">{said.message}</Typography> : null;
  const choose = (kind: MailKind, delivery: Delivery) =>
    client
      .put<{ data: { preferences: MailPreferences } }>(PATH, { data: { preferences: { [kind]: delivery } } })
      .then((answer) => {
        setPreferences(answer.data.data.preferences);
        setSaid({ ok: true, message: text.t('myWork.mail.saved') });
      })
      .catch((failure: unknown) => setSaid({ ok: false, message: text.t('myWork.mail.error', { message: problemOf(failure).message }) }));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-section="mail-preferences">
      <Typography variant="delta" tag="h2">
        {text.t('myWork.mail.title')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {text.t('myWork.mail.hint')}
      </Typography>
      <Flex gap={4} wrap="wrap" alignItems="flex-end">
        {MAIL_KINDS.map((kind) => (
          <Field.Root key={kind} name={`mail-${kind}`}>
            <Field.Label>{text.t(`myWork.mail.kind.${kind}`)}</Field.Label>
            <SingleSelect value={preferences[kind]} onChange={(value) => choose(kind, value as Delivery)}>
              {DELIVERIES.map((delivery) => (
                <SingleSelectOption key={delivery} value={delivery}>
                  {text.t(`myWork.mail.delivery.${delivery}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        ))}
      </Flex>
      {said ? (
        <Typography variant="pi" textColor={said.ok ? 'success600' : 'danger600'}>
          {said.message}
        </Typography>
      ) : null}
    </Flex>
  );
};
