/**
 * The tasks (工作安排) given about a record, on its workflow side panel: what was asked of whom and
 * by when, and where it stands, each linked to the task. Read through the content manager's list,
 * so only those who may read tasks see them; for anyone else the section is simply not there.
 */
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { TASK } from '../../platform/uids';
import { Item, List, Section } from './PanelParts';
import { useWorkflowText } from './text';

interface LinkedTask {
  documentId: string;
  title: string;
  state: string;
  dueDate: string;
  assignee?: { displayName?: string; username?: string } | null;
}

export const LinkedTasks = ({ subject, documentId }: { subject: string; documentId: string }) => {
  const text = useWorkflowText('task');
  const client = useFetchClient();
  const [tasks, setTasks] = React.useState<LinkedTask[] | null>(null);
  React.useEffect(() => {
    let live = true;
    const filters = `filters[$and][0][subject][$eq]=${encodeURIComponent(subject)}&filters[$and][1][subjectId][$eq]=${encodeURIComponent(documentId)}`;
    client
      .get<{ results: LinkedTask[] }>(`/content-manager/collection-types/${TASK}?page=1&pageSize=20&sort=dueDate:ASC&${filters}`)
      .then((answer) => live && setTasks(answer.data.results))
      .catch(() => live && setTasks([]));
    return () => {
      live = false;
    };
  }, [client, subject, documentId]);
  if (!tasks || tasks.length === 0) return null;
  return (
    <Section title={text.t('panel.tasks')}>
      <List label={text.t('panel.tasks')}>
        {tasks.map((task) => (
          <Item key={task.documentId}>
            <Flex gap={2} wrap="wrap">
              <Link to={`/content-manager/collection-types/${TASK}/${task.documentId}`}>{task.title}</Link>
              <Badge>{text.state(task.state)}</Badge>
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {text.t('panel.taskDue', { assignee: task.assignee?.displayName ?? task.assignee?.username ?? '—', date: task.dueDate })}
            </Typography>
          </Item>
        ))}
      </List>
    </Section>
  );
};
