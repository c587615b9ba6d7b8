/**
 * "Export ledger (XLSX)" on the contract list view: downloads the contract ledger
 * (GET /workflows/contract-ledger?format=xlsx) as the file the server names.
 */
import { useParams } from 'react-router-dom';
import { DownloadButton } from './DownloadButton';
import { CONTRACT_UID } from './subjects';
import { useWorkflowText } from './text';

export const LedgerExportButton = () => {
  // The list view's injection zone passes no props: the model is in the route (`collection-types/:slug`).
  const { slug } = useParams();
  const text = useWorkflowText();
  if (slug !== CONTRACT_UID) return null;
  return (
    <DownloadButton
      path="/workflows/contract-ledger?format=xlsx"
      fileName="contract-ledger.xlsx"
      label={text.t('ledger.export')}
      failed="ledger.failed"
    />
  );
};
