/**
 * The contract's workflow steps as content-manager document actions: one description component
 * per action of the machine, shown in the edit view's Entry panel when GET /workflows/contract/:id
 * lists it among the logged-in admin's allowed actions. Each opens its dialog (./ActionDialog.tsx).
 */
import * as React from 'react';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { CONTRACT_ACTIONS, ContractAction } from '../../domain/contract-review';
import { ActionDialog } from './ActionDialog';
import { CONTRACT_UID } from './api';
import { FINAL_ACTIONS } from './fields';
import { useContractWorkflow } from './hooks';
import { useWorkflowText } from './text';

const workflowAction = (action: ContractAction): DocumentActionComponent => {
  // Made once per action: a component type made per render would remount and lose what was typed.
  const Dialog = ({ onClose }: { onClose: () => void }) => <ActionDialog action={action} onClose={onClose} />;

  const WorkflowAction: DocumentActionComponent = ({ model, documentId }) => {
    const text = useWorkflowText();
    const { view } = useContractWorkflow(model === CONTRACT_UID ? documentId : undefined);
    if (!view?.allowedActions.includes(action)) return null;
    return {
      label: text.action(action),
      variant: FINAL_ACTIONS.includes(action) ? 'danger' : 'secondary',
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

/** Forward steps before the final ones, so that the panel's one visible button is never Cancel or Terminate. */
export const contractDocumentActions: DocumentActionComponent[] = [
  ...CONTRACT_ACTIONS.filter((action) => !FINAL_ACTIONS.includes(action)),
  ...FINAL_ACTIONS,
].map(workflowAction);
