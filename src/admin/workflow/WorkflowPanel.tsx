/**
 * The workflow side panel of an edit view whose record type has a workflow (./subjects.ts): the
 * state, what the logged-in admin may do, the workflow's details of the record (a complaint's
 * deadline and measures), the current review round (roles awaited, each opinion with reviewer,
 * verdict, comment and proposed delivery date), the tasks given about it, and the history of every step.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { WorkflowView } from './api';
import { useWorkflow } from './hooks';
import { TASK_SUBJECT_TYPES } from '../../domain/tasks';
import { LinkedTasks } from './LinkedTasks';
import { EditingNote } from './EditingNote';
import { editingShown, useReadOnlyFollowsRecord } from './read-only';
import { Item, List, Section } from './PanelParts';
import { workflowOf, WorkflowSubject } from './subjects';
import { useWorkflowText, WorkflowText } from './text';

/** Records a task can be about (src/domain/tasks.ts). */
const TASK_SUBJECTS: string[] = [...TASK_SUBJECT_TYPES];

const Review = ({ view, text }: { view: WorkflowView; text: WorkflowText }) => {
  const { round, awaited, opinions } = view.review;
  const pending = awaited.filter((role) => !opinions.some((opinion) => opinion.role === role));
  return (
    <Section title={text.t('panel.round', { round })}>
      <Typography variant="omega">
        {text.t('panel.awaited')}: {pending.length ? pending.map(text.role).join(', ') : text.t('panel.nobodyAwaited')}
      </Typography>
      <List label={text.t('panel.opinions')}>
        {opinions.map((opinion) => (
          <Item key={`${opinion.role}-${opinion.givenAt}`}>
            <Flex gap={2} wrap="wrap">
              <Typography fontWeight="bold">{text.role(opinion.role)}</Typography>
              <Badge variant={opinion.verdict === 'approve' ? 'success' : 'danger'}>{text.verdict(opinion.verdict)}</Badge>
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {opinion.reviewer?.name ?? '—'} · {text.dateTime(opinion.givenAt)}
            </Typography>
            {opinion.comment ? <Typography variant="omega">{opinion.comment}</Typography> : null}
            {opinion.proposedDeliveryDate ? (
              <Typography variant="pi">{text.t('panel.proposedDelivery', { date: opinion.proposedDeliveryDate })}</Typography>
            ) : null}
          </Item>
        ))}
      </List>
      {opinions.length === 0 ? <Typography variant="pi">{text.t('panel.noOpinions')}</Typography> : null}
    </Section>
  );
};

const History = ({ view, text }: { view: WorkflowView; text: WorkflowText }) => (
  <Section title={text.t('panel.history')}>
    <List label={text.t('panel.history')}>
      {view.history.map((event, index) => (
        <Item key={`${event.at}-${index}`}>
          <Typography fontWeight="bold">{text.action(event.action)}</Typography>
          <Typography variant="pi">
            {event.fromState ? `${text.state(event.fromState)} → ` : ''}
            {text.state(event.toState)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {event.actor ? text.t('panel.by', { name: event.actor.name }) : ''}
            {event.role ? ` (${text.role(event.role)})` : ''} · {text.dateTime(event.at)}
          </Typography>
          {event.comment ? <Typography variant="omega">{event.comment}</Typography> : null}
        </Item>
      ))}
    </List>
    {view.history.length === 0 ? <Typography variant="pi">{text.t('panel.noHistory')}</Typography> : null}
  </Section>
);

interface SummaryProps {
  workflow: WorkflowSubject;
  documentId: string;
  document: Record<string, unknown> | undefined;
}

const WorkflowSummary = ({ workflow, documentId, document }: SummaryProps) => {
  const text = useWorkflowText(workflow.subject);
  const { view, error, isLoading } = useWorkflow(workflow.subject, documentId);
  useReadOnlyFollowsRecord(documentId, view && { editing: view.editing, revision: view.version });
  if (isLoading) return <Typography variant="pi">{text.t('panel.loading')}</Typography>;
  if (!view) return <Typography textColor="danger600">{text.t('panel.loadFailed', { message: error ?? '' })}</Typography>;
  const { Details } = workflow;
  return (
    <Flex role="region" aria-label={text.title()} direction="column" alignItems="stretch" gap={4} width="100%">
      {error ? <Typography textColor="danger600">{text.t('panel.loadFailed', { message: error })}</Typography> : null}
      <Flex gap={2} wrap="wrap">
        <Typography variant="omega" fontWeight="bold">
          {text.t('panel.state')}:
        </Typography>
        <Badge aria-label={text.t('panel.state')} variant={workflow.stateBadges[view.state] ?? 'primary'}>
          {text.state(view.state)}
        </Badge>
      </Flex>
      <Typography variant="omega">
        {text.t('panel.yourActions')}:{' '}
        {view.allowedActions.length ? view.allowedActions.map(text.action).join(', ') : text.t('panel.noActions')}
      </Typography>
      <EditingNote editing={editingShown(workflow.uid, view)} stateWord={text.state(view.state)} text={text} />
      {Details ? <Details document={document} text={text} /> : null}
      {view.review.round > 0 ? <Review view={view} text={text} /> : null}
      {TASK_SUBJECTS.includes(workflow.subject) ? <LinkedTasks subject={workflow.subject} documentId={documentId} /> : null}
      <History view={view} text={text} />
    </Flex>
  );
};

export const WorkflowPanel: PanelComponent = ({ model, documentId, document }) => {
  const workflow = workflowOf(model);
  const text = useWorkflowText(workflow?.subject);
  if (!workflow || !documentId) return null;
  return {
    title: text.title(),
    content: <WorkflowSummary workflow={workflow} documentId={documentId} document={document as Record<string, unknown> | undefined} />,
  };
};
