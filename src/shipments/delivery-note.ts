/**
 * A shipment's delivery note (出货单) as PDF: the stored shipment, its order, customer and products
 * put into the renderer's shape (src/pdf/delivery-note-pdf.ts), with the company's name and
 * address from configuration (COMPANY_NAME, COMPANY_ADDRESS).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { dateIn } from '../domain/business-date';
import { DeliveryNote, renderDeliveryNote } from '../pdf/delivery-note-pdf';
import { reportTimeZone } from '../platform/settings';
import { CONTRACT, SHIPMENT } from '../platform/uids';
import { noSuchDocument } from '../platform/errors';

export const deliveryNoteOf = async (strapi: Core.Strapi, documentId: string): Promise<DeliveryNote> => {
  const shipment = await strapi.db.query(SHIPMENT).findOne({
    where: { documentId },
    populate: {
      lines: { populate: { product: { select: ['sku', 'name', 'unit'] } } },
      order: { select: ['id', 'number'] },
      customer: { populate: { contacts: true } },
    },
  });
  if (!shipment) throw noSuchDocument('shipment');
  const contract = await strapi.db
    .query(CONTRACT)
    .findOne({ where: { orders: { id: shipment.order.id } }, select: ['number'], orderBy: { revision: 'desc' } });
  const contacts: { name: string; phone: string | null; primary: boolean }[] = shipment.customer?.contacts ?? [];
  const contact = contacts.find((candidate) => candidate.primary) ?? contacts[0];
  const company = strapi.config.get('server.business.company') as { name: string; address: string };
  return {
    company,
    shipmentNumber: shipment.number,
    date: dateIn(reportTimeZone(strapi), new Date(shipment.shippedAt ?? shipment.plannedDate ?? shipment.createdAt)),
    customer: {
      code: shipment.customer?.code ?? '',
      name: shipment.customer?.name ?? '',
      address: shipment.customer?.address ?? '',
      contactName: contact?.name ?? null,
      contactPhone: contact?.phone ?? null,
    },
    orderNumber: shipment.order.number,
    contractNumber: contract?.number ?? null,
    transport:
      shipment.transportMode === 'forwarder'
        ? { kind: 'forwarder', forwarder: shipment.forwarder ?? '', vessel: shipment.vessel, containerNumber: shipment.containerNumber }
        : { kind: 'truck', plate: shipment.truckPlate ?? '', driverName: shipment.driverName ?? '', driverPhone: shipment.driverPhone },
    inspectionReference: shipment.inspectionReference,
    customsReference: shipment.customsReference,
    lines: shipment.lines.map(
      (line: { quantity: number; specification: string | null; product: { sku: string; name: string; unit: string } }, index: number) => ({
        lineNo: index + 1,
        sku: line.product.sku,
        name: line.product.name,
        specification: line.specification,
        quantity: line.quantity,
        unit: line.product.unit,
      })
    ),
    remarks: shipment.remarks,
  };
};

export const deliveryNotePdf = async (strapi: Core.Strapi, documentId: string) => {
  const note = await deliveryNoteOf(strapi, documentId);
  return { filename: `${note.shipmentNumber}.pdf`, content: await renderDeliveryNote(note), contentType: 'application/pdf' };
};

/** Answers with the delivery note, shown in the browser rather than saved (REST and the admin panel). */
export const sendDeliveryNote = async (strapi: Core.Strapi, ctx: Context, documentId: string) => {
  const pdf = await deliveryNotePdf(strapi, documentId);
  ctx.type = pdf.contentType;
  ctx.set('Content-Disposition', `inline; filename="${pdf.filename}"`);
  ctx.body = pdf.content;
};
