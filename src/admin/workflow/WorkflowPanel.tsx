/**
 * The contract edit view's side panel: the workflow state, what the logged-in admin may do, the
 * current review round (roles awaited, each opinion with reviewer, verdict, comment and proposed
 * delivery date) and the history of every step.
 */
import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { CONTRACT_UID, ContractWorkflowView } from './api';
import { useContractWorkflow } from './hooks';
import { useWorkflowText, WorkflowText } from './text';

const STATE_BADGES: Record<string, 'success' | 'danger' | 'warning' | 'primary' | 'neutral'> = {
  approved: 'success',
  active: 'success',
  completed: 'success',
  changes_requested: 'warning',
  termination_proposed: 'danger',
  terminated: 'danger',
  cancelled: 'neutral',
  superseded: 'neutral',
};

const Section = ({ title, children }: React.PropsWithChildren<{ title: string }>) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography variant="sigma" textColor="neutral600">
      {title}
    </Typography>
    {children}
  </Flex>
);

const List = ({ label, children }: React.PropsWithChildren<{ label: string }>) => (
  <Box tag="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
    {children}
  </Box>
);

const Item = ({ children }: React.PropsWithChildren) => (
  <Box tag="li" paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}>
    <Flex direction="column" alignItems="stretch" gap={1}>
      {children}
    </Flex>
  </Box>
);

const Review = ({ view, text }: { view: ContractWorkflowView; text: WorkflowText }) => {
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

const History = ({ view, text }: { view: ContractWorkflowView; text: WorkflowText }) => (
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

const ContractWorkflowSummary = ({ documentId }: { documentId: string }) => {
  const text = useWorkflowText();
  const { view, error, isLoading } = useContractWorkflow(documentId);
  if (isLoading) return <Typography variant="pi">{text.t('panel.loading')}</Typography>;
  if (!view) return <Typography textColor="danger600">{text.t('panel.loadFailed', { message: error ?? '' })}</Typography>;
  return (
    <Flex role="region" aria-label={text.t('panel.title')} direction="column" alignItems="stretch" gap={4} width="100%">
      {error ? <Typography textColor="danger600">{text.t('panel.loadFailed', { message: error })}</Typography> : null}
      <Flex gap={2} wrap="wrap">
        <Typography variant="omega" fontWeight="bold">
          {text.t('panel.state')}:
        </Typography>
        <Badge aria-label={text.t('panel.state')} variant={STATE_BADGES[view.state] ?? 'primary'}>
          {text.state(view.state)}
        </Badge>
      </Flex>
      <Typography variant="omega">
        {text.t('panel.yourActions')}:{' '}
        {view.allowedActions.length ? view.allowedActions.map(text.action).join(', ') : text.t('panel.noActions')}
      </Typography>
      {view.review.round > 0 ? <Review view={view} text={text} /> : null}
      <History view={view} text={text} />
    </Flex>
  );
};

export const ContractWorkflowPanel: PanelComponent = ({ model, documentId }) => {
  const text = useWorkflowText();
  if (model !== CONTRACT_UID || !documentId) return null;
  return { title: text.t('panel.title'), content: <ContractWorkflowSummary documentId={documentId} /> };
};
