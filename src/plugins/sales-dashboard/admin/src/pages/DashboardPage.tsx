/**
 * The dashboard page (loaded lazily from the menu link, with chart.js in its own chunk): the
 * filters, then the sales section for users with `sales.read` and the receivables section for
 * users with `receivables.read`. A user with neither is told so (the server refuses them too).
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { FilterBar } from '../components/FilterBar';
import { useDashboardFilters } from '../filters';
import { useDashboardAccess } from '../hooks';
import { useDashboardText } from '../text';
import { ReceivablesSection } from './ReceivablesSection';
import { SalesSection } from './SalesSection';

const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <Box tag="section" aria-labelledby={id}>
    <Box paddingBottom={4}>
      <Typography variant="beta" tag="h2" id={id}>
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

export const DashboardPage = () => {
  const text = useDashboardText();
  const access = useDashboardAccess();
  const { filters } = useDashboardFilters();
  if (!access.sales && !access.receivables) return <Page.NoPermissions content={text.t('state.noPermissions')} />;
  return (
    <Page.Main>
      <Page.Title>{text.t('plugin.name')}</Page.Title>
      <Layouts.Header title={text.t('page.title')} subtitle={text.t('page.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8} paddingBottom={10}>
          <FilterBar showGrain={access.sales} />
          {access.sales && (
            <Section id="sales-dashboard-sales" title={text.t('section.sales')}>
              <SalesSection filters={filters} />
            </Section>
          )}
          {access.receivables && (
            <Section id="sales-dashboard-receivables" title={text.t('section.receivables')}>
              <ReceivablesSection filters={filters} />
            </Section>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DashboardPage;
