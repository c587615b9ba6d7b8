/**
 * A button that downloads a file the server makes (an XLSX export) under the name the server gives
 * it, and says so when it fails: the contract ledger, the performance sheet, the late-order watch.
 */
import * as React from 'react';
import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { fetchFile, saveFile } from '../files';
import { problemOf } from './api';
import { useWorkflowText } from './text';
import type { MessageKey } from './translations';

export const DownloadButton = ({
  path,
  fileName,
  label,
  failed,
  disabled = false,
}: {
  /** The admin API path of the file. */
  path: string;
  /** The name when the server gives none. */
  fileName: string;
  label: string;
  /** The message shown on failure, with `{message}`. */
  failed: MessageKey;
  disabled?: boolean;
}) => {
  const text = useWorkflowText();
  const client = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { file, fileName: named } = await fetchFile(client, path, fileName);
      saveFile(file, named);
    } catch (failure) {
      toggleNotification({ type: 'danger', message: text.t(failed, { message: problemOf(failure).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="secondary" startIcon={<Download />} onClick={download} loading={busy} disabled={disabled}>
      {label}
    </Button>
  );
};
