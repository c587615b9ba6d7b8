/**
 * Homepage widget: sales this month so far against the same days of last month (amount, orders,
 * change), the whole last month beside them, for users with `sales.read` (the widget's
 * permissions; the server checks again).
 */
import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useLoad } from '../hooks';
import { useDashboardText } from '../text';

const Figure = ({ label, amount, orders }: { label: string; amount: string; orders: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="beta" tag="p">
      ¥ {amount}
    </Typography>
    <Typography variant="pi" textColor="neutral600">
      {orders}
    </Typography>
  </Flex>
);

export const SalesMonthWidget = () => {
  const text = useDashboardText();
  const loaded = useLoad('widget sales-month', (api, signal) => api.salesMonth(signal));
  if (loaded.status === 'loading') return <Widget.Loading>{text.t('state.loading')}</Widget.Loading>;
  if (loaded.status === 'error') return <Widget.Error>{text.t('state.error', { message: loaded.error.message })}</Widget.Error>;
  const { today, thisMonth, sameDaysLastMonth, lastMonth, change } = loaded.data;
  const rising = change !== null && Number(change) >= 0;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-widget="sales-month">
      <Flex gap={8}>
        <Figure
          label={text.t('widget.salesMonth.thisMonth', { date: text.date(today) })}
          amount={text.money(thisMonth.amount)}
          orders={text.t('widget.salesMonth.orders', { count: thisMonth.orders })}
        />
        <Figure
          label={text.t('widget.salesMonth.lastMonth')}
          amount={text.money(sameDaysLastMonth.amount)}
          orders={text.t('widget.salesMonth.orders', { count: sameDaysLastMonth.orders })}
        />
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {text.t('widget.salesMonth.wholeLastMonth', { amount: text.money(lastMonth.amount) })}
      </Typography>
      <Typography variant="omega" fontWeight="bold" textColor={change === null ? 'neutral600' : rising ? 'success600' : 'danger600'}>
        {change === null
          ? text.t('widget.salesMonth.noChange')
          : text.t('widget.salesMonth.change', { change: `${rising ? '+' : ''}${text.percent(change)}` })}
      </Typography>
    </Flex>
  );
};

export default SalesMonthWidget;
