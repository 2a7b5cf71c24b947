// Every controller of the portal, in one list: the Nest module serves them and the OpenAPI
// document is generated from their endpoint declarations.
import { CustomersController } from './customers/customers.controller';
import { CustomsController } from './customs/customs.controller';
import { PartnerFilesController } from './files/partner-files.controller';
import { FlightsController } from './flights/flights.controller';
import { HealthController } from './health/health.controller';
import { MeController } from './me/me.controller';
import { InternalController } from './internal/internal.controller';
import { MessagesController } from './messages/messages.controller';
import { DocsController } from './openapi/docs.controller';
import { PaymentsController } from './payments/payments.controller';
import { ShipmentsController } from './shipments/shipments.controller';
import { TrackingController } from './tracking/tracking.controller';

export const CONTROLLERS = [
  HealthController,
  DocsController,
  MeController,
  CustomersController,
  ShipmentsController,
  TrackingController,
  FlightsController,
  CustomsController,
  PaymentsController,
  PartnerFilesController,
  MessagesController,
  InternalController,
];
