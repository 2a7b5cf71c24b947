// The Odoo connector: customers, sale orders, invoices and payments into Odoo over XML-RPC or JSON-2
// (chosen by server version), delivery status out of it, and a change poller that turns Odoo edits
// into canonical events. One definition drives config validation, docs and the contract kit.
import { defineConnector } from '@interline/hub';
import { OdooClient } from './client';
import { OdooConfigSchema } from './config';
import { createInvoice } from './operations/create-invoice';
import { createSaleOrder } from './operations/create-sale-order';
import { readDeliveryStatus } from './operations/read-delivery-status';
import { registerPayment } from './operations/register-payment';
import { upsertCustomer } from './operations/upsert-customer';
import { odooSimulator } from './simulator';
import { changes } from './sources/changes';

export const odooConnector = defineConnector({
  id: 'odoo',
  version: '1.0.0',
  summary: 'Odoo ERP over XML-RPC (up to 21) or JSON-2 (19+): customers, sale orders, invoices, payments, delivery status, and changes back as canonical events.',
  config: OdooConfigSchema,
  connect: (config, ctx) => new OdooClient(config, { logger: ctx.logger }),
  operations: { upsertCustomer, createSaleOrder, createInvoice, registerPayment, readDeliveryStatus },
  sources: { changes },
  health: (client) => client.health(),
  simulator: odooSimulator,
});

export default odooConnector;

export { OdooClient, many2oneId, many2oneName } from './client';
export type { Domain, OdooRecord, SearchOptions } from './client';
export { OdooConfigSchema, POLLED_MODELS } from './config';
export type { OdooConfig, OdooPollConfig, PolledModel } from './config';
export type { OdooTransport, OdooProtocol, OdooServerVersion, CallOptions } from './transport/transport';
export { XmlRpcTransport } from './transport/xmlrpc-transport';
export { Json2Transport } from './transport/json2-transport';
export { selectTransport, JSON2_SINCE_MAJOR } from './transport/select-transport';
export { errorForFault, errorForJson2Status, isTransientServerText } from './transport/odoo-errors';
export { encodeMethodCall, encodeMethodResponse, encodeFault, XmlRpcEncodeError } from './xmlrpc/encode';
export { decodeMethodCall, decodeMethodResponse, MAX_XMLRPC_BYTES } from './xmlrpc/decode';
export { XmlRpcDateTime, XmlRpcFormatError } from './xmlrpc/values';
export type { XmlRpcValue, XmlRpcStruct, XmlRpcFault, XmlRpcResponse } from './xmlrpc/values';
export { toOdooDatetime, fromOdooDatetime, fromOdooDate } from './odoo-dates';
export { UpsertCustomerInput } from './operations/upsert-customer';
export { CreateSaleOrderInput } from './operations/create-sale-order';
export { CreateInvoiceInput } from './operations/create-invoice';
export { RegisterPaymentInput } from './operations/register-payment';
export { ReadDeliveryStatusInput } from './operations/read-delivery-status';
export type { DeliveryStatus, DeliveryStatusResult } from './operations/read-delivery-status';
export { pollChanges, cursorKey, POLL_TICK_MS } from './sources/changes';
export type { PollReport } from './sources/changes';
export { partnerToParty } from './sources/inbound/partner-to-party';
export { saleOrderToOrder } from './sources/inbound/sale-order-to-order';
export { moveToInvoice } from './sources/inbound/move-to-invoice';
export type { PartnerSnapshot, OrderSnapshot, InvoiceSnapshot } from './sources/inbound/snapshots';
