/** The WorkflowRefusal a planned step throws, for asserting on its kind, message and details. */
import { WorkflowRefusal } from '../../src/domain/workflow/engine';

export const refusal = (run: () => unknown): WorkflowRefusal => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};
