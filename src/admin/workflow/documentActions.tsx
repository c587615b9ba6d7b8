/**
 * The workflow steps as content-manager document actions: one description component per action
 * of each workflow (./subjects.ts), shown in the edit view's Entry panel of that workflow's record
 * type when GET /workflows/:subject/:id lists it among the logged-in admin's allowed actions. Each
 * opens its dialog (./ActionDialog.tsx).
 */
import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { ActionDialog } from './ActionDialog';
import { useWorkflow } from './hooks';
import { WORKFLOW_SUBJECTS, WorkflowSubject } from './subjects';
import { useWorkflowText } from './text';

const workflowAction = (workflow: WorkflowSubject, action: string): DocumentActionComponent => {
  // Made once per action: a component type made per render would remount and lose what was typed.
  const Dialog = ({ onClose }: { onClose: () => void }) => <ActionDialog workflow={workflow} action={action} onClose={onClose} />;

  const WorkflowAction: DocumentActionComponent = ({ model, documentId }) => {
    const text = useWorkflowText(workflow.subject);
    const { view } = useWorkflow(workflow.subject, model === workflow.uid ? documentId : undefined);
    if (!view?.allowedActions.includes(action)) return null;
    return {
      label: text.action(action),
      variant: workflow.finalActions.includes(action) ? 'danger' : 'secondary',
      // The Entry panel renders its second action as a submit button of the edit form: without
      // this the click would also save the form (the content manager prevents it only after an await).
      onClick: (event: React.SyntheticEvent) => {
        event.preventDefault();
      },
      dialog: { type: 'modal', title: text.action(action), content: Dialog },
    };
  };
  WorkflowAction.position = 'panel';
  return WorkflowAction;
};

export const workflowDocumentActions: DocumentActionComponent[] = WORKFLOW_SUBJECTS.flatMap((workflow) =>
  workflow.actions.map((action) => workflowAction(workflow, action))
);
