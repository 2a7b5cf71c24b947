// The contract kit's view of the Odoo connector: one valid input per operation (each nonce makes a
// new document), effects counted from the simulator's state, invalid configs naming their field.
import type { ConnectorContract } from '@interline/hub/testing';
import type { TObject } from '@sinclair/typebox';
import type { ConnectorDefinition } from '@interline/hub';
import { odooConnector } from '../../src';
import { SEED, startOdooSimulator } from '../../src/testing';
import type { OdooSimulatorState } from '../../src/testing';

const valid = { url: 'http://127.0.0.1:8069', database: 'interline', login: 'interline@example.com', apiKey: 'sim-odoo-key-integration' };

/** The connector whose simulator plays the given Odoo version (17.0: XML-RPC, 19.0: JSON-2). */
export function definitionPlaying(version: string): ConnectorDefinition<TObject, unknown> {
  const simulator = { ...odooConnector.simulator!, start: (options: { host?: string; port?: number }) => startOdooSimulator({ ...options, version }) };
  return { ...odooConnector, simulator } as unknown as ConnectorDefinition<TObject, unknown>;
}

export function odooContract(definition: ConnectorDefinition<TObject, unknown>): ConnectorContract<OdooSimulatorState> {
  return {
    definition,
    operations: {
      upsertCustomer: {
        faultOperation: 'res.partner.create',
        input: (nonce) => ({
          partyId: `party-${nonce}`,
          country: 'DE',
          partner: { name: `Contract Kit ${nonce} GmbH`, is_company: true, street: 'Cargo City Süd 537', zip: '60549', city: 'Frankfurt am Main', active: true },
          children: [{ ref: `party-${nonce}/contact/1`, vals: { type: 'contact', name: 'Export desk', email: 'export@contract.example' } }],
        }),
      },
      createSaleOrder: {
        input: (nonce) => ({
          orderId: `order-${nonce}`,
          customerPartyId: SEED.customerPartyId,
          currency: 'EUR',
          order: { origin: `PO-${nonce}` },
          lines: [{ productCode: 'AF-GEN', vals: { name: 'Air freight FRA-JFK', product_uom_qty: 120 } }],
          confirm: true,
        }),
      },
      createInvoice: {
        input: (nonce) => ({
          invoiceId: `invoice-${nonce}`,
          customerPartyId: SEED.customerPartyId,
          currency: 'EUR',
          move: { move_type: 'out_invoice' },
          lines: [{ productCode: 'FEE-AWB', vals: { name: 'Air waybill fee', quantity: 1, price_unit: 11.9 } }],
          post: true,
        }),
      },
      registerPayment: {
        input: (nonce) => ({ paymentId: `payment-${nonce}`, invoiceId: SEED.invoiceId, amount: 1.5, currency: 'EUR', paymentDate: '2025-03-12' }),
      },
      readDeliveryStatus: { input: () => ({ orderId: SEED.orderId }) },
    },
    faultOperation: 'upsertCustomer',
    countEffects: (state) => state.effects.length,
    invalidConfigs: [
      { config: {}, path: '/url' },
      { config: { ...valid, url: 'not a url' }, path: '/url' },
      { config: { ...valid, apiKey: 'short' }, path: '/apiKey' },
      { config: { ...valid, database: '' }, path: '/database' },
      { config: { ...valid, protocol: 'soap' }, path: '/protocol' },
      { config: { ...valid, poll: { pageSize: 0 } }, path: '/poll/pageSize' },
      { config: { ...valid, password: 'hunter22' }, path: '/password' },
    ],
  };
}
