// The shared connector contract against the simulator playing Odoo 17: everything over XML-RPC.
import { describeConnectorContract } from '@interline/hub/testing';
import { definitionPlaying, odooContract } from './support/contract-setup';

describeConnectorContract(odooContract(definitionPlaying('17.0')));
