import type { Schema, Struct } from '@strapi/strapi';

export interface ComplaintMeasure extends Struct.ComponentSchema {
  collectionName: 'components_complaint_measures';
  info: {
    description: '\u5904\u7406\u63AA\u65BD: a containment, corrective or preventive measure, its owner, due date and result';
    displayName: 'Measure';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    doneAt: Schema.Attribute.DateTime;
    dueDate: Schema.Attribute.Date & Schema.Attribute.Required;
    key: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    kind: Schema.Attribute.Enumeration<['containment', 'corrective', 'preventive']> & Schema.Attribute.Required;
    ownerRole: Schema.Attribute.Enumeration<
      [
        'cs-supervisor',
        'cs-specialist',
        'order-coordinator',
        'sales-clerk',
        'planner',
        'quality',
        'sales-manager',
        'marketing-vp',
        'salesperson',
      ]
    > &
      Schema.Attribute.Required;
    result: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
  };
}

export interface ContractLine extends Struct.ComponentSchema {
  collectionName: 'components_contract_lines';
  info: {
    description: '\u5408\u540C\u884C: product, quantity and price as agreed; the amount is computed by the server';
    displayName: 'Contract line';
  };
  attributes: {
    lineAmount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    product: Schema.Attribute.Relation<'manyToOne', 'api::product.product'>;
    quantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    specification: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    unitPrice: Schema.Attribute.Decimal &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

export interface CustomerContact extends Struct.ComponentSchema {
  collectionName: 'components_customer_contacts';
  info: {
    description: '\u8054\u7CFB\u4EBA: a person at the customer';
    displayName: 'Contact';
  };
  attributes: {
    email: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    primary: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    title: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

export interface OrderLine extends Struct.ComponentSchema {
  collectionName: 'components_order_lines';
  info: {
    description: '\u8BA2\u5355\u884C: product, quantity and price; the amount is computed by the server';
    displayName: 'Order line';
  };
  attributes: {
    key: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    lineAmount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    product: Schema.Attribute.Relation<'manyToOne', 'api::product.product'>;
    quantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    reservedQuantity: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    source: Schema.Attribute.Enumeration<['own_production', 'outsourced']> & Schema.Attribute.DefaultTo<'own_production'>;
    specification: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    unitPrice: Schema.Attribute.Decimal &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

export interface ShipmentLine extends Struct.ComponentSchema {
  collectionName: 'components_shipment_lines';
  info: {
    description: "\u51FA\u8D27\u884C: an order line's quantity in this shipment";
    displayName: 'Shipment line';
  };
  attributes: {
    line: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    product: Schema.Attribute.Relation<'manyToOne', 'api::product.product'>;
    quantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    specification: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    unitPrice: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'complaint.measure': ComplaintMeasure;
      'contract.line': ContractLine;
      'customer.contact': CustomerContact;
      'order.line': OrderLine;
      'shipment.line': ShipmentLine;
    }
  }
}
