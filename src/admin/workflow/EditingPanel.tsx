/**
 * The side panel of a record ruled by a state of its own rather than a workflow (a customer need):
 * once the state freezes it (won, lost), the panel says so and why, and the form is read-only
 * (./read-only.ts). Read from the server each time the document is (re)loaded.
 */
import * as React from 'react';
import { Flex } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { optionWord, wordLanguage } from '../../content-manager/option-words';
import { EditingNote } from './EditingNote';
import { OwnState, ownStateKnown, readOwnState, RULED_BY_OWN_STATE, useReadOnlyFollowsRecord } from './read-only';
import { useWorkflowText } from './text';

const EditingSummary = ({ model, documentId, revision }: { model: string; documentId: string; revision: string }) => {
  const text = useWorkflowText();
  const { locale } = useIntl();
  const [answer, setAnswer] = React.useState<OwnState>();
  React.useEffect(() => {
    let current = true;
    readOwnState(model, documentId).then(
      (read) => current && setAnswer(read),
      () => undefined // the server still refuses what it refuses
    );
    return () => {
      current = false;
    };
  }, [model, documentId, revision]);
  // A change of state since the form asked (another editor, a REST client) makes it ask again.
  useReadOnlyFollowsRecord(documentId, answer && { editing: answer.editing, revision: `${revision}.${answer.status}` });
  if (!answer || answer.editing.scope === 'all') return null;
  const stateWord = optionWord(model, RULED_BY_OWN_STATE[model].field, answer.status, wordLanguage(locale));
  return (
    <Flex direction="column" alignItems="stretch" width="100%">
      <EditingNote editing={answer.editing} stateWord={stateWord} text={text} />
    </Flex>
  );
};

export const EditingPanel: PanelComponent = ({ model, documentId, document }) => {
  const text = useWorkflowText();
  // The form's permissions were asked before it rendered: an editable record gets no panel.
  if (!RULED_BY_OWN_STATE[model] || !documentId || ownStateKnown(documentId)?.editing.scope === 'all') return null;
  return {
    title: text.t('editing.title'),
    content: <EditingSummary model={model} documentId={documentId} revision={String(document?.updatedAt ?? '')} />,
  };
};
