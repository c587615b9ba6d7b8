/**
 * The side panel of a record ruled by a state of its own rather than a workflow (a customer need):
 * once the state freezes it (won, lost), the panel says so and why, and the form turns read-only
 * (./read-only.ts) — also right after a save that settled it.
 */
import * as React from 'react';
import { Flex } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { optionWord, wordLanguage } from '../../content-manager/option-words';
import { EditingNote } from './EditingNote';
import { editingOfDocument, RULED_BY_OWN_STATE, useReadOnlyFollowsRecord } from './read-only';
import { useWorkflowText } from './text';

type Document = Record<string, unknown> | undefined;

const EditingSummary = ({ model, documentId, document }: { model: string; documentId: string; document: Document }) => {
  const text = useWorkflowText();
  const { locale } = useIntl();
  const editing = editingOfDocument(model, document);
  const field = RULED_BY_OWN_STATE[model].field;
  // The document's last update marks its revision: a save that settles it makes the form ask again.
  useReadOnlyFollowsRecord(documentId, document && { editing, revision: String(document.updatedAt ?? '') });
  return (
    <Flex direction="column" alignItems="stretch" width="100%">
      <EditingNote editing={editing} stateWord={optionWord(model, field, document?.[field], wordLanguage(locale))} text={text} />
    </Flex>
  );
};

export const EditingPanel: PanelComponent = ({ model, documentId, document }) => {
  const text = useWorkflowText();
  const editing = editingOfDocument(model, document as Document);
  if (!RULED_BY_OWN_STATE[model] || !documentId || !editing || editing.scope === 'all') return null;
  return {
    title: text.t('editing.title'),
    content: <EditingSummary model={model} documentId={documentId} document={document as Document} />,
  };
};
