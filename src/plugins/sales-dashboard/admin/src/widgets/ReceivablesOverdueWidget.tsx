/**
 * Homepage widget: receivables overdue today (amount and customers) against all that is open, for
 * users with `receivables.read`.
 */
import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useLoad } from '../hooks';
import { useDashboardText } from '../text';

export const ReceivablesOverdueWidget = () => {
  const text = useDashboardText();
  const loaded = useLoad('widget receivables-overdue', (api, signal) => api.receivablesOverdue(signal));
  if (loaded.status === 'loading') return <Widget.Loading>{text.t('state.loading')}</Widget.Loading>;
  if (loaded.status === 'error') return <Widget.Error>{text.t('state.error', { message: loaded.error.message })}</Widget.Error>;
  const { overdueAmount, customers, openAmount } = loaded.data;
  return (
    <Flex direction="column" alignItems="flex-start" gap={3} data-widget="receivables-overdue">
      <Typography variant="sigma" textColor="neutral600">
        {text.t('widget.overdue.amount')}
      </Typography>
      <Typography variant="beta" tag="p" textColor={Number(overdueAmount) > 0 ? 'danger600' : 'neutral800'}>
        ¥ {text.money(overdueAmount)}
      </Typography>
      <Typography variant="omega">{text.t('widget.overdue.customers', { count: customers })}</Typography>
      <Typography variant="pi" textColor="neutral600">
        {text.t('widget.overdue.open')}: ¥ {text.money(openAmount)}
      </Typography>
    </Flex>
  );
};

export default ReceivablesOverdueWidget;
