/**
 * The workflow screens' words in the admin user's language: our messages (./translations.ts), a
 * workflow's own states, actions and hints under its subject, and the department's role names,
 * which come from the domain (src/domain/staff-roles.ts) rather than a second copy here.
 */
import * as React from 'react';
import { useIntl } from 'react-intl';
import { STAFF_ROLES, RoleCode } from '../../domain/staff-roles';
import { Message, isMessage } from '../../domain/messages';
import { messageText } from '../../domain/message-text';
import { display } from '../display';
import type { SubjectCode } from './subjects';
import { en, MESSAGE_PREFIX, MessageKey } from './translations';

type Values = Record<string, string | number>;

/** `subject` picks the workflow whose states and actions are named; screens of no one workflow pass none. */
export const useWorkflowText = (subject?: SubjectCode) => {
  const { formatMessage, locale } = useIntl();
  return React.useMemo(() => {
    const t = (key: MessageKey, values?: Values) => formatMessage({ id: `${MESSAGE_PREFIX}${key}`, defaultMessage: en[key] }, values);
    // History may name a state or action this build does not know (a newer server): show the code.
    const known = (group: string, code: string) => (`${group}.${code}` in en ? t(`${group}.${code}` as MessageKey) : code);
    const own = (group: string, code: string) => (subject ? known(`${subject}.${group}`, code) : code);
    return {
      t,
      title: () => (subject ? t(`${subject}.title`) : ''),
      state: (code: string) => own('state', code),
      action: (code: string) => own('action', code),
      hint: (code: string) => own('hint', code),
      /** A dialog field's label: the workflow's own word when it has one (an order's note `kind`), else the shared one. */
      field: (name: string) => {
        const ownKey = `${subject}.field.${name}`;
        if (subject && ownKey in en) return t(ownKey as MessageKey);
        return known('field', name);
      },
      /** A code's word under `group` when there is one, else the code. */
      known,
      verdict: (code: string) => known('verdict', code),
      channel: (code: string) => known('channel', code),
      sealType: (code: string) => known('sealType', code),
      measureKind: (code: string) => known('measureKind', code),
      noteKind: (code: string) => known('noteKind', code),
      lineSource: (code: string) => known('lineSource', code),
      role: (code: string) => {
        const role = STAFF_ROLES[code as RoleCode];
        if (!role) return code;
        return locale.toLowerCase().startsWith('zh') ? role.nameZh : role.name;
      },
      dateTime: display.dateTime,
      money: display.money,
      /** A message the server stored (a credit reason), in this language; its stored English text for older rows. */
      said: (message: Message | null | undefined, stored: string | null) =>
        isMessage(message) ? messageText(message, locale.toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en') : stored,
    };
  }, [formatMessage, locale, subject]);
};

export type WorkflowText = ReturnType<typeof useWorkflowText>;
