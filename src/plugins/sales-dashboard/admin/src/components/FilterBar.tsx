/**
 * The dashboard's filters: date range, region, salesperson, customer, product category, and the
 * trend's period. Every change goes to the URL (../filters.ts); the statistics read it from there.
 * The choices come from the server: regions, salespeople and categories from /filters, customers
 * as the period's top customers by sales.
 */
import * as React from 'react';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { GRAINS } from '../api';
import { FilterName, useDashboardFilters } from '../filters';
import { useDashboardAccess, useLoad } from '../hooks';
import { useDashboardText } from '../text';
import type { MessageKey } from '../translations';

const CUSTOMER_CHOICES = 50;

const Choice = ({
  name,
  label,
  value,
  options,
  onChange,
  clearLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
  clearLabel?: string;
}) => (
  <Field.Root name={name}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect
      value={value ?? null}
      onChange={(picked) => onChange(String(picked))}
      onClear={clearLabel ? () => onChange(null) : undefined}
      clearLabel={clearLabel}
      placeholder={clearLabel}
    >
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);

export const FilterBar = ({ showGrain }: { showGrain: boolean }) => {
  const text = useDashboardText();
  const { filters, grain, change, reset } = useDashboardFilters();
  const choices = useLoad('filters', (api, signal) => api.filters(signal));
  const access = useDashboardAccess();
  // Customers are offered by their sales, which only a user with the sales permission may read.
  const customers = useLoad(`customers ${access.sales} ${filters.from} ${filters.to}`, (api, signal) =>
    access.sales
      ? api.table('breakdown', { by: 'customer', top: CUSTOMER_CHOICES, from: filters.from, to: filters.to }, signal)
      : Promise.resolve(null)
  );
  const all = text.t('filter.all');

  const customerOptions = (customers.data?.rows ?? []).map((row) => ({ value: row.key, label: row.label }));
  // A customer picked from a chart or a shared link may be outside the top: still show it as chosen.
  if (filters.customer && !customerOptions.some((option) => option.value === filters.customer))
    customerOptions.push({ value: filters.customer, label: filters.customer });

  const date = (name: 'from' | 'to') => (
    <Field.Root name={name}>
      <Field.Label>{text.t(`filter.${name}` as MessageKey)}</Field.Label>
      <TextInput
        type="date"
        value={filters[name] ?? choices.data?.defaultRange[name] ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => change({ [name]: event.target.value })}
      />
    </Field.Root>
  );
  const pick = (name: FilterName) => (value: string | null) => change({ [name]: value });

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      padding={5}
      tag="form"
      role="search"
      onSubmit={(event: React.FormEvent) => event.preventDefault()}
    >
      <Grid.Root gap={4}>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          {date('from')}
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          {date('to')}
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Choice
            name="region"
            label={text.t('filter.region')}
            value={filters.region}
            clearLabel={all}
            onChange={pick('region')}
            options={(choices.data?.regions ?? []).map((region) => ({ value: region, label: region }))}
          />
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Choice
            name="salesperson"
            label={text.t('filter.salesperson')}
            value={filters.salesperson}
            clearLabel={all}
            onChange={pick('salesperson')}
            options={(choices.data?.salespeople ?? []).map((person) => ({ value: String(person.id), label: person.name }))}
          />
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Choice
            name="customer"
            label={text.t('filter.customer')}
            value={filters.customer}
            clearLabel={all}
            onChange={pick('customer')}
            options={customerOptions}
          />
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Choice
            name="category"
            label={text.t('filter.category')}
            value={filters.category}
            clearLabel={all}
            onChange={pick('category')}
            options={(choices.data?.categories ?? []).map((category) => ({ value: category, label: category }))}
          />
        </Grid.Item>
      </Grid.Root>
      <Flex justifyContent="space-between" alignItems="flex-end" paddingTop={4} gap={4}>
        {showGrain ? (
          <Box minWidth="16rem">
            <Choice
              name="grain"
              label={text.t('filter.grain')}
              value={grain}
              onChange={(value) => change({ grain: value === 'month' ? null : value })}
              options={GRAINS.map((code) => ({ value: code, label: text.t(`grain.${code}` as MessageKey) }))}
            />
          </Box>
        ) : (
          <span />
        )}
        <Button variant="tertiary" startIcon={<Cross />} onClick={reset}>
          {text.t('filter.reset')}
        </Button>
      </Flex>
    </Box>
  );
};
