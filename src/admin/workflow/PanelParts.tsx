/**
 * The building blocks of the workflow side panel, shared by its generic part (./WorkflowPanel.tsx)
 * and each workflow's record details (./ComplaintDetails.tsx): a titled section, a labelled list, a
 * labelled figure.
 */
import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

export const Section = ({ title, children }: React.PropsWithChildren<{ title: string }>) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography variant="sigma" textColor="neutral600">
      {title}
    </Typography>
    {children}
  </Flex>
);

export const List = ({ label, children }: React.PropsWithChildren<{ label: string }>) => (
  <Box tag="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
    {children}
  </Box>
);

export const Item = ({ children }: React.PropsWithChildren) => (
  <Box tag="li" paddingTop={2} paddingBottom={2} borderColor="neutral150" style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}>
    <Flex direction="column" alignItems="stretch" gap={1}>
      {children}
    </Flex>
  </Box>
);

/** A label and its figure on one line; `danger` in red (an overdue amount). */
export const Figure = ({ label, value, danger }: { label: string; value: string; danger?: boolean }) => (
  <Flex gap={2} justifyContent="space-between">
    <Typography variant="omega">{label}</Typography>
    <Typography variant="omega" fontWeight="bold" textColor={danger ? 'danger600' : undefined}>
      {value}
    </Typography>
  </Flex>
);
