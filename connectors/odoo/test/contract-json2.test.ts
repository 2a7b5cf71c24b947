// The shared connector contract against the simulator playing Odoo 19: the same operations, chosen
// by version to run over JSON-2 (bearer API key, named arguments, HTTP statuses).
import { describeConnectorContract } from '@interline/hub/testing';
import { definitionPlaying, odooContract } from './support/contract-setup';

describeConnectorContract(odooContract(definitionPlaying('19.0')));
