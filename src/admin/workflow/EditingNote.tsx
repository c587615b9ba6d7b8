/**
 * Why a record's form is read-only, or which of its fields can still be edited: the reason of the
 * server's rule (src/domain/record-editing.ts) after the word of the state that decides it.
 */
import { Badge, Flex, Typography } from '@strapi/design-system';
import type { Editing } from '../../domain/record-editing';
import type { WorkflowText } from './text';

export const EditingNote = ({ editing, stateWord, text }: { editing: Editing | undefined; stateWord: string; text: WorkflowText }) => {
  if (!editing || editing.scope === 'all') return null;
  const reason = text.t('editing.because', { state: stateWord, reason: text.t(`editing.reason.${editing.reason}`) });
  return (
    <Flex role="note" aria-label={text.t('editing.readOnly')} direction="column" alignItems="stretch" gap={1}>
      {editing.scope === 'none' ? (
        <Badge variant="neutral">{text.t('editing.readOnly')}</Badge>
      ) : (
        <Typography variant="omega" fontWeight="bold">
          {text.t('editing.partly', { fields: editing.fields.map((field) => text.known('editing.field', field)).join(', ') })}
        </Typography>
      )}
      <Typography variant="omega">{reason}</Typography>
    </Flex>
  );
};
