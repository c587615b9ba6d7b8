/**
 * What the complaint side panel shows of the complaint itself: the deadline of the state it is in
 * (flagged when passed) and its measures with kind, owner, due date and done/open. Read from the
 * edit view's document, which the content manager reads again after every action.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import type { Measure } from '../../domain/complaint-handling';
import { Item, List, Section } from './PanelParts';
import type { WorkflowText } from './text';

const Deadline = ({ dueAt, text }: { dueAt: string | null; text: WorkflowText }) => {
  // Compared when rendered: the panel is re-rendered on every visit and after every action.
  const overdue = dueAt !== null && new Date(dueAt).getTime() < Date.now();
  return (
    <Flex gap={2} wrap="wrap">
      <Typography variant="omega" fontWeight="bold">
        {text.t('panel.deadline')}:
      </Typography>
      <Typography variant="omega">{dueAt ? text.dateTime(dueAt) : text.t('panel.noDeadline')}</Typography>
      {overdue ? <Badge variant="danger">{text.t('panel.overdue')}</Badge> : null}
    </Flex>
  );
};

const Measures = ({ measures, text }: { measures: Measure[]; text: WorkflowText }) => (
  <Section title={text.t('panel.measures')}>
    <List label={text.t('panel.measures')}>
      {measures.map((measure) => (
        <Item key={measure.key}>
          <Flex gap={2} wrap="wrap">
            <Typography fontWeight="bold">{text.measureKind(measure.kind)}</Typography>
            <Badge variant={measure.doneAt ? 'success' : 'warning'}>
              {measure.doneAt ? text.t('panel.measureDone', { date: text.dateTime(String(measure.doneAt)) }) : text.t('panel.measureOpen')}
            </Badge>
          </Flex>
          <Typography variant="omega">{measure.description}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {text.t('panel.measureOwner', { role: text.role(measure.ownerRole) })} · {text.t('panel.measureDue', { date: measure.dueDate })}
          </Typography>
          {measure.result ? <Typography variant="omega">{measure.result}</Typography> : null}
        </Item>
      ))}
    </List>
    {measures.length === 0 ? <Typography variant="pi">{text.t('panel.noMeasures')}</Typography> : null}
  </Section>
);

export const ComplaintDetails = ({ document, text }: { document: Record<string, unknown> | undefined; text: WorkflowText }) => {
  if (!document) return null;
  return (
    <>
      <Deadline dueAt={(document.dueAt as string | null) ?? null} text={text} />
      <Measures measures={(document.measures as Measure[] | undefined) ?? []} text={text} />
    </>
  );
};
